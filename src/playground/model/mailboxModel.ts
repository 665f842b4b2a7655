/**
 * The playground's mailbox: the single source of truth for the mailbox UI and for the fake Office
 * in every pane iframe (which reaches it through window.parent.__playgroundHost).
 */
import { hasReplyPrefix, replySubject } from "../../core";
import { PLAYGROUND_USER, SAMPLE_INBOX, SAMPLE_SENT, SEEDED_ROAMING_SETTINGS } from "./samples";
import { serializeRoamingSettings } from "./roamingFormat";
import {
  DEFAULT_HOST_OPTIONS,
  type Draft,
  type FolderId,
  type HostChange,
  type HostOptions,
  type HostSignInPath,
  type ItemSnapshot,
  type MailAddress,
  type MailMessage,
  type PaneHost,
  type PlaygroundDevice,
  type SerializedRoamingSettings,
  type Surface,
  type UserProfile,
} from "./types";

/** Every key the playground writes starts with this; "Reset playground" clears the whole origin. */
export const STORAGE_PREFIX = "tracking-tokens-playground:";

export type MailboxState = {
  readonly folder: FolderId;
  readonly messages: readonly MailMessage[];
  readonly selectedId: string | null;
  readonly draft: Draft | null;
  readonly offline: boolean;
  readonly options: HostOptions;
  /** How the panes last got a token for the tracking service; null before any. */
  readonly signInPath: HostSignInPath | null;
};

export type SendResult = { readonly status: "sent"; readonly message: MailMessage } | { readonly status: "blocked"; readonly reason: string };

/**
 * The hook point for OnMessageSend: runs before the draft leaves, may block it (as an event-based
 * handler does with `event.completed({ allowEvent: false })`).
 */
export type SendHandler = (draft: Draft) => Promise<{ readonly allowEvent: true } | { readonly allowEvent: false; readonly errorMessage: string }>;

/** The subset of Web Storage the model uses; tests pass an in-memory one. */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export type MailboxModelOptions = {
  readonly storage: KeyValueStorage;
  /** @default PLAYGROUND_USER */
  readonly user?: UserProfile;
  /** The clock, for the time a message is sent. @default () => new Date() */
  readonly now?: () => Date;
  /** The Inbox's sample mail. @default SAMPLE_INBOX */
  readonly inbox?: readonly MailMessage[];
  /** The Sent folder's sample mail. @default SAMPLE_SENT */
  readonly sent?: readonly MailMessage[];
  /** Roaming settings seeded when none are stored for this user. @default SEEDED_ROAMING_SETTINGS */
  readonly seedRoaming?: Readonly<Record<string, unknown>>;
  /** The other playground users: mail to them (To or Cc) lands in their Inbox. @default [] */
  readonly colleagues?: readonly UserProfile[];
  /** Bearer tokens for the tracking service, for the panes' OfficeRuntime.auth.getAccessToken. */
  readonly accessTokens?: (user: UserProfile) => Promise<string>;
  /** The device the panes run on. @default "laptop" */
  readonly device?: PlaygroundDevice;
};

/**
 * The customer's reply subject: theirs keeps a reply or forward prefix it has (core's rule). `dropToken`:
 * the customer's client (or a ticket system) dropped the token, as happens in real mail, so only
 * smart matching can pair the reply with the activity.
 */
function customerReplySubject(subject: string, dropToken: boolean): string {
  const kept = dropToken ? subject.replace(/\s*\S+:\d{5,}\s*$/u, "") : subject;
  return hasReplyPrefix(kept) ? kept : replySubject(kept);
}

/** Where mail delivered to a playground user (by a colleague, or a customer's reply) is kept. */
const deliveredKey = (emailAddress: string): string => `${STORAGE_PREFIX}inbox:${emailAddress.toLowerCase()}`;

/** Splits a To or Cc field ("Dana <dana@x.com>; lee@x.com") into addresses; text without @ is skipped. */
export function parseAddressField(text: string): MailAddress[] {
  return text
    .split(/[;,]/)
    .map((part) => part.trim())
    .filter((part) => part.includes("@"))
    .map((part) => {
      const named = /^(.*?)\s*<([^>]+)>$/.exec(part);
      if (named) return { displayName: (named[1] ?? "").replace(/^"|"$/g, "") || (named[2] ?? ""), emailAddress: (named[2] ?? "").trim() };
      return { displayName: part, emailAddress: part };
    });
}

export function formatAddressField(addresses: readonly MailAddress[]): string {
  return addresses.map((a) => (a.displayName && a.displayName !== a.emailAddress ? `${a.displayName} <${a.emailAddress}>` : a.emailAddress)).join("; ");
}

