/**
 * The page Office's dialog opens for sign-in (dist/sign-in-dialog.html; src/office/officeDialog.ts):
 * MSAL's standard PublicClientApplication redirect flow, then the access token to the pane with
 * messageParent. The pane passes the app registration in the query; the redirect back to this page
 * drops it, so it waits in sessionStorage. Its redirect URI is this page's own URL, registered as a
 * single-page application's (docs/DEPLOY.md, step 1).
 */
import type { DialogAnswer } from "./officeDialog";

const AUTHORITY = "https://login.microsoftonline.com/organizations";
const STORED = "tracking-tokens.sign-in-dialog";

type Request = { clientId: string; scope: string };

function request(): Request | undefined {
  const query = new URLSearchParams(window.location.search);
  const clientId = query.get("clientId");
  const scope = query.get("scope");
  if (clientId && scope) {
    sessionStorage.setItem(STORED, JSON.stringify({ clientId, scope }));
    return { clientId, scope };
  }
  try {
    return JSON.parse(sessionStorage.getItem(STORED) ?? "null") as Request | undefined;
  } catch {
    return undefined;
  }
}

function answer(value: DialogAnswer): void {
  Office.context.ui.messageParent(JSON.stringify(value));
}

async function signIn(): Promise<void> {
  await Office.onReady();
  const wanted = request();
  if (wanted === undefined) {
    answer({ status: "failed", errorCode: "dialog_page_error", message: "The sign-in page was opened without an app registration." });
    return;
  }
  try {
    const msal = await import(/* webpackChunkName: "msal" */ "@azure/msal-browser");
    const redirectUri = new URL(window.location.pathname, window.location.origin).toString();
    const app = await msal.createStandardPublicClientApplication({
      auth: { clientId: wanted.clientId, authority: AUTHORITY, redirectUri },
      cache: { cacheLocation: "sessionStorage" },
    });
    const result = await app.handleRedirectPromise();
    if (result === null) {
      await app.loginRedirect({ scopes: [wanted.scope] });
      return; // the browser leaves for Entra ID and comes back to this page
    }
    sessionStorage.removeItem(STORED);
    answer({ status: "signed-in", accessToken: result.accessToken });
  } catch (error) {
    const errorCode = String((error as { errorCode?: unknown }).errorCode ?? (navigator.onLine ? "dialog_failed" : "no_network_connectivity"));
    answer({ status: "failed", errorCode, message: error instanceof Error ? error.message : String(error) });
  }
}

void signIn();
