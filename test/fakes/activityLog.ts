/**
 * The activity log for pane tests: src/storage's in-memory log, with switches a test needs to reach
 * a pane's states (all() held back, clear() refused) and a count of clears.
 */
import type { PruneCutoffs } from "../../src/core";
import { createMemoryActivityLog } from "../../src/storage/memoryActivityLog";
import type { Activity, ActivityLog } from "../../src/storage/ports";

export class FakeActivityLog implements ActivityLog {
  /** While set, all() waits for it: lets a test hold the pane in its loading state. */
  gate: Promise<void> | undefined;
  /** When set, clear() rejects with it and the log keeps its activities. */
  clearError: Error | null = null;
  clears = 0;
  private readonly log: ActivityLog;

  constructor(activities: readonly Activity[] = []) {
    this.log = createMemoryActivityLog(activities);
  }

  put = (activity: Activity) => this.log.put(activity);
  get = (token: string) => this.log.get(token);
  byDraft = (draftKey: string) => this.log.byDraft(draftKey);
  async all(): Promise<readonly Activity[]> {
    if (this.gate !== undefined) await this.gate;
    return this.log.all();
  }
  unsynced = () => this.log.unsynced();
  markSynced = (token: string) => this.log.markSynced(token);
  pendingCount = () => this.log.pendingCount();
  prune = (cutoffs: PruneCutoffs) => this.log.prune(cutoffs);
  async clear(): Promise<void> {
    if (this.clearError !== null) throw this.clearError;
    this.clears += 1;
    await this.log.clear();
  }
}
