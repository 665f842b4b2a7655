/**
 * The storage port of the tracking service. Two backends implement it (SQLite, PostgreSQL) and one
 * test suite runs against both. Stores hold data and make each operation atomic; the token rules
 * (counter wrap, active numbers, smart matching) stay in src/core and are passed in or applied by
 * the routes.
 */
import type { Designator, FreeCounter, Settings } from "../../core";

export type StorageKind = "sqlite" | "postgres";

/** A registered mailbox. `ordinal` is 1, 2, ... in order of first registration and never changes. */
export type StoredUser = {
  /** The identity key: the token's `oid` (else `sub`). */
  readonly key: string;
  readonly mailbox: string;
  readonly name: string | null;
  readonly ordinal: number;
};

/** Who is registering: the verified token's identity. */
export type UserIdentity = {
  readonly key: string;
  readonly mailbox: string;
  readonly name: string | null;
};

/** One sent mail, as recorded. Times are ms since the epoch. */
export type ActivityRecord = {
  /** The token as stamped, e.g. "CRM:00021003". */
  readonly token: string;
  /** The token with ASCII letters lower-cased: tokens compare without regard to ASCII case. */
  readonly tokenKey: string;
  readonly designator: Designator;
  /** The user number written in the token (deploymentBase + ordinal). */
  readonly user: number;
  readonly counter: number;
  readonly subject: string;
  /** The subject as smart matching compares it (core's matchableSubject), for the index. */
  readonly subjectKey: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly sentAt: number;
  readonly draftKey: string | null;
  readonly senderKey: string;
  /** The sender's mailbox, lower-cased, from the verified token. */
  readonly sender: string;
  readonly senderName: string | null;
};

export type RecordOutcome =
  | { readonly kind: "stored" }
  /** The same record was stored before (a retried sync): nothing changed. */
  | { readonly kind: "duplicate" }
  /** Another record holds the token within its active window: nothing changed. */
  | { readonly kind: "conflict"; readonly existing: ActivityRecord };

export interface TrackingStore {
  readonly kind: StorageKind;

  /**
   * The user with this key, registered with the next ordinal on first call; a changed mailbox or
   * name is updated, the ordinal never. undefined when the next ordinal would exceed maxOrdinal.
   */
  registerUser(identity: UserIdentity, maxOrdinal: number, now: number): Promise<StoredUser | undefined>;

  /**
   * Atomically allocates the next counter of `user` (SPEC §4: core's nextFreeCounter, numbers of
   * online activities sent since `activeSince` skipped). Durable before it resolves.
   */
  allocateCounter(user: number, settings: Settings, activeSince: number, now: number): Promise<FreeCounter>;

  /**
   * Stores the activity unless the same record is already stored (duplicate) or a different one
   * holds the token (conflict, see holdsToken). A record sent at least `activeWindowMs` after every
   * earlier holder is a new wrap cycle, and is stored beside it.
   */
  recordActivity(activity: ActivityRecord, activeWindowMs: number, now: number): Promise<RecordOutcome>;

  /** Activities with these token keys, most recent first. */
  activitiesByToken(tokenKeys: readonly string[]): Promise<ActivityRecord[]>;

  /** Up to `limit` activities with this subject key, at most `perSender` from one sender, most recent first (smart-match candidates). */
  activitiesBySubject(subjectKey: string, limit: number, perSender: number): Promise<ActivityRecord[]>;

  /** Resolves when the database answers a real query; rejects with StorageUnavailableError saying why. */
  probe(): Promise<void>;

  close(): Promise<void>;
}

/**
 * True when `held` still owns its token against a new record: a wrap cycle comes after the old
 * one's active window, never before it, so a record dated earlier than a holder is a conflict.
 */
export function holdsToken(held: ActivityRecord, activity: ActivityRecord, activeWindowMs: number): boolean {
  return activity.sentAt - held.sentAt < activeWindowMs;
}

/** True when two records describe the same sent mail: a retried sync, not a conflict. */
export function sameActivity(a: ActivityRecord, b: ActivityRecord): boolean {
  return (
    a.token === b.token &&
    a.designator === b.designator &&
    a.subject === b.subject &&
    a.sentAt === b.sentAt &&
    a.draftKey === b.draftKey &&
    a.senderKey === b.senderKey &&
    sameList(a.to, b.to) &&
    sameList(a.cc, b.cc)
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
