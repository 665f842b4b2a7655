import fc from "fast-check";
import { MIN_SHARED_ADDRESSES, activityForToken, matchMessage, matchableSubject, smartMatch } from "../../../src/core/matching";
import type { ActivityLike, MessageLike } from "../../../src/core/matching";
import { DEFAULT_SETTINGS, validateSettings } from "../../../src/core/index";
import type { Settings } from "../../../src/core/index";

const ME = "ana@contoso.com";
const CUSTOMER = "bob@fabrikam.com";
const COLLEAGUE = "carl@contoso.com";

function activity(partial: Partial<ActivityLike> & Pick<ActivityLike, "token">): ActivityLike {
  return {
    designator: 0,
    user: 2,
    counter: 1003,
    subject: `Quote ${partial.token}`,
    to: [CUSTOMER],
    cc: [],
    sender: ME,
    stampedAt: 1_000,
    ...partial,
  };
}

function message(partial: Partial<MessageLike>): MessageLike {
  return { subject: "", from: CUSTOMER, to: [ME], cc: [], ...partial };
}

const history: Settings = (() => {
  const result = validateSettings({ ...DEFAULT_SETTINGS, prefix: "TT-", prefixHistory: ["CRM:"] });
  if (!result.ok) throw new Error("bad test settings");
  return result.settings;
})();

describe("matchMessage: by token", () => {
  const quote = activity({ token: "CRM:00021003", stampedAt: 1_000 });
  const invoice = activity({ token: "CRM:10021004", designator: 1, counter: 1004, subject: "Invoice CRM:10021004", stampedAt: 2_000 });
  const log = [quote, invoice];

  it.each<[string, string, readonly ActivityLike[]]>([
    ["the token of a reply", "RE: Quote CRM:00021003", [quote]],
    ["the prefix in another case", "re: quote crm:00021003", [quote]],
    ["a token in parentheses, before punctuation", "RE: (CRM:00021003).", [quote]],
    ["every token of a reply to a reply, in subject order", "RE: Invoice CRM:10021004 RE: Quote CRM:00021003", [invoice, quote]],
    ["a token next to a foreign one", "RE: Quote TKT:123456 CRM:00021003", [quote]],
  ])("finds %s", (_name, subject, expected) => {
    const matches = matchMessage(message({ subject }), log);
    expect(matches?.map((m) => m.method)).toEqual(expected.map(() => "token"));
    expect(matches?.map((m) => m.activity)).toEqual(expected);
  });

  it("names the token each match was found by", () => {
    const [match] = matchMessage(message({ subject: "RE: Quote crm:00021003" }), log) ?? [];
    expect(match?.method === "token" && match.token.text).toBe("crm:00021003");
  });

  it("finds tokens of an earlier prefix", () => {
    const old = activity({ token: "CRM:00021003" });
    const matches = matchMessage(message({ subject: "RE: Quote CRM:00021003" }), [old], history);
    expect(matches?.[0]?.activity).toBe(old);
  });

  it("skips tokens it does not know and keeps the ones it does", () => {
    const matches = matchMessage(message({ subject: "CRM:00099999 CRM:00021003" }), log);
    expect(matches?.map((m) => m.activity)).toEqual([quote]);
  });

  it("is undefined for an unknown token, and does not fall back to smart matching", () => {
    // Same subject and addresses as `quote`: a token of ours that is unknown is reported as unknown.
    expect(matchMessage(message({ subject: "RE: Quote CRM:00099999" }), log)).toBeUndefined();
  });

  it("prefers the most recent activity when a wrapped counter reused a token", () => {
    const older = activity({ token: "CRM:00021003", stampedAt: 1_000 });
    const newer = activity({ token: "CRM:00021003", stampedAt: 9_000 });
    expect(activityForToken("crm:00021003", [older, newer])).toBe(newer);
    expect(activityForToken("CRM:00021003", [newer, older])).toBe(newer);
  });

  it("is undefined with an empty log", () => {
    expect(matchMessage(message({ subject: "CRM:00021003" }), [])).toBeUndefined();
  });
});

