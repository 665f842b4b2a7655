/**
 * Sign-in through Office's dialog API, the token source's last step when MSAL's popup cannot open
 * (src/office/layeredTokenSource.ts; docs/DEPLOY.md, step 1). The pane opens the sign-in page
 * (dist/sign-in-dialog.html, on the add-in's own origin, so the manifests' AppDomains need nothing
 * more), which runs MSAL's redirect flow and sends one DialogAnswer back with messageParent.
 */
import { fromAsyncResult } from "./asyncResult";
import type { AsyncResultLike } from "./asyncResult";

/** What the sign-in page sends to the pane, as JSON. */
export type DialogAnswer = { readonly status: "signed-in"; readonly accessToken: string } | { readonly status: "failed"; readonly errorCode: string; readonly message: string };

/** What the open dialog tells the pane: a message from the page, or an event with Office's code (12006: closed). */
export type DialogNotice = { readonly kind: "message"; readonly message: string } | { readonly kind: "event"; readonly code: number };

/** The port: Office.context.ui's dialog, reduced to what sign-in needs. */
export type DialogHost = {
  /** Opens `url`; resolves once the dialog is open (rejects with an OfficeError: 12004, 12005, 12007, 12009...). */
  open(url: string, onNotice: (notice: DialogNotice) => void): Promise<{ close(): void }>;
};

/** An Office dialog failure, with an MSAL-style errorCode that classify() words (layeredTokenSource.ts). */
export class DialogSignInError extends Error {
  override name = "DialogSignInError";
  constructor(
    message: string,
    readonly errorCode: string,
  ) {
    super(message);
  }
}

/**
 * Office's dialog codes (Microsoft: "Handle errors and events in the Office dialog box") to the
 * codes the token source classifies: blocked (12009 the user ignored the prompt, 12011 the
 * browser blocks pop-ups), closed by the user (12006), and the setup errors an admin must fix.
 */
function dialogError(code: number | string): DialogSignInError {
  switch (Number(code)) {
    case 12006:
      return new DialogSignInError("The sign-in dialog was closed before sign-in finished.", "user_cancelled");
    case 12009:
    case 12011:
      return new DialogSignInError(`The browser did not let Outlook open the sign-in dialog (${code}).`, "dialog_blocked");
    case 12007:
      return new DialogSignInError("Another dialog of this add-in is still open; close it, then try again (12007).", "dialog_busy");
    case 12002:
    case 12003:
    case 12004:
    case 12005:
      return new DialogSignInError(`The sign-in page could not be opened (${code}): it must be served over HTTPS from the add-in's own origin (docs/DEPLOY.md).`, "dialog_page_error");
    default:
      return new DialogSignInError(`The Office dialog reported ${code}.`, "dialog_failed");
  }
}

/** Opens the sign-in page and resolves with the access token it sends; closes the dialog either way. */
export async function signInThroughDialog(host: DialogHost, url: string): Promise<string> {
  let settle: { resolve(token: string): void; reject(error: Error): void } | undefined;
  const answer = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  const dialog = await host
    .open(url, (notice) => {
      if (notice.kind === "event") return settle?.reject(dialogError(notice.code));
      const parsed = parseAnswer(notice.message);
      if (parsed.status === "signed-in") settle?.resolve(parsed.accessToken);
      else settle?.reject(new DialogSignInError(parsed.message, parsed.errorCode));
    })
    .catch((error: unknown) => {
      throw dialogError((error as { code?: number | string }).code ?? "unknown");
    });
  try {
    return await answer;
  } finally {
    dialog.close();
  }
}

function parseAnswer(message: string): DialogAnswer {
  try {
    const value = JSON.parse(message) as Partial<DialogAnswer>;
    if (value.status === "signed-in" && typeof value.accessToken === "string" && value.accessToken !== "") return value as DialogAnswer;
    if (value.status === "failed") return { status: "failed", errorCode: String(value.errorCode ?? "dialog_failed"), message: String(value.message ?? "") };
  } catch {
    // not JSON: answered below
  }
  return { status: "failed", errorCode: "dialog_failed", message: "The sign-in page answered something other than a token." };
}

type OfficeDialog = { addEventHandler(type: unknown, handler: (arg: { message?: string; error?: number }) => void): void; close(): void };
type OfficeUi = { displayDialogAsync(url: string, options: object, callback: (result: AsyncResultLike<OfficeDialog>) => void): void };

/** The DialogHost over Office.context.ui (Office must be ready). */
export function officeDialogHost(): DialogHost {
  return {
    async open(url, onNotice) {
      const ui = Office.context.ui as unknown as OfficeUi;
      // promptBeforeOpen: false is not allowed on the web; Office shows its own "allow" prompt there (12009 if ignored).
      const dialog = await fromAsyncResult<OfficeDialog>((callback) => ui.displayDialogAsync(url, { height: 60, width: 30 }, callback));
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => onNotice({ kind: "message", message: String(arg.message ?? "") }));
      dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => onNotice({ kind: "event", code: Number(arg.error ?? 0) }));
      return dialog;
    },
  };
}

/** The sign-in page's URL beside the pane's page: the same origin, as displayDialogAsync requires (12004). */
export function signInDialogUrl(clientId: string, scope: string, base: string = globalThis.location?.href ?? ""): string {
  const url = new URL("sign-in-dialog.html", base);
  url.search = new URLSearchParams({ clientId, scope }).toString();
  return url.toString();
}
