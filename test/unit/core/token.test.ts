import { DEFAULT_SETTINGS, InvalidSettingsError, TokenFormatError, findTokens, formatToken, parseToken, tokenDigitCount, tokenUserNumber } from "../../../src/core";
import type { Settings, TokenParts } from "../../../src/core";

const settings = (overrides: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...overrides });
const texts = (subject: string, s: Settings = DEFAULT_SETTINGS): string[] => findTokens(subject, s).map((t) => t.text);

describe("formatToken (docs/DESIGN.md §2 examples)", () => {
  it.each<[string, TokenParts, Settings, string]>([
    ["user 2, activity 1003, online", { designator: 0, user: 2, counter: 1003 }, DEFAULT_SETTINGS, "CRM:00021003"],
    ["the same offline", { designator: 1, user: 2, counter: 1003 }, DEFAULT_SETTINGS, "CRM:10021003"],
    ["deployment base 500 + ordinal 1, activity 1", { designator: 0, user: 501, counter: 1 }, settings({ deploymentBase: 500, userOrdinal: 1 }), "CRM:05010001"],
    ["counter 0 after a wrap", { designator: 0, user: 2, counter: 0 }, DEFAULT_SETTINGS, "CRM:00020000"],
    ["largest parts", { designator: 1, user: 999, counter: 9999 }, DEFAULT_SETTINGS, "CRM:19999999"],
    ["other widths and prefix", { designator: 0, user: 42, counter: 7 }, settings({ prefix: "ACME#", userDigits: 5, counterDigits: 6 }), "ACME#000042000007"],
    ["widest parts (20 digits)", { designator: 1, user: 9_999_999_999, counter: 999_999_999 }, settings({ userDigits: 10, counterDigits: 9 }), "CRM:19999999999999999999"],
  ])("%s", (_name, parts, s, expected) => {
    expect(formatToken(parts, s)).toBe(expected);
  });

  it("uses the default settings when none are given", () => {
    expect(formatToken({ designator: 0, user: 2, counter: 1003 })).toBe("CRM:00021003");
  });

  it.each<[string, TokenParts, RegExp]>([
    ["user too wide", { designator: 0, user: 1000, counter: 1 }, /user 1000 does not fit in 3 digits \(0-999\)/],
    ["counter too wide", { designator: 0, user: 1, counter: 10000 }, /counter 10000 does not fit in 4 digits \(0-9999\)/],
    ["negative user", { designator: 0, user: -1, counter: 1 }, /user -1 is negative \(it must be 0-999\)/],
    ["negative counter", { designator: 0, user: 1, counter: -5 }, /counter -5 is negative/],
    ["fractional counter", { designator: 0, user: 1, counter: 1.5 }, /counter 1.5 is not a whole number/],
    ["NaN user", { designator: 0, user: Number.NaN, counter: 1 }, /user NaN is not a whole number/],
    ["infinite counter", { designator: 0, user: 1, counter: Number.POSITIVE_INFINITY }, /counter Infinity is not a whole number/],
    ["designator 2", { designator: 2 as 0, user: 1, counter: 1 }, /designator 2 is not 0 \(online\) or 1 \(offline\)/],
  ])("throws TokenFormatError: %s", (_name, parts, message) => {
    expect(() => formatToken(parts)).toThrow(TokenFormatError);
    expect(() => formatToken(parts)).toThrow(message);
  });

  it("names the error class", () => {
    const error = (() => {
      try {
        formatToken({ designator: 0, user: 1000, counter: 1 });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe("TokenFormatError");
  });

  it("rejects invalid settings with InvalidSettingsError", () => {
    expect(() => formatToken({ designator: 0, user: 1, counter: 1 }, settings({ prefix: "CRM1" }))).toThrow(InvalidSettingsError);
    expect(() => findTokens("x", settings({ userDigits: 0 }))).toThrow(/userDigits \(integer-range\)/);
  });
});

describe("parseToken", () => {
  const history = settings({ prefix: "ACME:", prefixHistory: ["CRM:", "OLD-"] });

  it.each<[string, string, Settings, object | undefined]>([
    ["online", "CRM:00021003", DEFAULT_SETTINGS, { prefix: "CRM:", origin: "current", designator: 0, user: 2, counter: 1003 }],
    ["offline", "CRM:10021003", DEFAULT_SETTINGS, { prefix: "CRM:", origin: "current", designator: 1, user: 2, counter: 1003 }],
    ["deployment base", "CRM:05010001", DEFAULT_SETTINGS, { designator: 0, user: 501, counter: 1 }],
    ["lower-case prefix reports the configured prefix", "crm:00021003", DEFAULT_SETTINGS, { prefix: "CRM:", origin: "current" }],
    ["mixed case", "cRm:00021003", DEFAULT_SETTINGS, { prefix: "CRM:" }],
    ["history prefix", "CRM:00021003", history, { prefix: "CRM:", origin: "history", user: 2, counter: 1003 }],
    ["second history prefix, other case", "old-10010002", history, { prefix: "OLD-", origin: "history", designator: 1, user: 1, counter: 2 }],
    ["current prefix beside history", "acme:00021003", history, { prefix: "ACME:", origin: "current" }],
    ["7 digits", "CRM:0002100", DEFAULT_SETTINGS, undefined],
    ["9 digits", "CRM:000210031", DEFAULT_SETTINGS, undefined],
    ["designator 2", "CRM:20021003", DEFAULT_SETTINGS, undefined],
    ["designator 9", "CRM:90021003", DEFAULT_SETTINGS, undefined],
    ["foreign prefix", "TKT:00021003", DEFAULT_SETTINGS, undefined],
    ["text around it", "RE: CRM:00021003", DEFAULT_SETTINGS, undefined],
    ["trailing space", "CRM:00021003 ", DEFAULT_SETTINGS, undefined],
    ["Arabic-Indic digits", "CRM:٠٠٠٢١٠٠٣", DEFAULT_SETTINGS, undefined],
    ["full-width digits", "CRM:００００２１００３", DEFAULT_SETTINGS, undefined],
    ["no prefix", "00021003", DEFAULT_SETTINGS, undefined],
    ["empty", "", DEFAULT_SETTINGS, undefined],
    ["Kelvin sign is not K", "\u212ARM:00021003", settings({ prefix: "KRM:" }), undefined],
    ["non-ASCII letters match exactly only", "ÉCRM:00021003", settings({ prefix: "éCRM:" }), undefined],
    ["non-ASCII prefix", "éCRM:00021003", settings({ prefix: "éCRM:" }), { prefix: "éCRM:" }],
  ])("%s: %s", (_name, text, s, expected) => {
    const parsed = parseToken(text, s);
    if (expected === undefined) expect(parsed).toBeUndefined();
    else expect(parsed).toMatchObject(expected);
  });

  it("treats regex special characters in a prefix literally", () => {
    const s = settings({ prefix: "a.b*(c)[d]{e}|^$\\+?:" });
    expect(parseToken("a.b*(c)[d]{e}|^$\\+?:00021003", s)).toMatchObject({ user: 2, counter: 1003 });
    expect(parseToken("aXb*(c)[d]{e}|^$\\+?:00021003", s)).toBeUndefined();
    expect(parseToken("abbb(c)[d]{e}|^$\\+?:00021003", s)).toBeUndefined();
  });

  it("decodes the widest digits exactly", () => {
    const s = settings({ userDigits: 10, counterDigits: 9 });
    expect(parseToken("CRM:19999999999999999999", s)).toMatchObject({ designator: 1, user: 9_999_999_999, counter: 999_999_999 });
  });
});

describe("findTokens: recognition (docs/DESIGN.md §2)", () => {
  it.each<[string, string, string[]]>([
    ["at the start", "CRM:00021003 quote", ["CRM:00021003"]],
    ["the whole subject", "CRM:00021003", ["CRM:00021003"]],
    ["after a space", "Quote CRM:00021003", ["CRM:00021003"]],
    ["after (", "Quote (CRM:00021003)", ["CRM:00021003"]],
    ["after [", "[CRM:00021003]", ["CRM:00021003"]],
    ["after :", "RE:CRM:00021003", ["CRM:00021003"]],
    ["after -", "quote-CRM:00021003", ["CRM:00021003"]],
    ["after _ (not a letter or digit)", "quote_CRM:00021003", ["CRM:00021003"]],
    ["after a full-width colon", "回复：CRM:00021003", ["CRM:00021003"]],
    ["after an emoji", "📎CRM:00021003", ["CRM:00021003"]],
    ["after a CJK ideograph (a letter)", "报价CRM:00021003", []],
    ["after an ASCII letter", "xCRM:00021003", []],
    ["after an ASCII digit", "1CRM:00021003", []],
    ["after a Latin letter with accent", "éCRM:00021003", []],
    ["after a combining mark (NFD é)", "e\u0301CRM:00021003", []],
    ["after an Arabic letter", "عCRM:00021003", []],
    ["after an Arabic-Indic digit", "٣CRM:00021003", []],
    ["after an astral letter (math bold A)", "\u{1D400}CRM:00021003", []],
    ["after a lone high surrogate", "\uD800CRM:00021003", ["CRM:00021003"]],
    ["after a lone low surrogate", "\uDC00CRM:00021003", ["CRM:00021003"]],
    ["lower case prefix", "re: crm:00021003", ["crm:00021003"]],
    ["7 digits", "CRM:0002100", []],
    ["9 digits", "CRM:000210031", []],
    ["followed by a letter", "CRM:00021003abc", ["CRM:00021003"]],
    ["followed by a dot", "CRM:00021003.", ["CRM:00021003"]],
    ["followed by an Arabic-Indic digit (not an ASCII digit)", "CRM:00021003٣", ["CRM:00021003"]],
    ["followed by a full-width digit", "CRM:00021003３", ["CRM:00021003"]],
    ["Arabic-Indic digits are not digits", "CRM:٠٠٠٢١٠٠٣", []],
    ["full-width digits are not digits", "CRM:００００２１００３", []],
    ["digits mixed with a full-width one", "CRM:0002100３", []],
    ["designator 2", "CRM:20021003", []],
    ["designator 9", "CRM:90021003", []],
    ["foreign prefix", "TKT:00021003 [Ticket#123] CASE:00021003", []],
    ["prefix without colon", "CRM00021003", []],
    ["space inside", "CRM: 00021003", []],
    ["prefix alone", "CRM:", []],
    ["empty subject", "", []],
    ["prefix repeated: the inner one is at a boundary", "CRM:CRM:00021003", ["CRM:00021003"]],
  ])("%s: %j", (_name, subject, expected) => {
    expect(texts(subject)).toEqual(expected);
  });

  it("reports several tokens in order with index and decoded parts", () => {
    const subject = "RE: FW: Quote CRM:00021003 re CRM:10020004 and crm:05010001";
    expect(findTokens(subject)).toEqual([
      { prefix: "CRM:", origin: "current", designator: 0, user: 2, counter: 1003, text: "CRM:00021003", index: 14 },
      { prefix: "CRM:", origin: "current", designator: 1, user: 2, counter: 4, text: "CRM:10020004", index: 30 },
      { prefix: "CRM:", origin: "current", designator: 0, user: 501, counter: 1, text: "crm:05010001", index: 47 },
    ]);
  });

  it("finds adjacent tokens separated by one non-digit", () => {
    expect(texts("CRM:00021003,CRM:00021004;CRM:00021005")).toEqual(["CRM:00021003", "CRM:00021004", "CRM:00021005"]);
  });

  it("reports history prefixes with origin history and ignores foreign ones", () => {
    const s = settings({ prefix: "ACME:", prefixHistory: ["CRM:", "Sales-"] });
    const found = findTokens("ACME:00021003 crm:10020001 TKT:00021003 SALES-00030004 XRM:00021003", s);
    expect(found.map(({ text, prefix, origin }) => ({ text, prefix, origin }))).toEqual([
      { text: "ACME:00021003", prefix: "ACME:", origin: "current" },
      { text: "crm:10020001", prefix: "CRM:", origin: "history" },
      { text: "SALES-00030004", prefix: "Sales-", origin: "history" },
    ]);
  });

  it("prefers the longest prefix that yields a token when prefixes overlap", () => {
    const s = settings({ prefix: "A", prefixHistory: ["A10021003:"] });
    expect(findTokens("A10021003:00021003", s).map(({ text, prefix }) => ({ text, prefix }))).toEqual([{ text: "A10021003:00021003", prefix: "A10021003:" }]);
    // The shorter prefix still wins where only it yields a token.
    expect(findTokens("A10021003 x", s).map(({ text, prefix }) => ({ text, prefix }))).toEqual([{ text: "A10021003", prefix: "A" }]);
  });

  it("uses the configured digit widths", () => {
    const s = settings({ userDigits: 2, counterDigits: 3 });
    expect(texts("CRM:001003 CRM:00021003", s)).toEqual(["CRM:001003"]);
    expect(findTokens("CRM:112345", s)[0]).toMatchObject({ designator: 1, user: 12, counter: 345 });
  });

  it("escapes regex special characters in prefixes", () => {
    const s = settings({ prefix: "(.*)", prefixHistory: ["[+]", "\\d", "a|b:"] });
    expect(texts("(.*)00021003 [+]00021003 \\d00021003 b:00021003 a|b:00021003 xyz00021003", s)).toEqual([
      "(.*)00021003",
      "[+]00021003",
      "\\d00021003",
      "a|b:00021003",
    ]);
  });

  it("never throws on awkward strings", () => {
    for (const subject of ["\uD800", "\uDFFF\uD800", "CRM:\uD80000021003", "\u202Eעברית CRM:00021003\u202C", "CRM:".repeat(2500), "CRM:0".repeat(2000), "x".repeat(10_000)]) {
      expect(() => findTokens(subject)).not.toThrow();
    }
  });

  it("finds a token at the end of a 10,000-character subject", () => {
    expect(texts(`${"é".repeat(9987)} CRM:00021003`)).toEqual(["CRM:00021003"]);
  });

  it("gives equal results for equal settings in different objects", () => {
    const a = settings({ prefix: "T#" });
    const b = settings({ prefix: "T#" });
    expect(findTokens("T#00021003", a)).toEqual(findTokens("T#00021003", b));
  });
});

describe("tokenUserNumber and tokenDigitCount", () => {
  it.each<[Partial<Settings>, number | undefined]>([
    [{}, undefined],
    [{ userOrdinal: 2 }, 2],
    [{ deploymentBase: 500, userOrdinal: 1 }, 501],
  ])("%j → %s", (overrides, expected) => {
    expect(tokenUserNumber(settings(overrides))).toBe(expected);
  });

  it("counts designator, user and counter digits", () => {
    expect(tokenDigitCount(DEFAULT_SETTINGS)).toBe(8);
    expect(tokenDigitCount(settings({ userDigits: 10, counterDigits: 9 }))).toBe(20);
  });
});
