/**
 * The small typed ports that panes and authorities use instead of Office.context.mailbox.
 * Implemented over Office.js in src/office, and by in-memory fakes in tests.
 */
import type { KnownDeployment } from "../core/deployment";
import type { Settings, ValidationError } from "../core/types";

export type Recipients = { readonly to: readonly string[]; readonly cc: readonly string[] };

/** The message being written (compose mode). */
export interface ComposeItemPort {
  readonly mode: "compose";
  /**
   * A key for this draft that stays the same while the pane shows it: the item id once the
   * draft is saved, else one made when the pane first saw the item.
   */
  readonly draftKey: string;
  /** False on clients that cannot set the subject (e.g. requirement set missing on mobile). */
  readonly canSetSubject: boolean;
  getSubject(): Promise<string>;
  /** Rejects with an OfficeError (e.g. DataExceedsMaximumSize past 255 characters). */
  setSubject(subject: string): Promise<void>;
  getRecipients(): Promise<Recipients>;
  /**
   * Calls `listener` when To, Cc or Bcc change (RecipientsChanged, Mailbox 1.7). Resolves with an
   * unsubscribe; rejects where the client has no such event (the pane re-reads on show and focus instead).
   */
  onRecipientsChanged(listener: () => void): Promise<() => void>;
}

/** A received message (read mode). Mailbox 1.1 gives the subject as a plain string. */
export type ReadMessage = {
  readonly mode: "read";
  readonly itemId: string | null;
  readonly subject: string;
  readonly from: string | null;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly received: Date | null;
};

export type MailItemPort = ComposeItemPort | ReadMessage;

/** The mailbox as a pane sees it: the selected item and its changes (pinned panes). */
export interface MailboxPort {
  /** The user's own address, for matching; "" when unknown. */
  readonly userEmail: string;
  /** The item the pane shows now, or null when nothing is selected (pinned pane). */
  currentItem(): MailItemPort | null;
  /** Calls `listener` after the selected item changes (ItemChanged). Resolves with an unsubscribe. */
  onItemChanged(listener: () => void): Promise<() => void>;
}

/** Raw roaming settings: a per-add-in key/value store saved to the mailbox (32 KB in all). */
export interface RoamingStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  remove(key: string): void;
  /** Saves every key to the mailbox. Rejects with a clear Error (too large, offline, ...). */
  save(): Promise<void>;
}

export type LoadedSettings = {
  readonly settings: Settings;
  /** Problems with what was stored (then defaults were used for those fields); [] when clean. */
  readonly problems: readonly ValidationError[];
  /**
   * The tracking service whose deployment the service-owned fields (core's SERVICE_OWNED_FIELDS)
   * come from; absent in standalone mode and until a newly named service has answered once.
   */
  readonly managedBy?: string;
};

/** The add-in's settings over roaming settings. */
export interface SettingsPort {
  load(): LoadedSettings;
  /** Validates, then saves. Invalid settings are never saved: rejects with SettingsInvalidError. */
  save(settings: Settings): Promise<void>;
  /**
   * Remembers what the tracking service said its deployment is (docs/NUMBERING.md): from now on
   * load() gives its fields. Saved to the mailbox best effort; the copy in memory applies at once.
   */
  adoptDeployment(known: KnownDeployment): Promise<void>;
  /**
   * Calls `listener` after the settings changed: saved or adopted here, or saved by another open
   * pane of this mailbox. Returns the unsubscribe.
   */
  subscribe(listener: () => void): () => void;
}

/**
 * How the panes of one mailbox that are open at once tell each other what they saved (Outlook
 * gives each pane its own copy of roaming settings, read when it opens). Values by roaming key.
 */
export interface SettingsChannel {
  post(change: Readonly<Record<string, unknown>>): void;
  subscribe(listener: (change: Readonly<Record<string, unknown>>) => void): () => void;
}
