/**
 * The storage port of the tracking service. Two backends implement it (SQLite, PostgreSQL) and one
 * test suite runs against both. Stores hold data and make each operation atomic; the token rules
 * (counter wrap, active numbers, smart matching) stay in src/core and are passed in or applied by
 * the routes.
 */
import type { ActivityStatus, CounterRange, Designator, FreeCounter, Settings } from "../../core";

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
  /** Issued: the stamp time. Sent: when the mail went (finalized). */
  readonly sentAt: number;
  readonly draftKey: string | null;
  readonly senderKey: string;
  /** The sender's mailbox, lower-cased, from the verified token. */
  readonly sender: string;
  readonly senderName: string | null;
  /** "issued" at stamp, "sent" once finalized (docs/DESIGN.md §5); rows from before version 2 are "sent". */
  readonly status: ActivityStatus;
  /** When an issued record became sent (read back from the store; not written by routes). */
  readonly finalizedAt?: number | null;
};

export type FinalizeOutcome =
  /** The issued activity is now the sent mail. */
  | { readonly kind: "finalized" }
  /** Nothing held the token (an offline activity, or its record never arrived): stored as sent. */
  | { readonly kind: "stored" }
  /** Already finalized with exactly this mail (a retried send): nothing changed. */
  | { readonly kind: "unchanged" }
  /** Another caller's activity holds the token: nothing changed. */
  | { readonly kind: "forbidden"; readonly existing: ActivityRecord }
  /** Already finalized with a different mail: a sent activity is never overwritten. */
  | { readonly kind: "conflict"; readonly existing: ActivityRecord };

/** A registration's answer: the user, and whether this call created it. */
export type Registration = StoredUser & { readonly created: boolean };

/** The two counters of a user number: designator 0 (online) and 1 (offline). */
export type CounterMarks = { readonly online?: number; readonly offline?: number };

/** Each counter's last issued number, null when none was issued yet. */
export type HighWater = { readonly online: number | null; readonly offline: number | null };

export type { CounterRange } from "../../core";

export type ReserveOutcome = { readonly ok: true; readonly ranges: readonly CounterRange[] } | { readonly ok: false; readonly reason: string };

export type RecordOutcome =
  | { readonly kind: "stored" }
  /** The same record was stored before (a retried sync): nothing changed. */
  | { readonly kind: "duplicate" }
  /** Another record holds the token within its active window: nothing changed. */
  | { readonly kind: "conflict"; readonly existing: ActivityRecord };

export interface TrackingStore {
  readonly kind: StorageKind;

  /**
   * The user with this key, registered on first call with `claimOrdinal` when given, at most
   * maxOrdinal and nobody holds it, else with the lowest free ordinal; a changed mailbox or name
   * is updated, the ordinal never. undefined when no ordinal up to maxOrdinal is free.
   */
  registerUser(identity: UserIdentity, maxOrdinal: number, now: number, claimOrdinal?: number): Promise<Registration | undefined>;

  /** Raises the user number's counters to at least these marks, in one transaction; never lowers them. */
  raiseCounters(user: number, marks: CounterMarks, now: number): Promise<void>;

  /**
   * A synced designator-1 activity's counter: raises the offline counter to it unless it lies in
   * one of the user's reserves made since `reservedSince` (then the counter handed it out already).
   */
  noteOfflineCounter(user: number, counter: number, reservedSince: number, now: number): Promise<void>;

  /** The last number each counter of `user` issued. */
  highWater(user: number): Promise<HighWater>;

  /**
   * Atomically hands `device` up to `size` numbers of the offline counter (designator 1), never
   * one held by an activity sent since `activeSince` or by a reserve made since then; recorded and
   * durable before it resolves. Not ok when no number is free.
   */
  allocateReserve(user: number, device: string, size: number, settings: Settings, activeSince: number, now: number): Promise<ReserveOutcome>;

  /** Remembers these prefixes (letter case ignored) and answers every prefix ever remembered, oldest first. */
  rememberPrefixes(prefixes: readonly string[], now: number): Promise<string[]>;

  /** Deletes every user, counter, reserve and activity (the playground's reset); prefixes stay. */
  deleteAllData(): Promise<void>;

  /**
   * Atomically allocates the next counter of `user` (docs/DESIGN.md §4: core's nextFreeCounter, numbers of
   * online activities sent since `activeSince` skipped). Durable before it resolves.
   */
  allocateCounter(user: number, settings: Settings, activeSince: number, now: number): Promise<FreeCounter>;

  /**
   * Stores the activity unless the same record is already stored (duplicate) or a different one
   * holds the token (conflict, see holdsToken). A record sent at least `activeWindowMs` after every
   * earlier holder is a new wrap cycle, and is stored beside it.
   */
  recordActivity(activity: ActivityRecord, activeWindowMs: number, now: number): Promise<RecordOutcome>;

  /**
   * Marks the caller's activity under `sent.tokenKey` (within `activeWindowMs` of `sent.sentAt`) as
   * sent with the final subject, recipients and time; stores it as sent when none holds the token.
   * Atomic, and idempotent: the same finalization again is "unchanged".
   */
  finalizeActivity(sent: ActivityRecord, activeWindowMs: number, now: number): Promise<FinalizeOutcome>;

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

/**
 * What recording `incoming` does given the token's `holders` (most recent first), for both stores.
 * An issued record arriving after its activity was finalized by the same caller is a retried sync
 * of the stamp: a duplicate, not a conflict.
 */
export function recordDecision(incoming: ActivityRecord, holders: readonly ActivityRecord[], activeWindowMs: number): RecordOutcome | { readonly kind: "insert" } {
  if (holders.some((held) => sameActivity(held, incoming))) return { kind: "duplicate" };
  const active = holders.find((held) => holdsToken(held, incoming, activeWindowMs));
  if (active === undefined) return { kind: "insert" };
  const finalizedFromIssued = active.status === "sent" && typeof active.finalizedAt === "number";
  if (incoming.status === "issued" && finalizedFromIssued && active.senderKey === incoming.senderKey && active.draftKey === incoming.draftKey) return { kind: "duplicate" };
  return { kind: "conflict", existing: active };
}

/** What finalizing `sent` does given the token's `holders`, for both stores; "update" names the issued row. */
export function finalizeDecision(
  sent: ActivityRecord,
  holders: readonly ActivityRecord[],
  activeWindowMs: number,
): FinalizeOutcome | { readonly kind: "update"; readonly issued: ActivityRecord } | { readonly kind: "insert" } {
  const active = holders.find((held) => holdsToken(held, sent, activeWindowMs));
  if (active === undefined) return { kind: "insert" };
  if (active.senderKey !== sent.senderKey) return { kind: "forbidden", existing: active };
  if (active.status === "issued") return { kind: "update", issued: active };
  return sameActivity(active, sent) || sameMail(active, sent) ? { kind: "unchanged" } : { kind: "conflict", existing: active };
}

function sameMail(a: ActivityRecord, b: ActivityRecord): boolean {
  return a.subject === b.subject && a.sentAt === b.sentAt && sameList(a.to, b.to) && sameList(a.cc, b.cc);
}

/** True when two records describe the same sent mail: a retried sync, not a conflict. */
export function sameActivity(a: ActivityRecord, b: ActivityRecord): boolean {
  return (
    a.token === b.token &&
    a.status === b.status &&
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
