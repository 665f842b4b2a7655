/** Reply subjects and Outlook's normalizedSubject, from core's one reply-prefix rule (docs/REPLY-PREFIXES.md). */
import { hasReplyPrefix, replySubject, withoutReplyPrefixes } from "../../../src/core";

/** Each subject, and the reply's subject. */
const REPLIES: Readonly<Record<string, string>> = {
  "Lunch on Friday?": "RE: Lunch on Friday?",
  "RE: Quote CRM:00021003": "RE: Quote CRM:00021003",
  // One prefix is replaced, the rest of the thread's stays: the reply is as deep as its original.
  "RE: RE: Delivery dates ACME:00020017": "RE: RE: Delivery dates ACME:00020017",
  "RE: FW: Order 4411": "RE: FW: Order 4411",
  "FW: Broken armrest": "RE: Broken armrest",
  // Any language's prefix core knows, counted forms and the full-width colon.
  "AW: Angebot": "RE: Angebot",
  "SV: Offert": "RE: Offert",
  "RE[2]: Quote": "RE: Quote",
  "回复：报价": "RE: 报价",
  // A word that only starts like a prefix is kept.
  "Reorder parts": "RE: Reorder parts",
  "Award: shortlist": "RE: Award: shortlist",
};

describe("replySubject", () => {
  it("puts RE: in place of one leading reply or forward prefix, of any language core knows", () => {
    expect(Object.fromEntries(Object.keys(REPLIES).map((subject) => [subject, replySubject(subject)]))).toEqual(REPLIES);
  });
});

describe("hasReplyPrefix", () => {
  it("knows every prefix core knows, and only with its colon", () => {
    expect(["RE: x", "fw: x", "Fwd: x", "AW: x", "TR : x", "Re(3): x", "ΑΠ: x"].filter((s) => !hasReplyPrefix(s))).toEqual([]);
    expect(["x", "Reorder parts", "RE x", "Antwerp: x", ""].filter(hasReplyPrefix)).toEqual([]);
  });
});

describe("withoutReplyPrefixes", () => {
  it("drops every leading prefix and the space after them, and keeps the rest as it is", () => {
    expect(withoutReplyPrefixes("RE: FW:  AW: Order  4411 ")).toBe("Order  4411 ");
    expect(withoutReplyPrefixes("Order 4411")).toBe("Order 4411");
    expect(withoutReplyPrefixes("Reorder: parts")).toBe("Reorder: parts");
  });
});
