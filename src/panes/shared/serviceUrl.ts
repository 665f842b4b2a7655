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

/**
 * Starts the pane for the configured service URL, and again whenever saved settings name another
 * one (here, in another pane, or "" for standalone): the pane rebuilds its ports without a reload.
 * `current()` turns false once a newer start has begun, so a slow start never shows stale ports.
 */
export function followServiceUrl(settings: SettingsPort, start: (serviceUrl: string, current: () => boolean) => Promise<void>): Promise<void> {
  let startedFor = configuredServiceUrl(settings);
  let generation = 0;
  const run = (serviceUrl: string): Promise<void> => {
    const mine = ++generation;
    return start(serviceUrl, () => mine === generation);
  };
  settings.subscribe(() => {
    const now = configuredServiceUrl(settings);
    if (now === startedFor) return;
    startedFor = now;
    void run(now);
  });
  return run(startedFor);
}
