import fc from "fast-check";
import { explainSubject } from "../../../src/core/explain";
import type { ForeignMarkKind, NearMissKind } from "../../../src/core/explain";
import { DEFAULT_SETTINGS, validateSettings } from "../../../src/core/index";
import type { Settings } from "../../../src/core/index";
import { englishForeignMark, englishNearMiss } from "../../../src/languages/english";

function settingsWith(partial: Partial<Settings>): Settings {
  const result = validateSettings({ ...DEFAULT_SETTINGS, ...partial });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.settings;
}

const withHistory = settingsWith({ prefix: "TT-", prefixHistory: ["CRM:", "OLD#"] });

describe("explainSubject: tokens of ours", () => {
  it.each<[string, string, Settings, readonly string[]]>([
    ["one token at the end", "RE: Quote CRM:00021003", DEFAULT_SETTINGS, ["CRM:00021003"]],
    ["several tokens, in order", "FW: RE: x CRM:00021003 CRM:10050042", DEFAULT_SETTINGS, ["CRM:00021003", "CRM:10050042"]],
    ["in brackets and parentheses", "[CRM:00021003] (CRM:00021004)", DEFAULT_SETTINGS, ["CRM:00021003", "CRM:00021004"]],
    ["before punctuation", "Quote CRM:00021003, CRM:00021004. CRM:00021005!", DEFAULT_SETTINGS, ["CRM:00021003", "CRM:00021004", "CRM:00021005"]],
    ["any ASCII case", "crm:00021003", DEFAULT_SETTINGS, ["crm:00021003"]],
    ["current and earlier prefixes", "TT-00021003 CRM:00021004 old#00021005", withHistory, ["TT-00021003", "CRM:00021004", "old#00021005"]],
    ["at the end of a 255-character subject", `${"x".repeat(242)} CRM:00021003`, DEFAULT_SETTINGS, ["CRM:00021003"]],
  ])("%s", (_name, subject, settings, tokens) => {
    const { ours, nearMisses } = explainSubject(subject, settings);
    expect(ours.map((t) => t.text)).toEqual(tokens);
    expect(nearMisses).toEqual([]);
  });

  it("tells an earlier prefix from the current one", () => {
    const { ours } = explainSubject("TT-00021003 CRM:10021004", withHistory);
    expect(ours.map((t) => [t.prefix, t.origin, t.designator, t.user, t.counter])).toEqual([
      ["TT-", "current", 0, 2, 1003],
      ["CRM:", "history", 1, 2, 1004],
    ]);
  });
});

describe("explainSubject: foreign marks", () => {
  it.each<[string, string, ForeignMarkKind]>([
    ["another system's prefix", "Case TKT:123456", "other-prefix"],
    ["OTRS ticket", "[Ticket#2015010110000015] Printer", "ticket-hook"],
    ["Zammad ticket", "Printer [Ticket#31001]", "ticket-hook"],
    ["Request Tracker", "[example.com #123] Printer", "request-tracker"],
    ["Salesforce thread id (classic)", "Printer ref:_00D1a2b3c._5001a2b3c4:ref", "salesforce-thread"],
    ["Salesforce thread id (Lightning)", "Printer ref:!00D5g0XXXX.!500XXXXX:ref", "salesforce-thread"],
    ["Freshdesk", "Printer [#123]", "freshdesk"],
  ])("%s", (_name, subject, kind) => {
    const { foreign, ours } = explainSubject(subject);
    expect(ours).toEqual([]);
    expect(foreign).toHaveLength(1);
    const [mark] = foreign;
    expect(mark?.kind).toBe(kind);
    expect(subject.slice(mark?.index, (mark?.index ?? 0) + (mark?.text.length ?? 0))).toBe(mark?.text);
    expect(mark === undefined ? "" : englishForeignMark(mark)).toMatch(/not a (token|prefix) of ours/i);
  });

  it("lists a foreign token next to ours, each in its place", () => {
    const { ours, foreign } = explainSubject("RE: Order TKT:123456 CRM:00021003");
    expect(ours.map((t) => t.text)).toEqual(["CRM:00021003"]);
    expect(foreign.map((m) => [m.text, m.index])).toEqual([["TKT:123456", 10]]);
    expect(foreign[0]?.detail).toEqual({ prefix: "TKT:" });
    expect(foreign[0] === undefined ? "" : englishForeignMark(foreign[0])).toContain('"TKT:" is not a prefix of ours');
  });

  it.each([
    ["times", "Meeting at 10:30, ends 11:45:00"],
    ["an ISO time", "Call 2024-05-01T10:30:00"],
    ["reply prefixes followed by digits", "RE:2024 budget, AW:100 Teile"],
    ["few digits", "Step:12"],
    ["our own prefix (that is a near miss, not foreign)", "CRM:000210"],
    ["prose", "Invoice 4711 for ACME: paid"],
  ])("does not take %s for a foreign mark", (_name, subject) => {
    expect(explainSubject(subject).foreign).toEqual([]);
  });

  it("lists marks of several systems in subject order", () => {
    const subject = "[#7] [Ticket#99] ref:_00D1a._5001b:ref TKT:123456 [rt.example.org #5]";
    expect(explainSubject(subject).foreign.map((m) => m.kind)).toEqual(["freshdesk", "ticket-hook", "salesforce-thread", "other-prefix", "request-tracker"]);
  });
});