describe("matchMessage: smart match (D365 style)", () => {
  const sent = activity({ token: "CRM:00021003", subject: "Quote for 20 chairs CRM:00021003", to: [CUSTOMER], cc: [COLLEAGUE], stampedAt: 5_000 });

  it.each([
    ["RE:", "RE: Quote for 20 chairs"],
    ["AW: and WG:", "AW: WG: Quote for 20 chairs"],
    ["回复：", "回复：Quote for 20 chairs"],
    ["回复: with a space", "回复: Quote for 20 chairs"],
    ["counted RE[2]:", "RE[2]: Quote for 20 chairs"],
    ["another case and extra spaces", "re:  quote FOR 20   chairs "],
  ])("matches a reply with %s", (_name, subject) => {
    const matches = matchMessage(message({ subject }), [sent]);
    expect(matches).toHaveLength(1);
    const [match] = matches ?? [];
    expect(match?.method).toBe("smart match");
    expect(match?.activity).toBe(sent);
    expect(match?.method === "smart match" && match.sharedAddresses).toEqual([CUSTOMER, ME]);
  });

  it("compares addresses without case and reads 'Name <address>'", () => {
    const match = smartMatch(message({ subject: "RE: Quote for 20 chairs", from: "Bob <BOB@Fabrikam.com>", to: ["ANA@contoso.com"] }), [sent]);
    expect(match?.sharedAddresses).toEqual([CUSTOMER, ME]);
  });

  it(`needs ${MIN_SHARED_ADDRESSES} shared addresses: 1 is not enough`, () => {
    expect(matchMessage(message({ subject: "RE: Quote for 20 chairs", from: CUSTOMER, to: ["someone@else.com"] }), [sent])).toBeUndefined();
  });

  it("counts an address once even if it appears twice", () => {
    expect(smartMatch(message({ subject: "RE: Quote for 20 chairs", from: CUSTOMER, to: [CUSTOMER], cc: ["bob@FABRIKAM.com"] }), [sent])).toBeUndefined();
  });

  it("counts cc on both sides", () => {
    expect(smartMatch(message({ subject: "RE: Quote for 20 chairs", from: COLLEAGUE, to: ["x@y.z"], cc: [CUSTOMER] }), [sent])?.activity).toBe(sent);
  });

  it("needs the same subject", () => {
    expect(smartMatch(message({ subject: "RE: Quote for 21 chairs" }), [sent])).toBeUndefined();
    expect(smartMatch(message({ subject: "RE: Quote for 20 chairs (revised)" }), [sent])).toBeUndefined();
  });

  it("never matches an empty subject", () => {
    const blank = activity({ token: "CRM:00021009", subject: "CRM:00021009" });
    expect(smartMatch(message({ subject: "RE: " }), [blank])).toBeUndefined();
  });

  it("gives a tie to the most recent activity", () => {
    const older = { ...sent, token: "CRM:00021001", stampedAt: 1_000 };
    const newest = { ...sent, token: "CRM:00021005", stampedAt: 9_000 };
    const middle = { ...sent, token: "CRM:00021004", stampedAt: 4_000 };
    expect(smartMatch(message({ subject: "RE: Quote for 20 chairs" }), [older, newest, middle])?.activity).toBe(newest);
  });

  it("strips tokens of earlier prefixes too", () => {
    expect(matchableSubject("RE: Quote CRM:00021003 TT-00021004", history)).toBe("quote");
  });

  it("keeps foreign tokens, so they must agree", () => {
    const withTicket = activity({ token: "CRM:00021003", subject: "[#123] Broken printer CRM:00021003" });
    expect(smartMatch(message({ subject: "RE: [#123] Broken printer" }), [withTicket])?.activity).toBe(withTicket);
    expect(smartMatch(message({ subject: "RE: Broken printer" }), [withTicket])).toBeUndefined();
  });

  it("works on 255-character subjects", () => {
    const text = `${"Long subject words ".repeat(13)}`.trim().slice(0, 242).trimEnd();
    const long = activity({ token: "CRM:00021003", subject: `${text} CRM:00021003` });
    expect(long.subject.length).toBeLessThanOrEqual(255);
    expect(smartMatch(message({ subject: `RE: ${text}` }), [long])?.activity).toBe(long);
  });
});

describe("matchMessage: robustness", () => {
  it("never throws on arbitrary subjects and addresses", () => {
    const text = fc.string({ unit: "binary", maxLength: 60 });
    const log = [activity({ token: "CRM:00021003" }), activity({ token: "CRM:00021004", subject: "" })];
    fc.assert(
      fc.property(text, fc.option(text, { nil: null }), fc.array(text, { maxLength: 3 }), (subject, from, to) => {
        matchMessage({ subject, from, to, cc: [] }, log);
      }),
      { numRuns: 2_000 },
    );
  });
});
