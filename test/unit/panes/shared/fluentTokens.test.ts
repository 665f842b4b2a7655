import { tokens } from "@fluentui/react-components";
import { tokens as standIn } from "../../../../src/panes/shared/fluentTokens";

describe("fluentTokens (the bundles' stand-in for Fluent's tokens object)", () => {
  it("answers what Fluent's object holds, for every token, the zIndex ones with their defaults", () => {
    const names = Object.keys(tokens) as (keyof typeof tokens)[];
    expect(names.length).toBeGreaterThan(400);
    for (const name of names) expect(standIn[name]).toBe(tokens[name]);
  });
});
