import { tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
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
  it("gives Fluent's light theme for a light host, and loads the dark one for a dark host", async () => {
    // The light theme is Fluent's as data, the tokens the panes use (lightTheme.data.ts).
    const light = await loadPaneTheme("light");
    expect(Object.keys(light).length).toBeGreaterThan(0);
    expect(light).toEqual(Object.fromEntries(Object.keys(light).map((name) => [name, webLightTheme[name as keyof typeof webLightTheme]])));
    await expect(loadPaneTheme("dark")).resolves.toBe(webDarkTheme);
  });
});
