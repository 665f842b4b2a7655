/* eslint-disable @typescript-eslint/no-require-imports -- loaded by webpack.config.js, CommonJS */
/**
 * The panes paint with src/panes/shared/lightTheme.json: Fluent's web light theme cut down to the
 * tokens they use (docs/BENCHMARKS.md, initial JavaScript), written into the pane pages as CSS
 * variables. This plugin finds those tokens in the built pane scripts and stylesheets, after
 * minification: Fluent's components ship precompiled CSS ("var(--colorNeutralForeground1)", in the
 * scripts or extracted into griffel.css), our own code names tokens as strings (tokenVar) or as
 * properties of Fluent's `tokens` (fluentTokens.ts). A token used but missing from the theme fails the build with
 * what to run; with LIGHT_THEME_TOKENS_OUT=<file> it writes the names there instead (the generator,
 * scripts/make-light-theme.mjs, does that).
 */
const { readFileSync, writeFileSync } = require("node:fs");
const path = require("node:path");
const { Compilation, WebpackError } = require("webpack");
const { entryFiles } = require("./entryFiles.cjs");

const NAME = "ThemeTokensPlugin";
const THEME_DATA = path.resolve(__dirname, "../src/panes/shared/lightTheme.json");

/** The token names of `themeKeys` that `code` refers to. */
function tokensUsedBy(code, themeKeys) {
  const used = new Set();
  for (const match of code.matchAll(/--([A-Za-z0-9]+)|["'.]([A-Za-z0-9]+)\b/g)) {
    const name = match[1] ?? match[2];
    if (themeKeys.has(name)) used.add(name);
  }
  return used;
}

/** The token names lightTheme.json holds. */
function lightThemeNames(file = THEME_DATA) {
  return new Set(Object.keys(JSON.parse(readFileSync(file, "utf8"))));
}

class ThemeTokensPlugin {
  /** @param {{ entries: string[] }} options the pane entry points; their lazy chunks count too */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    // Only a production build shows what ships: a development build keeps every module's dead code,
    // which names nearly every token. The browser tests, CI and the bench build for production.
    if (compiler.options.mode !== "production") return;
    const { webLightTheme } = require("@fluentui/tokens");
    const themeKeys = new Set(Object.keys(webLightTheme));
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ANALYSE }, () => {
        const files = entryFiles(compilation, this.options.entries, NAME);
        const used = new Set();
        for (const file of files) {
          if (!/\.(js|css)$/.test(file)) continue;
          for (const name of tokensUsedBy(compilation.getAsset(file).source.source().toString(), themeKeys)) used.add(name);
        }
        const out = process.env.LIGHT_THEME_TOKENS_OUT;
        if (out) {
          writeFileSync(out, JSON.stringify([...used].sort()));
          return;
        }
        const have = lightThemeNames();
        const missing = [...used].filter((name) => !have.has(name)).sort();
        if (missing.length > 0) {
          compilation.errors.push(
            new WebpackError(
              `${NAME}: the panes use Fluent theme tokens that src/panes/shared/lightTheme.json lacks (${missing.join(", ")}), so they would paint without them. Run: node scripts/make-light-theme.mjs`,
            ),
          );
        }
      });
    });
  }
}

module.exports = { ThemeTokensPlugin, tokensUsedBy, lightThemeNames };
