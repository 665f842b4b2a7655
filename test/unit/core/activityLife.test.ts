import {
  DEFAULT_SETTINGS,
  ISSUED_RETENTION_DAYS,
  SENT_RETENTION_MARGIN_DAYS,
  alreadyFinalized,
  answersMail,
  decideFinalize,
  finalizeActivity,
  followDraft,
  matchMessage,
  mayPrune,
  pruneCutoffs,
} from "../../../src/core";
import type { ActivityLifeFields } from "../../../src/core";
import { makeActivity } from "../../fakes";

const DAY = 86_400_000;
const sent = { subject: "Offer for 14 standing desks CRM:00020001", to: ["dana.buyer@fabrikam.com"], cc: ["sam.colleague@contoso.com"], sentAt: 5_000 };

describe("the activity life (docs/DESIGN.md §5)", () => {
  const issued = makeActivity({ subject: "Offer for 12 standing desks CRM:00020001", to: [], cc: [], status: "issued", stampedAt: 1_000 });

  it("finalizing records the mail as it went and marks it sent", () => {
    const final = finalizeActivity(issued, sent);
    expect(final).toMatchObject({ status: "sent", subject: sent.subject, to: sent.to, cc: sent.cc, sentAt: 5_000, stampedAt: 1_000, token: issued.token });
    expect(answersMail(final)).toBe(true);
    expect(answersMail(issued)).toBe(false);
  });

  it("a record without a status predates activity lives and counts as sent", () => {
    const { status: _dropped, ...legacy } = issued;
    expect(answersMail(legacy as ActivityLifeFields)).toBe(true);
  });

  it("the same finalization twice changes nothing; a different one does", () => {
    const final = finalizeActivity(issued, sent);
    expect(alreadyFinalized(final, sent)).toBe(true);
    expect(alreadyFinalized(final, { ...sent, cc: [] })).toBe(false);
    expect(alreadyFinalized(issued, sent)).toBe(false);
  });

  it("an issued activity follows the draft; a sent one never changes", () => {
    const followed = followDraft(issued, { subject: "Offer for 14", to: ["a@b.c"], cc: [] });
    expect(followed).toMatchObject({ subject: "Offer for 14", to: ["a@b.c"], status: "issued" });
    expect(followDraft(issued, { subject: issued.subject, to: [], cc: [] })).toBe(issued);
    const final = finalizeActivity(issued, sent);
    expect(followDraft(final, { subject: "edited later", to: [], cc: [] })).toBe(final);
  });
});

describe("decideFinalize: is the mail being sent this draft's activity?", () => {
  it.each<[string, string, string | undefined, ReturnType<typeof decideFinalize>]>([
    ["its token is there", "Offer CRM:00020001", "CRM:00020001", { action: "finalize", token: "CRM:00020001" }],
    ["in another letter case", "Offer crm:00020001", "CRM:00020001", { action: "finalize", token: "CRM:00020001" }],
    ["a reply with its own new token after the quoted one", "RE: Offer CRM:00030007 CRM:00020001", "CRM:00020001", { action: "finalize", token: "CRM:00020001" }],
    ["token deleted by hand", "Offer for 14", "CRM:00020001", { action: "skip", reason: "token-removed", token: "CRM:00020001" }],
    ["only the quoted token of a reply", "RE: Offer CRM:00030007", "CRM:00020001", { action: "skip", reason: "token-removed", token: "CRM:00020001" }],
    ["never stamped here", "RE: Offer CRM:00030007", undefined, { action: "skip", reason: "no-activity" }],
  ])("%s", (_name, subject, draftToken, expected) => {
    expect(decideFinalize(subject, draftToken, DEFAULT_SETTINGS)).toEqual(expected);
  });
});

describe("only sent activities answer mail", () => {
  const message = { subject: "RE: Quote for 40 desks", from: "dana@fabrikam.com", to: ["pat@contoso.com"], cc: [] };
  const draft = makeActivity({ subject: "Quote for 40 desks CRM:00020001", to: ["dana@fabrikam.com"], sender: "pat@contoso.com", status: "issued" });

  it("a discarded draft is no smart match", () => {
    expect(matchMessage(message, [draft], DEFAULT_SETTINGS)).toBeUndefined();
    expect(matchMessage(message, [{ ...draft, status: "sent" }], DEFAULT_SETTINGS)?.[0]?.method).toBe("smart match");
  });

  it("a token names its issued activity only when no sent one holds it", () => {
    const withToken = { ...message, subject: "RE: Quote CRM:00020001" };
    expect(matchMessage(withToken, [draft], DEFAULT_SETTINGS)?.[0]?.activity.status).toBe("issued");
    const wrapped = { ...draft, status: "sent" as const, stampedAt: -1 };
    expect(matchMessage(withToken, [draft, wrapped], DEFAULT_SETTINGS)?.[0]?.activity).toBe(wrapped);
  });
});

describe("pruning the device's log", () => {
  const now = 100 * DAY;
  const cutoffs = pruneCutoffs(now, 30);

  it.each<[string, Parameters<typeof mayPrune>[0], boolean]>([
    ["sent past activeDays and the margin", makeActivity({ status: "sent", stampedAt: 0, sentAt: now - (30 + SENT_RETENTION_MARGIN_DAYS + 1) * DAY }), true],
    ["sent within activeDays and the margin", makeActivity({ status: "sent", stampedAt: 0, sentAt: now - (30 + SENT_RETENTION_MARGIN_DAYS - 1) * DAY }), false],
    ["an unsent draft after a while", makeActivity({ status: "issued", stampedAt: now - (ISSUED_RETENTION_DAYS + 1) * DAY }), true],
    ["a recent unsent draft", makeActivity({ status: "issued", stampedAt: now - DAY }), false],
    ["an old one still waiting for its sync", makeActivity({ status: "sent", stampedAt: 0, sentAt: 0, synced: false }), false],
    ["a record from before activity lives, by its stamp time", makeActivity({ stampedAt: 0 }), true],
  ])("%s: %s", (_name, activity, expected) => {
    expect(mayPrune(activity, cutoffs)).toBe(expected);
  });
});
