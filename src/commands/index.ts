/**
 * commands.js: the entry Outlook loads for OnMessageSend. In a browser runtime (web, new Outlook,
 * Mac) commands.html loads it after office.js; classic Outlook on Windows loads this file alone
 * into a JavaScript-only runtime, which has no window, no DOM, no localStorage or IndexedDB, and
 * never runs Office.onReady or Office.initialize code. So the handler is associated right here,
 * at load, and nothing waits for onReady (Microsoft: "Event-based activation behavior and
 * limitations"). Globals are read here, per event, and passed in.
 */
import { setWordCharFallback } from "../core/wordChars";
import { isWordCharFromRanges } from "../core/wordCharRanges";
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

const runtime = globalThis as RuntimeGlobals;

// Classic Outlook's JavaScript-only runtime may have no Unicode property escapes (ES2016): the token
// boundary rule then reads packed ranges instead (src/core/wordChars.ts).
setWordCharFallback(isWordCharFromRanges);

const onMessageSend = createOnMessageSendHandler({
  host: () => {
    if (!runtime.Office) throw new Error("Office.js is not loaded in this runtime.");
    return createOfficeSendHost(runtime.Office, {
      events: runtime.window ?? noConnectivityEvents,
      // No navigator (JavaScript-only runtime): assume online; the ping decides.
      isOnline: () => runtime.navigator?.onLine !== false,
      now: () => Date.now(),
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