describe("explainSubject: near misses", () => {
  it.each<[string, string, Settings, NearMissKind[], RegExp]>([
    ["too few digits", "Quote CRM:0002100", DEFAULT_SETTINGS, ["digit-count"], /earlier digit setting: 7 digits, now 8/],
    ["too many digits", "Quote CRM:000210030", DEFAULT_SETTINGS, ["digit-count"], /earlier digit setting: 9 digits, now 8/],
    ["wrong length after an earlier prefix", "Quote CRM:0002100", withHistory, ["digit-count"], /earlier prefix "CRM:".*7 digits, now 8/],
    ["glued to the word before", "xCRM:00021003", DEFAULT_SETTINGS, ["glued"], /glued to the word before it, so it is not a token/],
    ["glued, in another case", "QuoteCRM:00021003", DEFAULT_SETTINGS, ["glued"], /glued/],
    ["Arabic-Indic digits", "CRM:٠٠٠٢١٠٠٣", DEFAULT_SETTINGS, ["other-script-digits"], /digits of another script \(Arabic-Indic\)/],
    ["full-width digits", "CRM:０００２１００３", DEFAULT_SETTINGS, ["other-script-digits"], /digits of another script \(full-width\)/],
    ["a full-width colon", "Quote CRM：00021003", DEFAULT_SETTINGS, ["look-alike-prefix"], /full-width characters/],
    ["a full-width prefix", "Quote ＣＲＭ：00021003", DEFAULT_SETTINGS, ["look-alike-prefix"], /full-width characters/],
    ["a space after the prefix", "Quote CRM: 00021003", DEFAULT_SETTINGS, ["space-after-prefix"], /A space separates/],
    ["designator 2", "Quote CRM:20021003", DEFAULT_SETTINGS, ["designator"], /first digit must be 0 \(online\) or 1 \(offline\)/],
    ["several reasons at once", "xCRM:٠٠٠٢", DEFAULT_SETTINGS, ["glued", "other-script-digits", "digit-count"], /glued.*another script.*4 digits, now 8/],
  ])("%s", (_name, subject, settings, kinds, explanation) => {
    const { ours, nearMisses, foreign } = explainSubject(subject, settings);
    expect(ours).toEqual([]);
    expect(foreign).toEqual([]);
    expect(nearMisses).toHaveLength(1);
    expect(nearMisses[0]?.kinds).toEqual(kinds);
    expect(nearMisses[0]?.kind).toBe(kinds[0]);
    // The kinds are core's; the sentence is how English says them (src/languages).
    expect(nearMisses[0] === undefined ? "" : englishNearMiss(nearMisses[0])).toMatch(explanation);
  });

  it("points at the near miss in the subject", () => {
    const subject = "RE: xCRM:00021003 and CRM:0002100";
    expect(explainSubject(subject).nearMisses.map((m) => [m.text, m.index, subject.slice(m.index, m.index + m.text.length)])).toEqual([
      ["CRM:00021003", 5, "CRM:00021003"],
      ["CRM:0002100", 22, "CRM:0002100"],
    ]);
  });

  it("finds a token and a near miss side by side", () => {
    const { ours, nearMisses } = explainSubject("CRM:00021003 CRM:00021 TKT:123456");
    expect(ours.map((t) => t.text)).toEqual(["CRM:00021003"]);
    expect(nearMisses.map((m) => m.text)).toEqual(["CRM:00021"]);
  });

  it.each([
    ["prose after a spaced prefix", "CRM: 5 items open"],
    ["the prefix without digits", "CRM: follow-up"],
    ["a token followed by another script's digit (the token stands)", "CRM:00021003٣"],
    ["a token whose prefix repeats", "CRM:CRM:00021003"],
  ])("is quiet about %s", (_name, subject) => {
    expect(explainSubject(subject).nearMisses).toEqual([]);
  });

  it("treats a token of an earlier prefix as ours, not as a near miss of the current one", () => {
    const settings = settingsWith({ prefix: "CRM:", prefixHistory: ["EU-CRM:"] });
    const { ours, nearMisses } = explainSubject("EU-CRM:00021003", settings);
    expect(ours.map((t) => t.origin)).toEqual(["history"]);
    expect(nearMisses).toEqual([]);
  });

  it("follows the digit settings", () => {
    const wide = settingsWith({ counterDigits: 5 });
    expect(explainSubject("CRM:00021003", wide).nearMisses[0]).toMatchObject({ kinds: ["digit-count"], digitCount: 8, expectedDigits: 9 });
    expect(explainSubject("CRM:000210003", wide).ours).toHaveLength(1);
  });
});

