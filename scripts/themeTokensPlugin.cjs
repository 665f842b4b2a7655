/* eslint-disable @typescript-eslint/no-require-imports -- loaded by webpack.config.js, CommonJS */
/**
 * The panes paint with src/panes/shared/lightTheme.data.ts: Fluent's web light theme cut down to the
 * tokens their scripts use (docs/BENCHMARKS.md, initial JavaScript). This plugin finds those tokens in
 * the built pane scripts, after minification: Fluent's components ship precompiled CSS
 * ("var(--colorNeutralForeground1)"), our own code names tokens as strings (tokenVar) or as properties
 * of Fluent's `tokens` (fluentTokens.ts). A token used but missing from the theme fails the build with
 * what to run; with LIGHT_THEME_TOKENS_OUT=<file> it writes the names there instead (the generator,
 * scripts/make-light-theme.mjs, does that).
 */
const { readFileSync, writeFileSync } = require("node:fs");
const path = require("node:path");
const { Compilation, WebpackError } = require("webpack");
const { entryFiles } = require("./entryFiles.cjs");

const NAME = "ThemeTokensPlugin";
const THEME_DATA = path.resolve(__dirname, "../src/panes/shared/lightTheme.data.ts");

/** The token names of `themeKeys` that `code` refers to. */
function tokensUsedBy(code, themeKeys) {
  const used = new Set();
  for (const match of code.matchAll(/--([A-Za-z0-9]+)|["'.]([A-Za-z0-9]+)\b/g)) {
    const name = match[1] ?? match[2];
    if (themeKeys.has(name)) used.add(name);
  }
  return used;
}

/** The names lightTheme.data.ts holds (one `  name: value,` line each). */
function lightThemeNames(file = THEME_DATA) {
  return new Set([...readFileSync(file, "utf8").matchAll(/^ {2}([A-Za-z0-9]+): /gm)].map((m) => m[1]));
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
          if (!file.endsWith(".js")) continue;
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
              `${NAME}: the panes use Fluent theme tokens that src/panes/shared/lightTheme.data.ts lacks (${missing.join(", ")}), so they would paint without them. Run: node scripts/make-light-theme.mjs`,
            ),
          );
        }
      });
    });
  }
}

module.exports = { ThemeTokensPlugin, tokensUsedBy, lightThemeNames };
