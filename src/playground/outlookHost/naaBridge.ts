/**
 * The host's side of nested app authentication, so the real MSAL.js runs in the playground's panes.
 * Outlook puts `window.nestedAppAuthBridge` in the add-in's frame; MSAL's BridgeProxy posts JSON
 * request envelopes to it ({ messageType: "NestedAppAuthRequest", method: "GetInitContext" |
 * "GetToken" | "GetTokenPopup", requestId, tokenParams }) and listens for "message" events carrying
 * response envelopes ({ messageType: "NestedAppAuthResponse", requestId, success, initContext |
 * token + account | error: { status, code, description } }). Where Outlook's broker signs in
 * with Entra ID, this one answers with the tracking service's development token (session.ts,
 * devTokens) and an unsigned ID token for the same user, which MSAL only reads.
 */
import type { PaneHost } from "../model/paneHost";
import type { HostSignInPath } from "../model/types";
import type { PaneWindow } from "./paneDevice";

type BridgeListener = (response: string | { data: string }) => void;

export type FakeAuthBridge = {
  addEventListener(eventName: string, callback: BridgeListener): void;
  removeEventListener(eventName: string, callback: BridgeListener): void;
  postMessage(message: string): void;
};

type BridgeRequest = {
  readonly messageType?: unknown;
  readonly method?: unknown;
  readonly requestId?: unknown;
  readonly tokenParams?: { readonly clientId?: unknown; readonly scope?: unknown };
};

/** MSAL's BridgeStatusCode values this host answers with. */
type BridgeStatus = "USER_INTERACTION_REQUIRED" | "NO_NETWORK" | "TRANSIENT_ERROR" | "PERSISTENT_ERROR";
type BridgeError = { readonly status: BridgeStatus; readonly code?: string; readonly description?: string };

/** The playground's tenant: one made-up directory for all its users. */
export const PLAYGROUND_TENANT_ID = "7d1c0a5e-0000-4000-8000-0000000a11ce";
const ENVIRONMENT = "login.microsoftonline.com";