describe("explainSubject: robustness", () => {
  it("handles the empty subject and a non-string", () => {
    expect(explainSubject("")).toEqual({ ours: [], foreign: [], nearMisses: [] });
    expect(explainSubject(undefined as unknown as string)).toEqual({ ours: [], foreign: [], nearMisses: [] });
  });

  it("never throws, and every item points at its own text (arbitrary unicode, lone surrogates)", () => {
    const pieces = fc.oneof(
      fc.string({ unit: "binary", maxLength: 20 }),
      fc.string({ unit: "grapheme", maxLength: 10 }),
      fc.constantFrom("CRM:", "crm:", "CRM：", "ＣＲＭ", "TKT:", "[#", "]", "[Ticket#", "ref:_00D", ":ref", " #", "0", "1", "٣", "３", "\uD800", "\uDC00", "x", " "),
      fc.stringMatching(/^[0-9]{1,12}$/),
    );
    const subjects = fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join(""));
    const settings = fc.constantFrom(DEFAULT_SETTINGS, withHistory, settingsWith({ prefix: "Case#", userDigits: 1, counterDigits: 1 }));
    fc.assert(
      fc.property(subjects, settings, (subject, s) => {
        const result = explainSubject(subject, s);
        for (const item of [...result.ours, ...result.foreign, ...result.nearMisses]) {
          expect(subject.slice(item.index, item.index + item.text.length)).toBe(item.text);
        }
        for (const item of result.foreign) expect(englishForeignMark(item).length).toBeGreaterThan(0);
        for (const item of result.nearMisses) expect(englishNearMiss(item).length).toBeGreaterThan(0);
      }),
      { numRuns: 10_000 },
    );
  });

  it("never reports one stretch of text twice", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (raw) => {
        const subject = `${raw} CRM:0002 xCRM:00021003 TKT:123456 ${raw}`;
        const { ours, foreign, nearMisses } = explainSubject(subject);
        const spans = [...ours, ...foreign, ...nearMisses].map((i) => [i.index, i.index + i.text.length] as const).sort((a, b) => a[0] - b[0]);
        spans.forEach(([start], i) => {
          if (i > 0) expect(start).toBeGreaterThanOrEqual(spans[i - 1]?.[1] ?? 0);
        });
      }),
      { numRuns: 2_000 },
    );
  });
});
