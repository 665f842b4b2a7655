/**
 * Nested app authentication over Office and MSAL.js: whether the host offers it (requirement set
 * NestedAppAuth 1.1), MSAL's nestable client behind the NestableClient port, and the panes' token
 * source (NAA, then Office's legacy SSO; docs/DEPLOY.md, step 1). MSAL is imported on first use
 * only, as its own chunk: standalone panes never ask for a token, so they never fetch it
 * (docs/BENCHMARKS.md, budgets). The send handler does not use this module (docs/AUTO-STAMP.md).
 */
import type { SignInConfig } from "../core/types";
import { createOfficeAccessTokenSource } from "./accessToken";
import type { AccessTokenSource } from "./accessToken";
import { createLayeredTokenSource } from "./layeredTokenSource";
import { officeDialogHost, signInDialogUrl, signInThroughDialog } from "./officeDialog";
import type { NestableClient, SignInPath } from "./layeredTokenSource";

type RequirementsLike = { isSetSupported(name: string, minVersion?: string): boolean };

/** Office.context.requirements.isSetSupported("NestedAppAuth", "1.1"); false before Office is ready. */
export function nestedAppAuthSupported(office: () => unknown = () => (globalThis as { Office?: unknown }).Office): boolean {
  const requirements = (office() as { context?: { requirements?: RequirementsLike } } | undefined)?.context?.requirements;
  try {
    return requirements?.isSetSupported("NestedAppAuth", "1.1") === true;
  } catch {
    return false;
  }
}

/** Authority for work and school accounts of any tenant: the host's broker knows the user's own. */
const AUTHORITY = "https://login.microsoftonline.com/organizations";

/** MSAL's nestable public client for `clientId`, behind the NestableClient port. */
export async function loadMsalNestableClient(clientId: string): Promise<NestableClient> {
  const msal = await import(/* webpackChunkName: "msal" */ "@azure/msal-browser");
  const app = await msal.createNestablePublicClientApplication({ auth: { clientId, authority: AUTHORITY } });
  return {
    async acquireTokenSilent({ scopes }) {
      const account = app.getActiveAccount();
      const result = await app.acquireTokenSilent({ scopes, ...(account !== null ? { account } : {}) });
      app.setActiveAccount(result.account);
      return { accessToken: result.accessToken };
    },
    async acquireTokenPopup({ scopes }) {
      const result = await app.acquireTokenPopup({ scopes });
      app.setActiveAccount(result.account);
      return { accessToken: result.accessToken };
    },
  };
}

export type PaneTokenSourceOptions = {
  /** The service's GET /v1/sign-in: null when it names no app registration (then legacy SSO only). */
  readonly signIn: () => Promise<SignInConfig | null>;
  readonly naaSupported?: () => boolean;
  readonly loadNestableClient?: (clientId: string) => Promise<NestableClient>;
  readonly legacy?: AccessTokenSource;
  /** Sign-in through the Office dialog when MSAL's popup cannot open. @default the sign-in page in Office's dialog */
  readonly dialog?: (config: SignInConfig) => Promise<string>;
  readonly onPath?: (path: SignInPath) => void;
};

/**
 * The panes' token source: asks the service what to sign in for once (again after a failure),
 * then NAA where the host supports it, else Office's legacy SSO; the Office dialog where NAA's popup
 * cannot open. One MSAL client per pane.
 */
export function createPaneTokenSource(options: PaneTokenSourceOptions): AccessTokenSource {
  const legacy = options.legacy ?? createOfficeAccessTokenSource();
  const load = options.loadNestableClient ?? loadMsalNestableClient;
  const dialog = options.dialog ?? ((config: SignInConfig) => signInThroughDialog(officeDialogHost(), signInDialogUrl(config.clientId, config.scope)));
  let source: Promise<AccessTokenSource> | undefined;
  const resolve = (): Promise<AccessTokenSource> => {
    source ??= options.signIn().then(
      (config) => {
        if (config === null) return legacy;
        let client: Promise<NestableClient> | undefined;
        return createLayeredTokenSource({
          naaSupported: options.naaSupported ?? (() => nestedAppAuthSupported()),
          loadNestableClient: () => {
            client ??= load(config.clientId).catch((error: unknown) => {
              client = undefined;
              throw error;
            });
            return client;
          },
          scopes: [config.scope],
          legacy,
          dialog: () => dialog(config),
          interactive: true,
          ...(options.onPath !== undefined ? { onPath: options.onPath } : {}),
        });
      },
      (error: unknown) => {
        source = undefined;
        throw error;
      },
    );
    return source;
  };
  return { getToken: async () => (await resolve()).getToken() };
}
