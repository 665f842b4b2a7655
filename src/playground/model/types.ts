/**
 * The playground mailbox's data, as plain JSON: it crosses from the playground page into the pane
 * iframes through the host (outlookHost/), where office.js rebuilds it in the iframe's own realm.
 */

export type FolderId = "inbox" | "sent";

export type MailAddress = { readonly displayName: string; readonly emailAddress: string };

export type MailMessage = {
  readonly id: string;
  readonly folder: FolderId;
  readonly subject: string;
  readonly from: MailAddress;
  readonly to: readonly MailAddress[];
  readonly cc: readonly MailAddress[];
  /** ISO 8601. Outlook's dateTimeCreated. */
  readonly sentAt: string;
  readonly body: string;
  /** What the sample shows, for the people trying the playground (not part of the mail). */
  readonly note?: string;
};

/** The message being written. To and Cc are the text of the form's fields (addresses split by ; or ,). */
export type Draft = {
  readonly id: string;
  readonly subject: string;
  readonly to: string;
  readonly cc: string;
  readonly body: string;
  /** The message this draft replies to, if any. */
  readonly inReplyTo: string | null;
};

export type UserProfile = {
  readonly displayName: string;
  readonly emailAddress: string;
  readonly timeZone: string;
};

/**
 * How the host answers nested app authentication (NestedAppAuth 1.1, docs/DEPLOY.md step 1):
 * "answers" signs in silently; "interaction-required" only after a popup; "consent-refused" never;
 * "unsupported" is a host without NAA (isSetSupported false), where panes use legacy SSO.
 */
export type NestedAppAuthBehaviour = "answers" | "interaction-required" | "popup-blocked" | "consent-refused" | "unsupported";
export const NESTED_APP_AUTH_BEHAVIOURS: readonly NestedAppAuthBehaviour[] = ["answers", "interaction-required", "popup-blocked", "consent-refused", "unsupported"];

/** Which way the host last handed the panes a token: the playground shows it. */
export type HostSignInPath = "NAA" | "NAA popup" | "Office dialog" | "legacy SSO";

export type HostOptions = {
  /** The highest Mailbox requirement set the host supports. @default "1.13" */
  readonly mailboxVersion: string;
  /** @default "answers" */
  readonly nestedAppAuth: NestedAppAuthBehaviour;
  /** Milliseconds before an item call (subject, recipients) calls back. @default 5 */
  readonly itemLatencyMs: number;
  /** Milliseconds before roamingSettings.saveAsync calls back. @default 40 */
  readonly roamingLatencyMs: number;
  /** The user's Outlook language (Office.context.displayLanguage), a BCP 47 tag. @default "en-US" */
  readonly displayLanguage: string;
  /** False: the host never answers office.js, as a hung Outlook; the panes' own deadlines then speak. @default true */
  readonly hostAnswers: boolean;
};

export const DEFAULT_HOST_OPTIONS: HostOptions = Object.freeze({
  mailboxVersion: "1.13",
  nestedAppAuth: "answers",
  itemLatencyMs: 5,
  roamingLatencyMs: 40,
  displayLanguage: "en-US",
  hostAnswers: true,
});

/** The display languages the playground offers: one per catalogue, a regional tag where Outlook uses one, and the pseudo-locales. */
export const DISPLAY_LANGUAGES: readonly { readonly tag: string; readonly name: string }[] = [
  { tag: "en-US", name: "English (US)" },
  { tag: "de-DE", name: "Deutsch" },
  { tag: "fr-FR", name: "Français" },
  { tag: "es-ES", name: "Español" },
  { tag: "pt-BR", name: "Português (Brasil)" },
  { tag: "it-IT", name: "Italiano" },
  { tag: "nl-NL", name: "Nederlands" },
  { tag: "ja-JP", name: "日本語" },
  { tag: "zh-CN", name: "中文(简体)" },
  { tag: "qps-ploc", name: "qps-ploc (pseudo)" },
  { tag: "qps-plocm", name: "qps-plocm (pseudo, RTL)" },
];

/** Roaming settings as the mailbox stores them: each value JSON-serialized, as office.js does. */
export type SerializedRoamingSettings = Readonly<Record<string, string>>;

/** A device of the signed-in user: the cross-device paths (docs/NUMBERING.md) need two. */
export type PlaygroundDevice = "laptop" | "phone";
export const PLAYGROUND_DEVICES: readonly PlaygroundDevice[] = ["laptop", "phone"];
