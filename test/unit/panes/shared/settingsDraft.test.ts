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

  it("gathers several problems of one field and keeps field-less ones apart", () => {
    const first = { field: "prefixHistory[0]", problem: { code: "prefix-empty", who: { kind: "earlier-prefix", position: 1 } } } as const;
    const third = { field: "prefixHistory[2]", problem: { code: "prefix-empty", who: { kind: "earlier-prefix", position: 3 } } } as const;
    const whole = { field: "settings", problem: { code: "not-an-object", got: { kind: "list" } } } as const;
    expect(groupErrors([first, third, whole])).toEqual({ fieldErrors: { prefixHistory: [first, third] }, otherErrors: [whole] });
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
