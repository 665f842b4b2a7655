/**
 * Where the tracking service's access token comes from, in Microsoft's order of preference for an
 * add-in calling its own API (docs/DEPLOY.md, step 1):
 *
 * 1. Nested app authentication (NAA, requirement set NestedAppAuth 1.1): MSAL's nestable client,
 *    silent first, then a popup where the surface may show one;
 * 2. where NAA is not supported, Office's legacy single sign-on (OfficeRuntime.auth);
 * 3. where the popup cannot open, sign-in through the Office dialog API.
 *
 * In the send handler (`interactive: false`) only silent requests run: a handler cannot show UI,
 * and without a token it falls back to offline numbering. Each failure is an AccessTokenError with
 * its own `reason` and message. The token is always an access token for the service's own scope.
 */
import { AccessTokenError } from "./accessToken";
import type { AccessTokenSource } from "./accessToken";

/** How the last token was obtained: the playground and the pane show it. */
export type SignInPath = "naa-silent" | "naa-popup" | "office-sso" | "office-dialog";

/** Why no token came. */
export type TokenFailure = "interaction-required" | "consent-refused" | "cancelled" | "offline" | "popup-blocked" | "dialog-blocked" | "failed";

/** The part of MSAL's nestable IPublicClientApplication this source uses. */
export type NestableClient = {
  acquireTokenSilent(request: { scopes: string[] }): Promise<{ accessToken: string }>;
  acquireTokenPopup(request: { scopes: string[] }): Promise<{ accessToken: string }>;
};

export type LayeredTokenSourceOptions = {
  /** Office.context.requirements.isSetSupported("NestedAppAuth", "1.1"), read per call. */
  readonly naaSupported: () => boolean;
  /** Builds MSAL's nestable client; a lazy import, so MSAL loads only when a service is configured. */
  readonly loadNestableClient: () => Promise<NestableClient>;
  /** The service's scope, e.g. api://addin.contoso.com/<client-id>/access_as_user. */
  readonly scopes: readonly string[];
  /** Office's legacy SSO (createOfficeAccessTokenSource). */
  readonly legacy: AccessTokenSource;
  /** Signs in through Office's dialog API and resolves with an access token; undefined where there is none. */
  readonly dialog?: () => Promise<string>;
  /** False in the send handler: silent requests only. */
  readonly interactive: boolean;
  readonly onPath?: (path: SignInPath) => void;
};

/** AccessTokenError with the reason the pane words its message by. */
export class SignInError extends AccessTokenError {
  override name = "SignInError";
  constructor(
    message: string,
    readonly reason: TokenFailure,
    options?: { cause?: unknown },
  ) {
    super(message, undefined, options);
  }
}

export function createLayeredTokenSource(options: LayeredTokenSourceOptions): AccessTokenSource {
  const scopes = [...options.scopes];
  const took = (path: SignInPath, token: string): string => {
    options.onPath?.(path);
    return token;
  };
  return {
    async getToken() {
      if (!options.naaSupported()) return took("office-sso", await options.legacy.getToken());
      let client: NestableClient;
      try {
        client = await options.loadNestableClient();
      } catch (error) {
        throw failure(error, "MSAL could not start");
      }
      try {
        return took("naa-silent", (await client.acquireTokenSilent({ scopes })).accessToken);
      } catch (error) {
        const reason = classify(error);
        if (reason !== "interaction-required") throw failure(error);
        if (!options.interactive) {
          throw new SignInError("Sign-in is needed before the tracking service can number this message; open the Tracking token pane once to sign in. It was numbered offline.", "interaction-required", { cause: error });
        }
      }
      try {
        return took("naa-popup", (await client.acquireTokenPopup({ scopes })).accessToken);
      } catch (error) {
        if (classify(error) !== "popup-blocked" || options.dialog === undefined) throw failure(error);
      }
      try {
        return took("office-dialog", await options.dialog());
      } catch (error) {
        throw failure(error, "Sign-in through the Office dialog failed");
      }
    },
  };
}

/**
 * MSAL's error codes (InteractionRequiredAuthError, BrowserAuthError; AADSTS codes from Entra) to
 * one reason each.
 */
export function classify(error: unknown): TokenFailure {
  const code = String((error as { errorCode?: unknown })?.errorCode ?? "");
  const text = `${code} ${String((error as { message?: unknown })?.message ?? "")}`;
  if (/AADSTS65004|consent_declined|access_denied/i.test(text)) return "consent-refused";
  if (/user_cancelled|AADSTS50126_cancel/i.test(code)) return "cancelled";
  // MSAL's BrowserAuthErrorCodes for a popup that could not open; the host's broker answers the same codes.
  if (/popup_window_error|empty_window_error|block_nested_popups|popup_blocked/i.test(code)) return "popup-blocked";
  if (/dialog_blocked/i.test(code)) return "dialog-blocked";
  if (/no_network_connectivity|network_error|endpoints_resolution_error|failed to fetch/i.test(text)) return "offline";
  if (/interaction_required|consent_required|login_required|no_account_error|no_tokens_found|token_refresh_required|invalid_grant/i.test(text)) return "interaction-required";
  return "failed";
}

const MESSAGES: Readonly<Record<TokenFailure, string>> = {
  "interaction-required": "You need to sign in to use the tracking service. Try again and sign in when asked.",
  "consent-refused": "The tracking service was not allowed to sign you in: consent was refused. Ask your admin to grant consent for Tracking Tokens (docs/DEPLOY.md, step 1), then try again.",
  cancelled: "Sign-in was cancelled. Try again and finish signing in to use the tracking service.",
  offline: "You seem to be offline, so sign-in could not reach Microsoft. The token is numbered offline; it syncs when you are back online.",
  "popup-blocked": "The sign-in window could not open. Allow pop-ups for Outlook, then try again.",
  "dialog-blocked": "The sign-in dialog could not open: the browser blocked it. Choose Allow when Outlook asks to open a window (or allow pop-ups for Outlook), then try again.",
  failed: "Sign-in to the tracking service failed.",
};

function failure(error: unknown, context?: string): SignInError {
  const reason = classify(error);
  const detail = error instanceof Error && reason === "failed" ? ` ${error.message}` : "";
  return new SignInError(`${context ? `${context}: ` : ""}${MESSAGES[reason]}${detail}`, reason, { cause: error });
}
