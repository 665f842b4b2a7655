/**
 * The Fluent theme for the host's. Most Outlook themes are light, and the light one is the pane page's
 * own: its CSS variables are in the page (webpack.config.js, src/panes/shared/lightTheme.json), so the
 * pane gives FluentProvider none. The dark theme is a chunk of its own, loaded only when Office's is
 * dark; FluentProvider sets it on the pane, over the page's.
 */
import type { Theme } from "@fluentui/react-components";

/** No variables of FluentProvider's own: the page's light ones apply. Not undefined, which Fluent reports as a missing theme. */
export const PAGE_THEME: Partial<Theme> = Object.freeze({});

export async function loadPaneTheme(kind: "light" | "dark"): Promise<Partial<Theme>> {
  if (kind === "light") return PAGE_THEME;
  try {
    return (await import(/* webpackChunkName: "dark-theme" */ "./darkTheme")).webDarkTheme;
  } catch {
    // The chunk did not load (network): a light pane in a dark Outlook beats no pane.
    return PAGE_THEME;
  }
}
