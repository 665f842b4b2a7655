/** Persistence ports: the activity log and the local counter. IndexedDB in the browser, in-memory in tests. */
import type { ActivityLike } from "../core/matching";

/**
 * One stamped draft: what a token answers (SPEC §5). Token, parts, subject, recipients, sender and
 * stampedAt ("time sent" until the service knows better) are core's ActivityLike, which matching reads.
 */
export type Activity = ActivityLike & {
  /** The draft it belongs to, so one draft never uses two numbers. */
  readonly draftKey: string;
  /** False while an offline activity waits to reach the authority. */
  readonly synced: boolean;
};

export interface ActivityLog {
  put(activity: Activity): Promise<void>;
  get(token: string): Promise<Activity | undefined>;
  /** The activity this draft already has, if any. */
  byDraft(draftKey: string): Promise<Activity | undefined>;
  /** Every activity, newest first. */
  all(): Promise<readonly Activity[]>;
  /** Activities not yet synced to the authority. */
  unsynced(): Promise<readonly Activity[]>;
  markSynced(token: string): Promise<void>;
  /** Drops activities stamped before `before` (ms since epoch). */
  prune(before: number): Promise<number>;
  clear(): Promise<void>;
}
