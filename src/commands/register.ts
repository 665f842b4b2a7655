/**
 * Associates the OnMessageSend handler at load, as both runtimes require: classic Outlook's
 * JavaScript-only runtime has no window or DOM and never runs Office.onReady or Office.initialize
 * code (Microsoft: "Event-based activation behavior and limitations"). Globals are read here, per
 * event, and passed in; the entry says how its runtime keeps the device's stores.
 */
import type { DeviceStorage } from "../storage/deviceStorage";
import { createOfficeSendHost, noConnectivityEvents } from "./officeSendHost";
import { createOnMessageSendHandler } from "./onMessageSend";
import type { SendEventLike } from "./onMessageSend";

/** The FunctionName of the LaunchEvent in manifest.xml. */
export const ON_MESSAGE_SEND_FUNCTION = "onMessageSendHandler";

type RuntimeGlobals = {
  Office?: typeof Office;
  window?: Window;
  navigator?: { onLine?: boolean };
};

export function registerOnMessageSend(deviceStorage: DeviceStorage): void {
  const runtime = globalThis as RuntimeGlobals;
  const onMessageSend = createOnMessageSendHandler({
    host: () => {
      if (!runtime.Office) throw new Error("Office.js is not loaded in this runtime.");
      return createOfficeSendHost(runtime.Office, {
        events: runtime.window ?? noConnectivityEvents,
        // No navigator (JavaScript-only runtime): assume online; the ping decides.
        isOnline: () => runtime.navigator?.onLine !== false,
        now: () => Date.now(),
        deviceStorage,
      });
    },
  });
  if (typeof runtime.Office?.actions?.associate === "function") {
    runtime.Office.actions.associate(ON_MESSAGE_SEND_FUNCTION, (event: SendEventLike) => {
      void onMessageSend(event);
    });
  } else {
    // Outside Outlook (the page opened on its own): nothing will send an event.
    console.warn("Tracking Tokens: Office.actions is missing; the send handler is not registered.");
  }
}
