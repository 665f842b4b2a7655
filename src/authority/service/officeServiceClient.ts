/**
 * The tracking service client as the add-in runs it in Office: the runtime's fetch and Office
 * single sign-on (OfficeRuntime.auth, which panes and event handlers may both use). The panes and
 * the send handler build their client here, so they reach the service the same way.
 */
import { createOfficeAccessTokenSource } from "../../office/accessToken";
import { createServiceClient } from "./client";
import type { ServiceClient } from "./client";

/** The client for the service at `serviceUrl` (service mode: core/numberingMode.ts). */
export function officeServiceClient(serviceUrl: string): ServiceClient {
  return createServiceClient({
    baseUrl: serviceUrl,
    // Called through a wrapper: fetch must run with the global as `this`.
    fetch: (url, init) => globalThis.fetch(url, init),
    tokens: createOfficeAccessTokenSource(),
  });
}
