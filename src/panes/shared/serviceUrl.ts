/**
 * Whether the pane talks to a tracking service. Kept apart from the service client
 * (authority/service/paneServiceClient.ts), which is imported only when this returns a URL, so
 * standalone panes never load it.
 */
import type { SettingsPort } from "../../office/ports";

/** settings.serviceUrl, or "" (standalone) when none is set or the settings cannot be read. */
export function configuredServiceUrl(settings: SettingsPort): string {
  try {
    return settings.load().settings.serviceUrl;
  } catch {
    return "";
  }
}
