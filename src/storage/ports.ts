/** Persistence ports: the activity log and the local counter. IndexedDB in the browser, in-memory in tests. */
import type { Designator } from "../core/types";

/** One stamped draft: what a token answers (SPEC §5). */
export type Activity = {
  /** The full token, e.g. "CRM:00021003"; the key. */
  readonly token: string;
  readonly designator: Designator;
  readonly user: number;
  readonly counter: number;
  /** The subject as stamped. */
  readonly subject: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  /** Who sent it: the mailbox's address. */
  readonly sender: string;
  /** When it was stamped (ms since epoch); "time sent" until the service knows better. */
  readonly stampedAt: number;
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
