/**
 * Writes src/panes/shared/lightTheme.json: Fluent's web light theme as the plain values it evaluates
 * to, cut down to the tokens the panes' scripts and stylesheet use. The build writes them into each
 * pane page as CSS variables (webpack.config.js), so a light pane paints with them before any script
 * runs and carries no theme in its JavaScript; Fluent would build the whole object at start-up from its
 * palettes, and FluentProvider would write all 459 variables where the panes read about 150.
 * Which tokens: a production build into a temporary folder, read by scripts/themeTokensPlugin.cjs.
 * Run after upgrading Fluent UI or using another Fluent component: `node scripts/make-light-theme.mjs`;
 * until then the build fails and names the missing tokens, and
 * test/unit/panes/shared/lightTheme.test.ts fails if a value differs from Fluent's.
 * The file keeps Fluent's order of the tokens; it is data, so it says nothing of where it came from:
 * this script and @fluentui/tokens' version in package-lock.json do.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

const require = createRequire(import.meta.url);
const { webLightTheme } = require("@fluentui/tokens");
const { version } = require("@fluentui/tokens/package.json");
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

const temp = mkdtempSync(path.join(os.tmpdir(), "light-theme-"));
const usedFile = path.join(temp, "used.json");
try {
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", path.join(temp, "dist")], {
    cwd: root,
    env: { ...process.env, LIGHT_THEME_TOKENS_OUT: usedFile },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const used = new Set(JSON.parse(readFileSync(usedFile, "utf8")));
  const theme = Object.fromEntries(Object.entries(webLightTheme).filter(([name]) => used.has(name)));
  const file = path.join(root, "src/panes/shared/lightTheme.json");
  writeFileSync(file, `${JSON.stringify(theme, null, 2)}\n`);
  console.log(`Wrote ${Object.keys(theme).length} of ${Object.keys(webLightTheme).length} tokens (@fluentui/tokens ${version}) to ${path.relative(root, file)}`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