export class MailboxModel implements PaneHost {
  readonly user: UserProfile;
  readonly device: PlaygroundDevice;
  private state: MailboxState;
  private readonly storage: KeyValueStorage;
  private readonly now: () => Date;
  private readonly stateListeners = new Set<() => void>();
  private readonly hostListeners = new Set<(change: HostChange) => void>();
  private sendHandler: SendHandler | null = null;
  private draftCount = 0;
  private readonly sampleSent: readonly MailMessage[];
  private readonly colleagues: readonly UserProfile[];
  private readonly accessTokens: ((user: UserProfile) => Promise<string>) | undefined;

  constructor({ storage, user = PLAYGROUND_USER, now = () => new Date(), inbox = SAMPLE_INBOX, sent = SAMPLE_SENT, seedRoaming = SEEDED_ROAMING_SETTINGS, colleagues = [], accessTokens, device = "laptop" }: MailboxModelOptions) {
    this.device = device;
    this.storage = storage;
    this.user = user;
    this.now = now;
    this.sampleSent = sent;
    this.colleagues = colleagues;
    this.accessTokens = accessTokens;
    this.seedRoamingSettings(seedRoaming);
    this.state = {
      folder: "inbox",
      messages: [...inbox, ...sent, ...this.loadSentByUser(), ...this.loadStored(deliveredKey(user.emailAddress))],
      selectedId: null,
      draft: null,
      offline: false,
      options: DEFAULT_HOST_OPTIONS,
      signInPath: null,
    };
  }

  // ---- the mailbox, for the playground UI ----

  getState = (): MailboxState => this.state;

  /** For React's useSyncExternalStore: called after every state change. */
  subscribeState = (listener: () => void): (() => void) => {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  };

  messagesIn(folder: FolderId): MailMessage[] {
    return this.state.messages.filter((m) => m.folder === folder).sort((a, b) => b.sentAt.localeCompare(a.sentAt));
  }

  selectedMessage(): MailMessage | null {
    return this.state.messages.find((m) => m.id === this.state.selectedId) ?? null;
  }

  /** Opening another folder leaves no message selected, as Outlook does. */
  selectFolder(folder: FolderId): void {
    if (folder === this.state.folder) return;
    const hadSelection = this.state.selectedId !== null;
    this.update({ folder, selectedId: null });
    if (hadSelection) this.emit({ kind: "selection" });
  }

  /** Selects a message (null: none). A pinned read pane gets ItemChanged. */
  selectMessage(id: string | null): void {
    if (id !== null && !this.state.messages.some((m) => m.id === id)) throw new Error(`No message with id ${id}.`);
    if (id === this.state.selectedId) return;
    const folder = id === null ? this.state.folder : (this.state.messages.find((m) => m.id === id)?.folder ?? this.state.folder);
    this.update({ selectedId: id, folder });
    this.emit({ kind: "selection" });
  }

  composeNew(): Draft {
    return this.openDraft({ subject: "", to: "", cc: "", body: "", inReplyTo: null });
  }

  /** Replies to a message (default: the selected one): RE: subject, to its sender, cc the others. */
  reply(messageId: string | null = this.state.selectedId): Draft {
    const original = this.state.messages.find((m) => m.id === messageId);
    if (!original) throw new Error("Select a message to reply to.");
    const self = this.user.emailAddress.toLowerCase();
    // Reply all, as Outlook does: a reply to our own sent mail goes to its recipients again; nobody
    // appears twice, and we never copy ourselves.
    const to = original.folder === "sent" ? original.to : [original.from];
    const taken = new Set([self, ...to.map((a) => a.emailAddress.toLowerCase())]);
    const cc = [...original.to, ...original.cc].filter((a) => {
      const address = a.emailAddress.toLowerCase();
      if (taken.has(address)) return false;
      taken.add(address);
      return true;
    });
    const subject = replySubject(original.subject);
    const sent = new Date(original.sentAt).toLocaleString("en-US", { dateStyle: "full", timeStyle: "short" });
    return this.openDraft({
      subject,
      to: formatAddressField(to),
      cc: formatAddressField(cc),
      body: `\n\n-----\nFrom: ${original.from.displayName}\nSent: ${sent}\nSubject: ${original.subject}\n\n${original.body}`,
      inReplyTo: original.id,
    });
  }

  /** The user typing into the compose form. */
  updateDraft(patch: Partial<Pick<Draft, "subject" | "to" | "cc" | "body">>): void {
    const draft = this.state.draft;
    if (!draft) return;
    this.update({ draft: { ...draft, ...patch } });
    if ((patch.to !== undefined && patch.to !== draft.to) || (patch.cc !== undefined && patch.cc !== draft.cc)) this.emit({ kind: "recipients", draftId: draft.id });
  }

