/**
 * Who the user is, for the tracking service: an access token from Office single sign-on
 * (OfficeRuntime.auth.getAccessToken). The service verifies it; the add-in never reads it.
 * Behind a port so the service client and its tests never touch Office.
 */

/** Where bearer tokens for the tracking service come from. */
export interface AccessTokenSource {
  /** A token for the add-in's own web API (not Microsoft Graph). Rejects with AccessTokenError. */
  getToken(): Promise<string>;
}

/** Office could not give a token; `code` is Office's SSO error code (13000-13013) when it said one. */
export class AccessTokenError extends Error {
  override name = "AccessTokenError";
  constructor(
    message: string,
    readonly code?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The part of OfficeRuntime that SSO uses. @types/office-js does not declare OfficeRuntime. */
export type OfficeRuntimeLike = {
  readonly auth: {
    getAccessToken(options?: { allowSignInPrompt?: boolean; allowConsentPrompt?: boolean; forMSGraphAccess?: boolean }): Promise<string>;
  };
};

/**
 * Office SSO as a token source. `runtime` is read on each call (office.js defines the global when it
 * loads; the playground's fake installs its own), never at import time.
 */
export function createOfficeAccessTokenSource(
  runtime: () => OfficeRuntimeLike | undefined = () => (globalThis as { OfficeRuntime?: OfficeRuntimeLike }).OfficeRuntime,
): AccessTokenSource {
  return {
    async getToken() {
      const office = runtime();
      if (office?.auth?.getAccessToken === undefined) {
        throw new AccessTokenError("This Outlook does not offer single sign-on (OfficeRuntime.auth is missing), so the tracking service cannot tell who you are.");
      }
      try {
        // Sign-in and consent prompts instead of errors 13001/13002 where Office can show them;
        // forMSGraphAccess false: the token is for the tracking service, not for Microsoft Graph.
        return await office.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: false });
      } catch (error) {
        const code = officeErrorCode(error);
        throw new AccessTokenError(describeSsoError(code, error), code, { cause: error });
      }
    },
  };
}

function officeErrorCode(error: unknown): number | undefined {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  const number = typeof code === "string" ? Number(code) : code;
  return typeof number === "number" && Number.isInteger(number) ? number : undefined;
}

/** Office's SSO error codes, in words for the user (learn.microsoft.com: "Troubleshoot error messages for SSO"). */
export function describeSsoError(code: number | undefined, error?: unknown): string {
  switch (code) {
    case 13000:
      return "This version of Office, or this add-in's manifest, does not support single sign-on (13000).";
    case 13001:
      return "You are not signed in to Office (13001). Sign in, then try again.";
    case 13002:
      return "Sign-in or consent was cancelled (13002). Try again and accept the prompt to use the tracking service.";
    case 13003:
      return "This kind of account cannot sign in to the tracking service (13003): use a work or school account.";
    case 13004:
      return "The add-in's single sign-on settings are wrong (13004: invalid resource). Ask your admin to check the manifest.";
    case 13006:
      return "Your Office session has expired (13006). Reload Outlook and sign in again.";
    default: {
      const detail = error instanceof Error ? error.message : typeof error === "object" && error !== null ? String((error as { message?: unknown }).message ?? "") : String(error ?? "");
      return `Office single sign-on failed${code !== undefined ? ` (${code})` : ""}${detail ? `: ${detail}` : ""}.`;
    }
  }
}
