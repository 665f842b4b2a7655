import { DEFAULT_SETTINGS, readSubject, validateSettings } from "../../../src/core";
import type { Settings } from "../../../src/core";

const settings: Settings = (() => {
  const result = validateSettings({ ...DEFAULT_SETTINGS, userOrdinal: 2, prefixHistory: ["ACME:"] });
  if (!result.ok) throw new Error("test settings are invalid");
  return result.settings;
})();

describe("readSubject (the compose pane's reading of a draft's subject)", () => {
  it("finds the draft's own token whatever the ASCII case of its prefix", () => {
    const reading = readSubject("Quote crm:00021003", settings, "CRM:00021003");
    expect(reading.draftToken?.text).toBe("crm:00021003");
    expect(reading.hasOtherMarks).toBe(false);
  });

  it("does not take another token of ours for the draft's own", () => {
    const reading = readSubject("RE: Quote ACME:00020017", settings, "CRM:00021003");
    expect(reading.ours.map((t) => t.text)).toEqual(["ACME:00020017"]);
    expect(reading.draftToken).toBeNull();
  });

  const otherMarks = {
    "another system's token": "Case TT:123456 follow-up",
    "a near miss of ours": "Quote CRM: 00021003",
    "a help desk ticket": "[Ticket#4711] Printer",
  };
  const noOtherMarks = { "a reply word before digits": "RE:2024 budget", "a time of day": "Call at 10:30", "only our token": "Quote CRM:00021003" };

  it.each(Object.entries(otherMarks))("says other marks stand there: %s", (_what, subject) => {
    expect(readSubject(subject, settings, undefined).hasOtherMarks).toBe(true);
  });

  it.each(Object.entries(noOtherMarks))("finds no other marks: %s", (_what, subject) => {
    expect(readSubject(subject, settings, undefined).hasOtherMarks).toBe(false);
  });
});
