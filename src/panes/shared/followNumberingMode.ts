/**
 * Where the pane's numbers come from (core/numberingMode.ts). Kept apart from the service client
 * (authority/service/paneServiceClient.ts), which is imported only in service mode, so standalone
 * panes never load it.
 */
import { numberingMode, STANDALONE } from "../../core/numberingMode";
import type { NumberingMode } from "../../core/numberingMode";
import type { SettingsPort } from "../../office/ports";
import { markPaneStep } from "./paneMarks";

/** The mode the saved settings name; standalone when they cannot be read. */
export function configuredMode(settings: SettingsPort): NumberingMode {
  try {
    return numberingMode(settings.load().settings.serviceUrl);
  } catch {
    return STANDALONE;
  }
}

/** One key per mode: React remounts a pane, and the entry rebuilds its ports, when it changes. */
export function modeKey(mode: NumberingMode): string {
  return mode.kind === "service" ? mode.url : "";
}

/**
 * Starts the pane for the configured mode, and again whenever saved settings name another service
 * (here, in another pane, or none for standalone): the pane rebuilds its ports without a reload.
 * `current()` turns false once a newer start has begun, so a slow start never shows stale ports.
 */
export function followNumberingMode(settings: SettingsPort, start: (mode: NumberingMode, current: () => boolean) => Promise<void>): Promise<void> {
  let startedFor = configuredMode(settings);
  markPaneStep("settings-read");
  let generation = 0;
  const run = (mode: NumberingMode): Promise<void> => {
    const mine = ++generation;
    return start(mode, () => mine === generation);
  };
  settings.subscribe(() => {
    const now = configuredMode(settings);
    if (modeKey(now) === modeKey(startedFor)) return;
    startedFor = now;
    void run(now);
  });
  return run(startedFor);
}
