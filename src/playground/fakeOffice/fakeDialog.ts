/**
 * Office.context.ui's dialog for the playground's panes: where Outlook would open the sign-in page
 * (src/office/signInDialogPage.ts) and let it sign in with Entra ID, this host answers at once with
 * the playground's development token, in the page's own message shape (DialogAnswer). It keeps
 * Office's contracts: the callback and the messages come asynchronously, one dialog at a time (12007).
 */
import type { DialogAnswer } from "../../office/officeDialog";
import type { PaneHost } from "../model/paneHost";
import type { PaneWindow } from "./fakeOffice";

export const DIALOG_MESSAGE_RECEIVED = "dialogMessageReceived";
export const DIALOG_EVENT_RECEIVED = "dialogEventReceived";

type Handler = (arg: { message?: string; origin?: string; error?: number }) => void;
type Callback = (result: { status: "succeeded" | "failed"; value: unknown; error?: { code: number; name: string; message: string } }) => void;

export function createFakeDialogUi({ win, host }: { win: PaneWindow; host: PaneHost }) {
  let open = false;
  return {
    displayDialogAsync(_url: string, ...args: unknown[]): void {
      const callback = args.find((a): a is Callback => typeof a === "function");
      if (open) {
        win.setTimeout(() => callback?.({ status: "failed", value: undefined, error: { code: 12007, name: "Dialog", message: "A dialog box is already opened from this host window." } }), 0);
        return;
      }
      open = true;
      const handlers = new Map<string, Handler[]>();
      const dialog = {
        addEventHandler(type: string, handler: Handler) {
          handlers.set(type, [...(handlers.get(type) ?? []), handler]);
        },
        close() {
          open = false;
          handlers.clear();
        },
      };
      const send = (answer: DialogAnswer) => {
        for (const handler of handlers.get(DIALOG_MESSAGE_RECEIVED) ?? []) handler({ message: JSON.stringify(answer), origin: win.location.origin });
      };
      win.setTimeout(() => {
        callback?.({ status: "succeeded", value: dialog });
        if (host.isOffline()) return send({ status: "failed", errorCode: "no_network_connectivity", message: "The host is offline." });
        if (!host.accessToken) return send({ status: "failed", errorCode: "dialog_failed", message: "The playground has no tracking service to sign in to." });
        host.accessToken().then(
          (accessToken) => {
            host.recordSignIn?.("Office dialog");
            send({ status: "signed-in", accessToken });
          },
          (error: unknown) => send({ status: "failed", errorCode: "dialog_failed", message: error instanceof Error ? error.message : String(error) }),
        );
      }, 0);
    },
  };
}
