/**
 * The tracking service a pane talks to, when settings name one: the client over the browser's fetch
 * and Office single sign-on. Built once when the pane opens; a changed service URL applies when the
 * pane opens again. Panes import this dynamically (its own chunk), only when configuredServiceUrl
 * (serviceUrl.ts) names a service: standalone panes never download the client.
 */
import { createServiceClient } from "../../authority/service/client";
import type { ServiceClient } from "../../authority/service/client";
import { createOfficeAccessTokenSource } from "../../office/accessToken";

/** The client for `serviceUrl`; null for "" (standalone). */
export function serviceClientFor(serviceUrl: string): ServiceClient | null {
  if (serviceUrl === "") return null;
  return createServiceClient({
    baseUrl: serviceUrl,
    // Called through a wrapper: fetch must run with the window as `this`.
    fetch: (url, init) => globalThis.fetch(url, init),
    tokens: createOfficeAccessTokenSource(),
  });
}
