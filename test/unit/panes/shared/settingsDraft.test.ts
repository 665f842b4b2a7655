import { DEFAULT_SETTINGS } from "../../../../src/core";
import { checkDraft, draftFromSettings, fieldOfError, groupErrors, settingsInput } from "../../../../src/panes/shared/settingsDraft";

describe("settingsDraft", () => {
  it.each([
    ["prefix", "prefix"],
    ["prefixHistory", "prefixHistory"],
    ["prefixHistory[1]", "prefixHistory"],
    ["userOrdinal", "userOrdinal"],
    ["settings", undefined],
    ["colour", undefined],
  ])("error field %j belongs to form field %j", (field, expected) => {
    expect(fieldOfError(field)).toBe(expected);
  });

  it("joins several messages of one field and keeps field-less ones apart", () => {
    expect(
      groupErrors([
        { field: "prefixHistory[0]", message: "Earlier prefix 1 is bad." },
        { field: "prefixHistory[2]", message: "Earlier prefix 3 is bad." },
        { field: "settings", message: "Settings must be an object." },
      ]),
    ).toEqual({
      fieldErrors: { prefixHistory: "Earlier prefix 1 is bad. Earlier prefix 3 is bad." },
      otherErrors: ["Settings must be an object."],
    });
  });

  it("turns the typed text into the values validateSettings checks", () => {
    const draft = { ...draftFromSettings(DEFAULT_SETTINGS), prefixHistory: " A:\n\nB: , C:,", userDigits: " 04 ", counterDigits: "3.5" };
    expect(settingsInput(draft)).toMatchObject({ prefixHistory: ["A:", "B:", "C:"], userDigits: 4, counterDigits: "3.5", userOrdinal: null });
  });

  it("round-trips saved settings unchanged", () => {
    const settings = { ...DEFAULT_SETTINGS, prefixHistory: ["OLD:", "OLDER:"], userOrdinal: 7, serviceUrl: "https://t.example.com" };
    expect(checkDraft(draftFromSettings(settings))).toEqual({ ok: true, settings });
  });
});
