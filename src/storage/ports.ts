/** Persistence ports: the activity log and the local counter. IndexedDB in the browser, in-memory in tests. */
import type { PruneCutoffs } from "../core/activityLife";
import type { ActivityLike } from "../core/matching";

/**
 * One stamped draft and, once sent, the mail (docs/DESIGN.md §5). Token, parts, subject, recipients, sender,
 * stampedAt, status ("issued" until the send handler finalizes it as "sent") and sentAt are core's
 * ActivityLike, which matching reads.
 */
export type Activity = ActivityLike & {
  /** The draft it belongs to, so one draft never uses two numbers. */
  readonly draftKey: string;
  /** False while an offline activity waits to reach the authority. */
  readonly synced: boolean;
  /**
   * Why the authority refused this activity's token for good: another activity holds it (a 409).
   * A draft with such an activity can be stamped again with a new number (Stamper.restamp).
   */
  readonly conflict?: string;
};

export interface ActivityLog {
  put(activity: Activity): Promise<void>;
  get(token: string): Promise<Activity | undefined>;
  /** The activity this draft already has, if any. */
  byDraft(draftKey: string): Promise<Activity | undefined>;
  /** Every activity, newest first. */
  all(): Promise<readonly Activity[]>;
  /** Activities not yet synced to the authority (new ones, or a finalization the authority has not heard of). */
  unsynced(): Promise<readonly Activity[]>;
  /** How many are unsynced, without reading the rest of the log. */
  pendingCount(): Promise<number>;
  markSynced(token: string): Promise<void>;
  /** Drops what core's mayPrune allows (never an unsynced one). Returns how many were dropped. */
  prune(cutoffs: PruneCutoffs): Promise<number>;
  clear(): Promise<void>;
}