  discardDraft(): void {
    if (!this.state.draft) return;
    this.update({ draft: null });
    this.emit({ kind: "selection" });
  }

  /** Installs (or removes, with null) the OnMessageSend hook. */
  setSendHandler(handler: SendHandler | null): void {
    this.sendHandler = handler;
  }

  /** Sends the draft: the send handler may block it; else it moves to Sent. */
  async send(): Promise<SendResult> {
    const draft = this.state.draft;
    if (!draft) return { status: "blocked", reason: "There is no message to send." };
    const to = parseAddressField(draft.to);
    if (to.length === 0) return { status: "blocked", reason: "Add at least one recipient in To." };
    if (this.sendHandler) {
      const verdict = await this.sendHandler(draft);
      if (!verdict.allowEvent) return { status: "blocked", reason: verdict.errorMessage };
    }
    // Read again: the handler may have changed the subject (auto-stamp).
    const final = this.state.draft?.id === draft.id ? this.state.draft : draft;
    const message: MailMessage = {
      id: `sent-${this.now().getTime().toString(36)}-${this.draftCount}`,
      folder: "sent",
      subject: final.subject,
      from: { displayName: this.user.displayName, emailAddress: this.user.emailAddress },
      to,
      cc: parseAddressField(final.cc),
      sentAt: this.now().toISOString(),
      body: final.body,
    };
    this.update({ draft: null, messages: [...this.state.messages, message] });
    this.saveSentByUser();
    this.deliverToColleagues(message);
    this.emit({ kind: "selection" });
    return { status: "sent", message };
  }

  /**
   * What the customer does next: replies to all of a sent message (default: the selected one). The
   * reply lands in this Inbox (and is selected) and in the Inbox of every colleague it names.
   */
  simulateCustomerReply(messageId: string | null = this.state.selectedId, options: { dropToken?: boolean } = {}): MailMessage {
    const original = this.state.messages.find((m) => m.id === messageId);
    if (!original || original.folder !== "sent") throw new Error("Select a message in Sent to simulate the customer's reply.");
    const insiders = new Set([this.user, ...this.colleagues].map((u) => u.emailAddress.toLowerCase()));
    const customer = original.to.find((a) => !insiders.has(a.emailAddress.toLowerCase())) ?? original.to[0];
    if (!customer) throw new Error("The message has no recipient to reply.");
    const self = { displayName: this.user.displayName, emailAddress: this.user.emailAddress };
    const others = [...original.to, ...original.cc].filter((a) => a !== customer && a.emailAddress.toLowerCase() !== self.emailAddress.toLowerCase());
    const reply: MailMessage = {
      id: `reply-${this.now().getTime().toString(36)}-${++this.draftCount}`,
      folder: "inbox",
      subject: customerReplySubject(original.subject, options.dropToken === true),
      from: customer,
      to: [self],
      cc: others,
      sentAt: this.now().toISOString(),
      body: `Hello ${this.user.displayName.split(" ")[0] ?? ""},\n\nThank you, that works for us.\n\n${customer.displayName}\n\n-----\n${original.body}`,
    };
    this.update({ messages: [...this.state.messages, reply] });
    this.storeMessage(deliveredKey(this.user.emailAddress), reply);
    this.deliverToColleagues(reply);
    this.selectMessage(reply.id);
    return reply;
  }

