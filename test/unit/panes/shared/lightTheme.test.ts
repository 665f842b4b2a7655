import { webLightTheme } from "@fluentui/react-components";
import { lightTheme } from "../../../../src/panes/shared/lightTheme.data";

describe("lightTheme.data.ts", () => {
  it("is Fluent's web light theme, token for token (after a Fluent upgrade: node scripts/make-light-theme.mjs)", () => {
    expect(lightTheme).toEqual(webLightTheme);
  });
});
