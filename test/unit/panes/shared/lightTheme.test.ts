import { webLightTheme } from "@fluentui/react-components";
import type { Theme } from "@fluentui/react-components";
import { lightTheme } from "../../../../src/panes/shared/lightTheme.data";
// The build's check (scripts/themeTokensPlugin.cjs): which tokens a built script uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS webpack plugin
const { tokensUsedBy } = require("../../../../scripts/themeTokensPlugin.cjs") as { tokensUsedBy(code: string, keys: Set<string>): Set<string> };

describe("lightTheme.data.ts", () => {
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

describe("the build's token check", () => {
  const keys = new Set(Object.keys(webLightTheme));

  it("finds tokens in precompiled CSS, in strings and as properties of Fluent's tokens, and nothing else", () => {
    const code = `".fx{color:var(--colorNeutralForeground2);}",tv("spacingVerticalM"),t.fontWeightSemibold,x.colorNotAToken,"--notAToken"`;
    expect([...tokensUsedBy(code, keys)].sort()).toEqual(["colorNeutralForeground2", "fontWeightSemibold", "spacingVerticalM"]);
  });
});
