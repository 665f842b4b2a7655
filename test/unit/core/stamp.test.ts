import { DEFAULT_SETTINGS, ELLIPSIS, MAX_SUBJECT_LENGTH, TokenFormatError, applyToken, findTokens, stripTokens } from "../../../src/core";
import type { Settings } from "../../../src/core";

const settings = (overrides: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...overrides });
const TOKEN = "CRM:00021003";

describe("applyToken (docs/DESIGN.md §2 stamping)", () => {
  it.each<[string, string, string]>([
    ["appends after one space", "Quote for Q3", "Quote for Q3 CRM:00021003"],
    ["trims trailing whitespace first", "Quote for Q3   \t ", "Quote for Q3 CRM:00021003"],
    ["empty subject gives the token alone", "", "CRM:00021003"],
    ["whitespace-only subject gives the token alone", "   ", "CRM:00021003"],
    ["replaces our old token and keeps RE:", "RE: Quote CRM:00020007", "RE: Quote CRM:00021003"],
    ["keeps stacked reply/forward prefixes in place", "AW: WG: 回复: Angebot CRM:00020007", "AW: WG: 回复: Angebot CRM:00021003"],
    ["removes an old token in the middle and closes the gap", "RE: Quote CRM:00020007 follow-up", "RE: Quote follow-up CRM:00021003"],
    ["removes several old tokens, any case", "crm:00020007 RE: x CRM:10020001  y", "RE: x y CRM:00021003"],
    ["old token alone is replaced", "CRM:00020007", "CRM:00021003"],
    ["stamping twice with the same token changes nothing", "Quote CRM:00021003", "Quote CRM:00021003"],
    ["keeps foreign tokens", "RE: Issue TKT:12345 [Ticket#123]", "RE: Issue TKT:12345 [Ticket#123] CRM:00021003"],
    ["keeps near misses (not ours)", "Quote CRM:0002100 xCRM:00021003", "Quote CRM:0002100 xCRM:00021003 CRM:00021003"],
    ["keeps brackets the old token sat in", "Quote (CRM:00020007)", "Quote () CRM:00021003"],
    ["keeps the user's spacing elsewhere", "A  B CRM:00020007", "A  B CRM:00021003"],
  ])("%s", (_name, subject, expected) => {
    expect(applyToken(subject, TOKEN)).toEqual({ subject: expected, shortened: false });
  });

  it("removes tokens of earlier prefixes, keeps foreign ones", () => {
    const s = settings({ prefix: "ACME:", prefixHistory: ["CRM:"] });
    expect(applyToken("RE: Quote CRM:00020007 XRM:00020007", "ACME:00021003", s).subject).toBe("RE: Quote XRM:00020007 ACME:00021003");
  });

  it("throws TokenFormatError for a token that is not ours", () => {
    for (const token of ["TKT:00021003", "CRM:0002100", "CRM:20021003", " CRM:00021003", "", "Quote CRM:00021003"]) {
      expect(() => applyToken("Quote", token)).toThrow(TokenFormatError);
    }
    expect(() => applyToken("Quote", "CRM:00021003", settings({ prefix: "ACME:" }))).toThrow(/not a tracking token for prefix "ACME:"/);
  });

  describe("the 255-character limit", () => {
    it("shortens a 250-character subject at a word boundary with an ellipsis", () => {
      const subject = "Quarterly pricing follow-up ".repeat(9).slice(0, 250);
      const result = applyToken(subject, TOKEN);
      expect(result.shortened).toBe(true);
      expect(result.subject.length).toBeLessThanOrEqual(MAX_SUBJECT_LENGTH);
      expect(result.subject.endsWith(`${ELLIPSIS} ${TOKEN}`)).toBe(true);
      const text = result.subject.slice(0, -(TOKEN.length + 2));
      expect(subject.startsWith(text)).toBe(true);
      // Cut at a word boundary: the next character of the original is whitespace.
      expect(subject.charAt(text.length)).toBe(" ");
    });

    it("fits exactly 255 without shortening", () => {
      const subject = "x".repeat(MAX_SUBJECT_LENGTH - TOKEN.length - 1);
      expect(applyToken(subject, TOKEN)).toEqual({ subject: `${subject} ${TOKEN}`, shortened: false });
    });

    it("gives up extra spaces before words", () => {
      const subject = `${"word  ".repeat(40)}end`; // 243 characters, 123 once runs are collapsed
      const result = applyToken(subject, TOKEN);
      expect(result.shortened).toBe(false);
      expect(result.subject).toBe(`${"word ".repeat(40)}end ${TOKEN}`);
    });

    it("cuts mid-word when no word boundary is near, without splitting a surrogate pair", () => {
      for (const pad of ["", "a"]) {
        const subject = pad + "😀".repeat(200);
        const result = applyToken(subject, TOKEN);
        expect(result.shortened).toBe(true);
        expect(result.subject.length).toBeLessThanOrEqual(MAX_SUBJECT_LENGTH);
        const text = result.subject.slice(0, -(TOKEN.length + 2));
        expect(subject.startsWith(text)).toBe(true);
        expect(text).toMatch(/^a?(?:\uD83D\uDE00)+$/);
      }
    });

    it("never shortens the token, even a long one", () => {
      const s = settings({ prefix: "ABCDEFGHIJKLMNOPQRS:", userDigits: 10, counterDigits: 9 });
      const token = "ABCDEFGHIJKLMNOPQRS:01234567890123456789";
      const result = applyToken("y".repeat(300), token, s);
      expect(result.subject.endsWith(` ${token}`)).toBe(true);
      expect(result.subject.length).toBeLessThanOrEqual(MAX_SUBJECT_LENGTH);
      expect(result.shortened).toBe(true);
    });

    it("does not leave a token of ours where it cut a longer digit run", () => {
      // No whitespace within reach, so the cut falls mid-word, right after 8 of the 12 digits:
      // left there, "CRM:00021003" followed by "…" would be a token of ours.
      const head = `${"z".repeat(228)}-`;
      const subject = `${head}CRM:000210039999tail`;
      const result = applyToken(subject, "CRM:00020001");
      expect(result).toEqual({ subject: `${head}${ELLIPSIS} CRM:00020001`, shortened: true });
      expect(findTokens(result.subject).map((t) => t.text)).toEqual(["CRM:00020001"]);
    });

    it("counts UTF-16 code units, as Outlook does", () => {
      const result = applyToken("𝐀".repeat(130), TOKEN);
      expect(result.subject.length).toBeLessThanOrEqual(MAX_SUBJECT_LENGTH);
      expect(result.shortened).toBe(true);
    });
  });
});

describe("stripTokens", () => {
  it.each<[string, string, string]>([
    ["removes our token", "RE: Quote CRM:00021003", "RE: Quote"],
    ["removes several, collapses whitespace", "  crm:00021003  RE:   x CRM:10020001 y  ", "RE: x y"],
    ["keeps foreign tokens and near misses", "TKT:12345 CRM:0002100 [Ticket#123]", "TKT:12345 CRM:0002100 [Ticket#123]"],
    ["token only", "CRM:00021003", ""],
    ["empty", "", ""],
  ])("%s", (_name, subject, expected) => {
    expect(stripTokens(subject)).toBe(expected);
  });

  it("removes history tokens too", () => {
    expect(stripTokens("Quote CRM:00021003 ACME:00021003", settings({ prefix: "ACME:", prefixHistory: ["CRM:"] }))).toBe("Quote");
  });
});
