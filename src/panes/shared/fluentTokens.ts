/**
 * Stands in for @fluentui/tokens' `tokens` object in the browser bundles (webpack.config.js replaces
 * that module with this one). Every token is "var(--name)", the zIndex ones with a default, so a
 * lookup gives the same string as Fluent's object. Why: Fluent's style modules name `tokens` in
 * constants they never use; a module shared by a pane and one of its lazy chunks cannot be inlined,
 * so the minifier could not drop them and the whole object (all 467 names, about 10 KB gzipped) came
 * into the compose pane's first script. test/unit/panes/shared/fluentTokens.test.ts checks every name.
 */
import type { tokens as FluentTokens } from "@fluentui/react-components";

/** The zIndex tokens are not in any theme: their CSS variable falls back to these (Fluent's own defaults). */
export const Z_INDEX_DEFAULTS: Readonly<Record<string, number>> = {
  zIndexBackground: 0,
  zIndexContent: 1,
  zIndexOverlay: 1000,
  zIndexPopup: 2000,
  zIndexMessages: 3000,
  zIndexFloating: 4000,
  zIndexPriority: 5000,
  zIndexDebug: 6000,
};

export const tokens = new Proxy({} as typeof FluentTokens, {
  get(_target, name) {
    if (typeof name !== "string") return undefined;
    const fallback = Z_INDEX_DEFAULTS[name];
    return fallback === undefined ? `var(--${name})` : `var(--${name}, ${fallback})`;
  },
});
