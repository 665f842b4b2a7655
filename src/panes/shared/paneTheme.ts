/**
 * The Fluent theme for the host's. Most Outlook themes are light, so the dark theme is a chunk of
 * its own, loaded only when Office's is dark. The light one is Fluent's as data (lightTheme.data.ts).
 */
import type { Theme } from "@fluentui/react-components";
import { lightTheme } from "./lightTheme.data";

export async function loadPaneTheme(kind: "light" | "dark"): Promise<Partial<Theme>> {
  if (kind === "light") return lightTheme;
  try {
    return (await import(/* webpackChunkName: "dark-theme" */ "./darkTheme")).webDarkTheme;
  } catch {
    // The chunk did not load (network): a light pane in a dark Outlook beats no pane.
    return lightTheme;
  }
}
