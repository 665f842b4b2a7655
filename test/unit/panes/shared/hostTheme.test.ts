import { hostTheme } from "../../../../src/panes/shared/officeReady";

/** Just the part of Office that hostTheme reads. */
function officeWithTheme(bodyBackgroundColor: string | undefined): typeof Office {
  return { context: { officeTheme: bodyBackgroundColor === undefined ? undefined : { bodyBackgroundColor } } } as unknown as typeof Office;
}

describe("hostTheme", () => {
  it.each([
    ["#FFFFFF", "light"],
    ["#f3f2f1", "light"],
    ["#262626", "dark"],
    ["#000000", "dark"],
    ["1f1f1f", "dark"],
  ] as const)("background %s follows as %s", (background, theme) => {
    expect(hostTheme(officeWithTheme(background))).toBe(theme);
  });

  it("is light when the host gives no theme or no Office", () => {
    expect(hostTheme(officeWithTheme(undefined))).toBe("light");
    expect(hostTheme(officeWithTheme("not a colour"))).toBe("light");
    expect(hostTheme(undefined)).toBe("light");
  });

  it("is light when reading the theme throws", () => {
    const office = {
      context: {
        get officeTheme(): never {
          throw new Error("Requirement set not supported");
        },
      },
    } as unknown as typeof Office;
    expect(hostTheme(office)).toBe("light");
  });
});
