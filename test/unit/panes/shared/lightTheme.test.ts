import { webLightTheme } from "@fluentui/react-components";
import type { Theme } from "@fluentui/react-components";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createCSSRuleFromTheme } from "@fluentui/react-components";
// The build's check (scripts/themeTokensPlugin.cjs): which tokens a built script uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS webpack plugin
const { tokensUsedBy } = require("../../../../scripts/themeTokensPlugin.cjs") as { tokensUsedBy(code: string, keys: Set<string>): Set<string> };

const lightTheme = JSON.parse(readFileSync(path.join(__dirname, "../../../../src/panes/shared/lightTheme.json"), "utf8")) as Partial<Theme>;
// The pane pages' light theme, as webpack.config.js writes it into them.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack reads a CommonJS config
const buildConfig = require("../../../../webpack.config.js") as (env: unknown, argv: { mode: string }) => { plugins: { userOptions?: { filename?: string; lightThemeCss?: string } }[] };

describe("lightTheme.json", () => {
  it("holds Fluent's web light theme's values, token for token (after a Fluent upgrade: node scripts/make-light-theme.mjs)", () => {
    const names = Object.keys(lightTheme) as (keyof Theme)[];
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect([name, lightTheme[name]]).toEqual([name, webLightTheme[name]]);
  });

  it("holds the tokens the panes paint with", () => {
    for (const name of ["colorNeutralForeground1", "colorNeutralBackground1", "colorBrandBackground", "fontFamilyBase", "fontSizeBase300"] as const) {
      expect(lightTheme[name]).toBe(webLightTheme[name]);
    }
  });
});

describe("the pane pages' light theme", () => {
  it("is lightTheme.json as CSS variables on :root, in every pane page", () => {
    const pages = buildConfig({}, { mode: "production" }).plugins.flatMap((plugin) => (plugin.userOptions?.filename?.match(/(compose|read)\.html$/) ? [plugin.userOptions] : []));
    expect(pages.map((page) => page.filename).sort()).toEqual(["compose.html", "playground/office-js/compose.html", "playground/office-js/read.html", "read.html"]);
    for (const page of pages) {
      expect(page.lightThemeCss).toBe(createCSSRuleFromTheme(":root", lightTheme));
      expect(page.lightThemeCss).toContain(`--colorNeutralForeground1: ${webLightTheme.colorNeutralForeground1};`);
    }
  });

  it("is not in the pages without Fluent (the sign-in dialog, the send handler's page)", () => {
    const others = buildConfig({}, { mode: "production" }).plugins.flatMap((plugin) => (plugin.userOptions?.filename?.match(/(commands|sign-in-dialog)\.html$/) ? [plugin.userOptions] : []));
    expect(others.length).toBe(4);
    for (const page of others) expect([page.filename, page.lightThemeCss]).toEqual([page.filename, undefined]);
  });
});

describe("the build's token check", () => {
  const keys = new Set(Object.keys(webLightTheme));

  it("finds tokens in precompiled CSS, in strings and as properties of Fluent's tokens, and nothing else", () => {
    const code = `".fx{color:var(--colorNeutralForeground2);}",tv("spacingVerticalM"),t.fontWeightSemibold,x.colorNotAToken,"--notAToken"`;
    expect([...tokensUsedBy(code, keys)].sort()).toEqual(["colorNeutralForeground2", "fontWeightSemibold", "spacingVerticalM"]);
  });
});
