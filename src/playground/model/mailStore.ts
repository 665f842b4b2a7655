/**
 * The mail of the signed-in user: the folders, the selection, the draft being written, sending, and
 * what the customer answers. Mail to a colleague lands in their Inbox, kept in the user storage.
 */
import { hasReplyPrefix, replySubject } from "../../core";
import { formatAddressField, parseAddressField } from "./addressField";
import { createListeners } from "./listeners";
import type { Draft, FolderId, MailMessage, UserProfile } from "./types";
import type { UserStorage } from "./userStorage";

export type MailState = {
  readonly folder: FolderId;
  readonly messages: readonly MailMessage[];
  readonly selectedId: string | null;
  readonly draft: Draft | null;
};

/**
 * "updated": the state changed. "item": what a pane shows may have changed (the selection, or a
 * draft opened or closed). "recipients": To or Cc of the open draft changed.
 */
export type MailChange = { readonly kind: "updated" } | { readonly kind: "item" } | { readonly kind: "recipients"; readonly draftId: string };

export type SendResult = { readonly status: "sent"; readonly message: MailMessage } | { readonly status: "blocked"; readonly reason: string };

/**
 * The hook point for OnMessageSend: runs before the draft leaves, may block it (as an event-based
 * handler does with `event.completed({ allowEvent: false })`).
 */
export type SendHandler = (draft: Draft) => Promise<{ readonly allowEvent: true } | { readonly allowEvent: false; readonly errorMessage: string }>;

export type MailStoreOptions = {
  readonly storage: UserStorage;
  readonly now: () => Date;
  /** The Inbox's sample mail. */
  readonly inbox: readonly MailMessage[];
  /** The Sent folder's sample mail. */
  readonly sent: readonly MailMessage[];
  /** The other playground users: mail to them (To or Cc) lands in their Inbox. */
  readonly colleagues: readonly UserProfile[];
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

export class MailStore {
  private state: MailState;
  private readonly listeners = createListeners<MailChange>();
  private sendHandler: SendHandler | null = null;
  private draftCount = 0;
  private readonly storage: UserStorage;
  private readonly user: UserProfile;
  private readonly now: () => Date;
  private readonly sampleSent: readonly MailMessage[];
  private readonly colleagues: readonly UserProfile[];

  constructor({ storage, now, inbox, sent, colleagues }: MailStoreOptions) {
    this.storage = storage;
    this.user = storage.user;
    this.now = now;
    this.sampleSent = sent;
    this.colleagues = colleagues;
    this.state = { folder: "inbox", messages: [...inbox, ...sent, ...storage.loadSent(), ...storage.loadDelivered()], selectedId: null, draft: null };
  }

  getState = (): MailState => this.state;

  subscribe = (listener: (change: MailChange) => void): (() => void) => this.listeners.add(listener);

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
    if (hadSelection) this.listeners.notify({ kind: "item" });
  }

  /** Selects a message (null: none). */
  selectMessage(id: string | null): void {
    if (id !== null && !this.state.messages.some((m) => m.id === id)) throw new Error(`No message with id ${id}.`);
    if (id === this.state.selectedId) return;
    const folder = id === null ? this.state.folder : (this.state.messages.find((m) => m.id === id)?.folder ?? this.state.folder);
    this.update({ selectedId: id, folder });
    this.listeners.notify({ kind: "item" });
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
    const sent = new Date(original.sentAt).toLocaleString("en-US", { dateStyle: "full", timeStyle: "short" });
    return this.openDraft({
      subject: replySubject(original.subject),
      to: formatAddressField(to),
      cc: formatAddressField(cc),
      body: `\n\n-----\nFrom: ${original.from.displayName}\nSent: ${sent}\nSubject: ${original.subject}\n\n${original.body}`,
      inReplyTo: original.id,
    });
  }

  /** The user typing into the compose form (or a pane setting the subject). */
  updateDraft(patch: Partial<Pick<Draft, "subject" | "to" | "cc" | "body">>): void {
    const draft = this.state.draft;
    if (!draft) return;
    this.update({ draft: { ...draft, ...patch } });
    if ((patch.to !== undefined && patch.to !== draft.to) || (patch.cc !== undefined && patch.cc !== draft.cc)) this.listeners.notify({ kind: "recipients", draftId: draft.id });
  }

  discardDraft(): void {
    if (!this.state.draft) return;
    this.update({ draft: null });
    this.listeners.notify({ kind: "item" });
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
    const sample = new Set(this.sampleSent.map((m) => m.id));
    this.storage.saveSent(this.state.messages.filter((m) => m.folder === "sent" && !sample.has(m.id)));
    this.deliverToColleagues(message);
    this.listeners.notify({ kind: "item" });
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
    this.storage.deliver(this.user.emailAddress, reply);
    this.deliverToColleagues(reply);
    this.selectMessage(reply.id);
    return reply;
  }

  private openDraft(fields: Omit<Draft, "id">): Draft {
    this.draftCount += 1;
    const draft: Draft = { id: `draft-${this.now().getTime().toString(36)}-${this.draftCount}`, ...fields };
    this.update({ draft });
    this.listeners.notify({ kind: "item" });
    return draft;
  }

  /** Mail to a colleague (To or Cc) lands in their Inbox, which they see when they sign in. */
  private deliverToColleagues(message: MailMessage): void {
    const recipients = new Set([...message.to, ...message.cc].map((a) => a.emailAddress.toLowerCase()));
    for (const colleague of this.colleagues) {
      if (!recipients.has(colleague.emailAddress.toLowerCase())) continue;
      this.storage.deliver(colleague.emailAddress, { ...message, id: `${message.id}-to-${colleague.emailAddress}`, folder: "inbox" });
    }
  }

  private update(patch: Partial<MailState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.notify({ kind: "updated" });
  }
}