  /** Sets the tracking service URL ("" for none) in this user's stored roaming settings; panes read it when they load. */
  setServiceUrl(serviceUrl: string): void {
    const stored = this.loadRoamingSettings();
    let settings: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(stored["settings"] ?? "{}");
      if (parsed && typeof parsed === "object") settings = parsed as Record<string, unknown>;
    } catch {
      // Unreadable settings are replaced by the service URL alone; the panes fill in defaults.
    }
    if (settings["serviceUrl"] === serviceUrl) return;
    this.storage.setItem(this.roamingKey(), JSON.stringify({ ...stored, settings: JSON.stringify({ ...settings, serviceUrl }) }));
  }

  /** The service URL in this user's stored settings; "" when none. */
  serviceUrl(): string {
    try {
      const settings: unknown = JSON.parse(this.loadRoamingSettings()["settings"] ?? "{}");
      const url = settings && typeof settings === "object" ? (settings as { serviceUrl?: unknown }).serviceUrl : undefined;
      return typeof url === "string" ? url : "";
    } catch {
      return "";
    }
  }

  accessToken(): Promise<string> {
    if (!this.accessTokens) return Promise.reject(new Error("The playground has no tracking service to sign in to."));
    return this.accessTokens(this.user);
  }

  recordSignIn(path: HostSignInPath): void {
    if (path !== this.state.signInPath) this.update({ signInPath: path });
  }

  /** "Work offline": roaming saves fail like a network failure; panes see navigator.onLine false. */
  setOffline(offline: boolean): void {
    if (offline === this.state.offline) return;
    this.update({ offline });
    this.emit({ kind: "connectivity", offline });
  }

  setOptions(patch: Partial<HostOptions>): void {
    this.update({ options: { ...this.state.options, ...patch } });
  }

  // ---- PaneHost: what the fake Office in a pane reaches ----

  options(): HostOptions {
    return this.state.options;
  }

  currentItem(surface: Surface): ItemSnapshot | null {
    if (surface === "compose") return this.state.draft ? { kind: "compose", draftId: this.state.draft.id } : null;
    const message = this.selectedMessage();
    return message ? { kind: "read", message } : null;
  }

  draftSubject(draftId: string): string | undefined {
    return this.state.draft?.id === draftId ? this.state.draft.subject : undefined;
  }

  setDraftSubject(draftId: string, subject: string): boolean {
    if (this.state.draft?.id !== draftId) return false;
    this.updateDraft({ subject });
    return true;
  }

  draftRecipients(draftId: string, field: "to" | "cc"): readonly MailAddress[] | undefined {
    return this.state.draft?.id === draftId ? parseAddressField(this.state.draft[field]) : undefined;
  }

  isOffline(): boolean {
    return this.state.offline;
  }

  loadRoamingSettings(): SerializedRoamingSettings {
    const stored = this.storage.getItem(this.roamingKey());
    if (!stored) return {};
    try {
      const parsed: unknown = JSON.parse(stored);
      return parsed && typeof parsed === "object" ? (parsed as SerializedRoamingSettings) : {};
    } catch {
      return {};
    }
  }

  saveRoamingSettings(settings: SerializedRoamingSettings): boolean {
    if (this.state.offline) return false;
    this.storage.setItem(this.roamingKey(), JSON.stringify(settings));
    return true;
  }

  subscribe = (listener: (change: HostChange) => void): (() => void) => {
    this.hostListeners.add(listener);
    return () => this.hostListeners.delete(listener);
  };

  // ---- internals ----

  private openDraft(fields: Omit<Draft, "id">): Draft {
    this.draftCount += 1;
    const draft: Draft = { id: `draft-${this.now().getTime().toString(36)}-${this.draftCount}`, ...fields };
    this.update({ draft });
    this.emit({ kind: "selection" });
    return draft;
  }

  private roamingKey(): string {
    return `${STORAGE_PREFIX}roaming:${this.user.emailAddress}`;
  }

  private seedRoamingSettings(seed: Readonly<Record<string, unknown>>): void {
    if (this.storage.getItem(this.roamingKey()) !== null) return;
    this.storage.setItem(this.roamingKey(), JSON.stringify(serializeRoamingSettings(seed)));
  }

  /** Pat's sent mail keeps the key it always had; other users get their own. */
  private sentKey(): string {
    return this.user.emailAddress === PLAYGROUND_USER.emailAddress ? `${STORAGE_PREFIX}sent` : `${STORAGE_PREFIX}sent:${this.user.emailAddress}`;
  }

  private loadSentByUser(): MailMessage[] {
    return this.loadStored(this.sentKey());
  }

  private loadStored(key: string): MailMessage[] {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(key) ?? "[]");
      return Array.isArray(parsed) ? (parsed as MailMessage[]) : [];
    } catch {
      return [];
    }
  }

  private storeMessage(key: string, message: MailMessage): void {
    this.storage.setItem(key, JSON.stringify([...this.loadStored(key), message]));
  }

  /** Mail to a colleague (To or Cc) lands in their Inbox, which they see when they sign in. */
  private deliverToColleagues(message: MailMessage): void {
    const recipients = new Set([...message.to, ...message.cc].map((a) => a.emailAddress.toLowerCase()));
    for (const colleague of this.colleagues) {
      if (!recipients.has(colleague.emailAddress.toLowerCase())) continue;
      this.storeMessage(deliveredKey(colleague.emailAddress), { ...message, id: `${message.id}-to-${colleague.emailAddress}`, folder: "inbox" });
    }
  }

  private saveSentByUser(): void {
    const sample = new Set(this.sampleSent.map((m) => m.id));
    const sentByUser = this.state.messages.filter((m) => m.folder === "sent" && !sample.has(m.id));
    this.storage.setItem(this.sentKey(), JSON.stringify(sentByUser));
  }

  private update(patch: Partial<MailboxState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of [...this.stateListeners]) listener();
  }

  private emit(change: HostChange): void {
    for (const listener of [...this.hostListeners]) {
      // A listener lives in a pane iframe that may be gone; one dead pane must not stop the others.
      try {
        listener(change);
      } catch (error) {
        console.warn("Playground: a pane listener failed", error);
      }
    }
  }
}