export function createNestedAppAuthBridge({ win, host }: { win: PaneWindow; host: PaneHost }): FakeAuthBridge {
  const listeners = new Set<BridgeListener>();
  const respond = (body: Record<string, unknown>) => {
    const message = JSON.stringify({ messageType: "NestedAppAuthResponse", ...body });
    // A host answers from its own task, never inside postMessage.
    win.setTimeout(() => {
      for (const listener of [...listeners]) listener(message);
    }, 0);
  };

  async function token(request: BridgeRequest, interactive: boolean): Promise<Record<string, unknown>> {
    const behaviour = host.options().nestedAppAuth;
    if (host.isOffline()) throw fail("NO_NETWORK", "no_network", "The host is offline.");
    if (behaviour === "unsupported") throw fail("PERSISTENT_ERROR", "nested_app_auth_unavailable", "This host does not offer nested app authentication.");
    if (behaviour === "consent-refused") {
      if (!interactive) throw fail("USER_INTERACTION_REQUIRED", "consent_required", "AADSTS65001: The user or administrator has not consented to use the application.");
      throw fail("PERSISTENT_ERROR", "access_denied", "AADSTS65004: User declined to consent to access the app.");
    }
    // MSAL's code for a popup that could not open; the pane then signs in through the Office dialog (signInDialog.ts).
    if (behaviour === "popup-blocked" && interactive) throw fail("PERSISTENT_ERROR", "popup_window_error", "The host could not open the sign-in popup.");
    if ((behaviour === "interaction-required" || behaviour === "popup-blocked") && !interactive) throw fail("USER_INTERACTION_REQUIRED", "interaction_required", "AADSTS50058: A silent sign-in request was sent but no user is signed in.");
    if (!host.accessToken) throw fail("PERSISTENT_ERROR", "no_service", "The playground has no tracking service to sign in to.");
    let accessToken: string;
    try {
      accessToken = await host.accessToken();
    } catch (error) {
      throw fail("TRANSIENT_ERROR", "dev_token_failed", error instanceof Error ? error.message : String(error));
    }
    const claims = jwtClaims(accessToken);
    const oid = typeof claims["oid"] === "string" ? claims["oid"] : host.user.emailAddress;
    const clientId = typeof request.tokenParams?.clientId === "string" ? request.tokenParams.clientId : "";
    const scope = typeof request.tokenParams?.scope === "string" ? request.tokenParams.scope : "";
    const path: HostSignInPath = interactive ? "NAA popup" : "NAA";
    host.recordSignIn?.(path);
    return {
      token: { access_token: accessToken, expires_in: typeof claims["exp"] === "number" ? Math.max(0, claims["exp"] - Math.floor(Date.now() / 1000)) : 3600, id_token: idToken(host, oid, clientId), properties: null, scope },
      account: { homeAccountId: `${oid}.${PLAYGROUND_TENANT_ID}`, environment: ENVIRONMENT, tenantId: PLAYGROUND_TENANT_ID, username: host.user.emailAddress, localAccountId: oid, name: host.user.displayName },
    };
  }

  function handle(raw: string): void {
    let request: BridgeRequest;
    try {
      request = JSON.parse(raw) as BridgeRequest;
    } catch {
      return; // not for us: MSAL sends JSON only
    }
    if (request.messageType !== "NestedAppAuthRequest" || typeof request.requestId !== "string") return;
    const requestId = request.requestId;
    if (request.method === "GetInitContext") {
      respond({ requestId, success: true, initContext: { sdkName: "tracking-tokens-playground", sdkVersion: "1.0.0", capabilities: { queryAccount: false } } });
      return;
    }
    if (request.method !== "GetToken" && request.method !== "GetTokenPopup") {
      respond({ requestId, success: false, error: { status: "PERSISTENT_ERROR", code: "unknown_method", description: `The playground's host does not answer ${String(request.method)}.` } });
      return;
    }
    token(request, request.method === "GetTokenPopup").then(
      (answer) => respond({ requestId, success: true, ...answer }),
      (error: unknown) => respond({ requestId, success: false, error: isBridgeError(error) ? error.bridge : { status: "PERSISTENT_ERROR", description: String(error) } }),
    );
  }

  return {
    addEventListener: (eventName, callback) => {
      if (eventName === "message") listeners.add(callback);
    },
    removeEventListener: (eventName, callback) => {
      if (eventName === "message") listeners.delete(callback);
    },
    postMessage: (message) => handle(String(message)),
  };
}

type FailedRequest = Error & { bridge: BridgeError };
const fail = (status: BridgeStatus, code: string, description: string): FailedRequest => Object.assign(new Error(description), { bridge: { status, code, description } });
const isBridgeError = (error: unknown): error is FailedRequest => error instanceof Error && "bridge" in error;

/** UTF-8 bytes as a binary string, for btoa; and back. */
const toBinary = (text: string) => encodeURIComponent(text).replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
const fromBinary = (binary: string) => decodeURIComponent(Array.from(binary, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`).join(""));

function base64Url(text: string): string {
  return btoa(toBinary(text)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function jwtClaims(token: string): Record<string, unknown> {
  try {
    const payload = token.split(".")[1] ?? "";
    return JSON.parse(fromBinary(atob(payload.replace(/-/g, "+").replace(/_/g, "/")))) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** An ID token as Entra ID shapes it, unsigned: MSAL reads its claims for the account and never sends it anywhere. */
function idToken(host: PaneHost, oid: string, clientId: string): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = { aud: clientId, iss: `https://${ENVIRONMENT}/${PLAYGROUND_TENANT_ID}/v2.0`, iat: now, nbf: now, exp: now + 3600, oid, sub: oid, tid: PLAYGROUND_TENANT_ID, preferred_username: host.user.emailAddress, name: host.user.displayName, ver: "2.0" };
  return `${base64Url(JSON.stringify({ alg: "none", typ: "JWT" }))}.${base64Url(JSON.stringify(claims))}.playground`;
}
