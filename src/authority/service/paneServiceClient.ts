/**
 * The tracking service client as the panes run it: like officeServiceClient, but signed in with
 * nested app authentication where the service names an app registration (src/office/nestedAppAuth.ts).
 * Apart from officeServiceClient so the send handler's bundle never reaches MSAL (docs/AUTO-STAMP.md).
 */
import { createPaneTokenSource } from "../../office/nestedAppAuth";
import { createServiceClient } from "./client";
import type { ServiceClient } from "./client";

/** The client for the service at `serviceUrl` (service mode: core/numberingMode.ts). */
export function paneServiceClient(serviceUrl: string): ServiceClient {
  const client: ServiceClient = createServiceClient({
    baseUrl: serviceUrl,
    // Called through a wrapper: fetch must run with the global as `this`.
    fetch: (url, init) => globalThis.fetch(url, init),
    tokens: createPaneTokenSource({ signIn: () => client.signIn() }),
  });
  return client;
}
