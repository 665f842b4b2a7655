/** The playground's sample mailbox: one user, an Inbox of received mail covering every kind of subject. */
import type { MailAddress, MailMessage, UserProfile } from "./types";

export const PLAYGROUND_USER: UserProfile = Object.freeze({
  displayName: "Pat Seller",
  emailAddress: "pat.seller@contoso.com",
  timeZone: "W. Europe Standard Time",
});

const pat: MailAddress = { displayName: PLAYGROUND_USER.displayName, emailAddress: PLAYGROUND_USER.emailAddress };
const dana: MailAddress = { displayName: "Dana Buyer", emailAddress: "dana.buyer@fabrikam.com" };
const lee: MailAddress = { displayName: "Lee Purchasing", emailAddress: "lee@fabrikam.com" };
const helpdesk: MailAddress = { displayName: "Northwind Helpdesk", emailAddress: "support@northwind.example" };
const sam: MailAddress = { displayName: "Sam Colleague", emailAddress: "sam.colleague@contoso.com" };

/** Pat's colleague: the playground's second user ("Signed in as"), to show a team sharing a tracking service. */
export const COLLEAGUE_USER: UserProfile = Object.freeze({ displayName: sam.displayName, emailAddress: sam.emailAddress, timeZone: "W. Europe Standard Time" });

/** Everyone who can sign in to the playground; mail sent to one of them lands in their Inbox. */
export const PLAYGROUND_USERS: readonly UserProfile[] = Object.freeze([PLAYGROUND_USER, COLLEAGUE_USER]);

/** Sam's Inbox to begin with: one message from Pat (Pat's samples are Pat's alone). */
export const COLLEAGUE_INBOX: readonly MailMessage[] = [
  {
    id: "sam-inbox-welcome",
    folder: "inbox",
    subject: "Welcome to the team",
    from: { displayName: PLAYGROUND_USER.displayName, emailAddress: PLAYGROUND_USER.emailAddress },
    to: [sam],
    cc: [],
    sentAt: "2025-05-12T08:00:00Z",
    body: "Hello Sam,\n\nWe share the tracking service: replies to my mail show who sent the original in your read pane too.\n\nPat",
    note: "No token.",
  },
];

const received = (id: string, subject: string, from: MailAddress, sentAt: string, note: string, cc: MailAddress[] = []): MailMessage => ({
  id,
  folder: "inbox",
  subject,
  from,
  to: [pat],
  cc,
  sentAt,
  body: `Hello Pat,\n\nSample message for the playground.\n\n${from.displayName}`,
  note,
});

/** Received mail: our tokens, an earlier prefix, foreign marks, near misses and no token at all. */
export const SAMPLE_INBOX: readonly MailMessage[] = [
  received("inbox-ours", "RE: Quote for 200 chairs CRM:00021003", dana, "2025-05-14T09:12:00Z", "Our token, current prefix, issued online.", [lee]),
  received("inbox-history", "RE: RE: Delivery dates ACME:00020017", lee, "2025-05-13T15:40:00Z", "Our token with an earlier prefix (prefix history)."),
  received("inbox-two-tokens", "RE: FW: Order 4411 CRM:00021003 CRM:10020042", dana, "2025-05-13T08:05:00Z", "Two tokens of ours; the second was issued offline."),
  received("inbox-ticket", "FW: Broken armrest [Ticket#4711]", helpdesk, "2025-05-12T11:30:00Z", "A help desk's mark: foreign, never changed."),
  received("inbox-tkt", "Invoice query TKT:123456", helpdesk, "2025-05-12T10:02:00Z", "Another system's token: foreign."),
  received("inbox-salesforce", "RE: Your case ref:_00D1a2b3c._5001a2b3c4:ref", helpdesk, "2025-05-11T16:45:00Z", "A Salesforce thread id: foreign."),
  received("inbox-short", "RE: Price list CRM:0002100", dana, "2025-05-10T13:20:00Z", "Near miss: 7 digits after our prefix."),
  received("inbox-glued", "Re: Samples xCRM:00021003", lee, "2025-05-09T09:00:00Z", "Near miss: the prefix is glued to a letter."),
  received("inbox-none", "Lunch on Friday?", sam, "2025-05-08T12:15:00Z", "No token."),
];

/** Mail the user sent earlier: what the tokens above answer. */
export const SAMPLE_SENT: readonly MailMessage[] = [
  {
    id: "sent-quote",
    folder: "sent",
    subject: "Quote for 200 chairs CRM:00021003",
    from: pat,
    to: [dana],
    cc: [lee],
    sentAt: "2025-05-13T17:02:00Z",
    body: "Hello Dana,\n\nPlease find our quote attached.\n\nPat",
  },
  {
    id: "sent-delivery",
    folder: "sent",
    subject: "Delivery dates ACME:00020017",
    from: pat,
    to: [lee],
    cc: [],
    sentAt: "2025-04-28T10:30:00Z",
    body: "Hello Lee,\n\nHere are the delivery dates.\n\nPat",
  },
];

/**
 * Roaming settings the playground user starts with, so the panes work at once: prefix CRM:, the
 * earlier prefix ACME:, user ordinal 2 (tokens read CRM:0002nnnn). Seeded only when nothing is
 * stored. The layout (one value under SETTINGS_KEY, "settings", holding the Settings object) is
 * src/office/settingsPort's; test/unit/playground checks they agree.
 */
export const SEEDED_ROAMING_SETTINGS: Readonly<Record<string, unknown>> = Object.freeze({
  settings: { prefix: "CRM:", prefixHistory: ["ACME:"], userOrdinal: 2 },
});

/** Sam's: the same deployment, user ordinal 3 (standalone; with the tracking service it assigns his number). */
export const COLLEAGUE_ROAMING_SETTINGS: Readonly<Record<string, unknown>> = Object.freeze({
  settings: { prefix: "CRM:", prefixHistory: ["ACME:"], userOrdinal: 3 },
});
