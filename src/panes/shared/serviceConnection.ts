/**
 * The tracking service a pane talks to, when settings name one: the client over the browser's fetch
 * and Office single sign-on. Built once when the pane opens; a changed service URL applies when the
 * pane opens again.
 */
import { createServiceClient } from "../../authority/service";
import type { ServiceClient } from "../../authority/service";
import { createOfficeAccessTokenSource } from "../../office/accessToken";
import type { SettingsPort } from "../../office/ports";

/** settings.serviceUrl, or "" (standalone) when none is set or the settings cannot be read. */
export function configuredServiceUrl(settings: SettingsPort): string {
  try {
    return settings.load().settings.serviceUrl;
  } catch {
    return "";
  }
}

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
