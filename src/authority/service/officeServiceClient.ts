/**
 * The tracking service client as the send handler runs it in Office: the runtime's fetch and Office
 * single sign-on (OfficeRuntime.auth, which event handlers may use), and the numbering calls only
 * (createNumberingClient), so its bundle carries no lookups. The panes build theirs in
 * paneServiceClient.ts.
 */
import { createOfficeAccessTokenSource } from "../../office/accessToken";
import { createNumberingClient } from "./client";
import type { NumberingClient } from "./client";

/** The client for the service at `serviceUrl` (service mode: core/numberingMode.ts). */
export function officeServiceClient(serviceUrl: string): NumberingClient {
  return createNumberingClient({
    baseUrl: serviceUrl,
    // Called through a wrapper: fetch must run with the global as `this`.
    fetch: (url, init) => globalThis.fetch(url, init),
    tokens: createOfficeAccessTokenSource(),
  });
}
