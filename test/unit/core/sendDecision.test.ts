import { DEFAULT_SETTINGS, decideOnSend } from "../../../src/core";
import type { NumberingAvailability, SendDecision, Settings } from "../../../src/core";

const on: Settings = { ...DEFAULT_SETTINGS, autoStampOnSend: true, prefixHistory: ["ACME:"] };
const off: Settings = { ...on, autoStampOnSend: false };
const available: NumberingAvailability = { available: true };
const noCounter: NumberingAvailability = { available: false, reason: "No IndexedDB in this runtime." };

describe("decideOnSend (docs/DESIGN.md §8)", () => {
  it.each<[string, Settings, string, NumberingAvailability, SendDecision]>([
    ["setting off: nothing to do", off, "Quote for Q3", available, { action: "skip", reason: "setting-off" }],
    ["setting off wins over a token", off, "Quote CRM:00021003", available, { action: "skip", reason: "setting-off" }],
    ["setting off wins over missing numbering", off, "Quote", noCounter, { action: "skip", reason: "setting-off" }],
    ["tracking tokens off: nothing is stamped, even with auto-stamp on", { ...on, trackingEnabled: false }, "Quote for Q3", available, { action: "skip", reason: "tracking-off" }],
    ["no token: stamp", on, "Quote for Q3", available, { action: "stamp" }],
    ["empty subject: stamp", on, "", available, { action: "stamp" }],
    ["our token: leave it", on, "Quote CRM:00021003", available, { action: "skip", reason: "already-stamped", token: "CRM:00021003" }],
    ["our offline token: leave it", on, "Quote CRM:10021003", available, { action: "skip", reason: "already-stamped", token: "CRM:10021003" }],
    ["a reply keeps the token it answers", on, "RE: Quote crm:00031003", available, { action: "skip", reason: "already-stamped", token: "crm:00031003" }],
    ["a token of an earlier prefix is ours", on, "FW: Quote ACME:00021003", available, { action: "skip", reason: "already-stamped", token: "ACME:00021003" }],
    ["a foreign token is not ours: stamp", on, "RE: Issue TKT:12345 [Ticket#123]", available, { action: "stamp" }],
    ["a near miss is not ours: stamp", on, "Quote CRM:0002100 xCRM:00021003", available, { action: "stamp" }],
    ["the first of several tokens is reported", on, "CRM:00020001 RE: CRM:00020002", available, { action: "skip", reason: "already-stamped", token: "CRM:00020001" }],
    ["a token needs no numbering", on, "Quote CRM:00021003", noCounter, { action: "skip", reason: "already-stamped", token: "CRM:00021003" }],
    ["no token and no safe numbering: send unstamped", on, "Quote", noCounter, { action: "skip", reason: "no-numbering", detail: "No IndexedDB in this runtime." }],
  ])("%s", (_name, settings, subject, numbering, expected) => {
    expect(decideOnSend({ settings, subject, numbering })).toEqual(expected);
  });

  it("reads tokens with the configured widths", () => {
    const wide: Settings = { ...on, userDigits: 4, counterDigits: 5 };
    expect(decideOnSend({ settings: wide, subject: "Quote CRM:00021003", numbering: available })).toEqual({ action: "stamp" });
    expect(decideOnSend({ settings: wide, subject: "Quote CRM:0000201003", numbering: available })).toMatchObject({ reason: "already-stamped" });
  });
});
