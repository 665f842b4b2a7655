/**
 * The Fluent theme for the host's. Most Outlook themes are light, so the dark theme is a chunk of
 * its own, loaded only when Office's is dark.
 */
import { webLightTheme } from "@fluentui/react-components";
import type { Theme } from "@fluentui/react-components";

export async function loadPaneTheme(kind: "light" | "dark"): Promise<Theme> {
  if (kind === "light") return webLightTheme;
  try {
    return (await import(/* webpackChunkName: "dark-theme" */ "./darkTheme")).webDarkTheme;
  } catch {
    // The chunk did not load (network): a light pane in a dark Outlook beats no pane.
    return webLightTheme;
  }
}
