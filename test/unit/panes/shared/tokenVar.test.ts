import { tokens, webDarkTheme } from "@fluentui/react-components";
import { loadPaneTheme } from "../../../../src/panes/shared/paneTheme";
import { tokenVar } from "../../../../src/panes/shared/tokenVar";
import type { TokenName } from "../../../../src/panes/shared/tokenVar";

describe("tokenVar", () => {
  it("is what Fluent's tokens object holds, for every plain token", () => {
    const names = Object.keys(tokens).filter((name): name is TokenName => !name.startsWith("zIndex"));
    expect(names.length).toBeGreaterThan(400);
    for (const name of names) expect(tokenVar(name)).toBe(tokens[name]);
  });
});

describe("loadPaneTheme", () => {
  it("gives no variables of its own for a light host (the page has them), and loads Fluent's dark theme for a dark host", async () => {
    // The light theme's variables are in the pane page (lightTheme.test.ts checks them).
    await expect(loadPaneTheme("light")).resolves.toEqual({});
    await expect(loadPaneTheme("dark")).resolves.toBe(webDarkTheme);
  });
});
