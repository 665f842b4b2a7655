/**
 * The playground's sign-in page for the Office dialog (sign-in-dialog.html beside the playground's
 * pane pages, where src/office/officeDialog.ts's URL points from them). office.js opens it itself as
 * a browser window (README.md); where the shipped page runs MSAL's redirect flow against Entra ID,
 * this one plays the identity provider: it takes the playground's development token for the user
 * and sends the answer back with Microsoft's messageParent, in the shipped page's shape (DialogAnswer).
 */
import type { DialogAnswer } from "../../office/officeDialog";
import { findOpenerHost } from "./hostBridge";

async function signIn(): Promise<DialogAnswer> {
  const host = findOpenerHost(window);
  if (!host?.accessToken) return { status: "failed", errorCode: "dialog_failed", message: "The sign-in page was not opened from a playground pane." };
  if (host.isOffline()) return { status: "failed", errorCode: "no_network_connectivity", message: "The host is offline." };
  try {
    const accessToken = await host.accessToken();
    host.recordSignIn?.("Office dialog");
    return { status: "signed-in", accessToken };
  } catch (error) {
    return { status: "failed", errorCode: "dialog_failed", message: error instanceof Error ? error.message : String(error) };
  }
}

void Office.onReady().then(async () => {
  Office.context.ui.messageParent(JSON.stringify(await signIn()));
});
