/** An in-memory ActivityLog with the same contract as the IndexedDB one. */
import { mayPrune } from "../core/activityLife";
import { newestFirst } from "./activityOrder";
import type { Activity, ActivityLog } from "./ports";

export function createMemoryActivityLog(initial: readonly Activity[] = []): ActivityLog {
  const byToken = new Map<string, Activity>(initial.map((a) => [a.token, a]));
  return {
    async put(activity) {
      byToken.set(activity.token, activity);
    },
    get: async (token) => byToken.get(token),
    byDraft: async (draftKey) => newestFirst([...byToken.values()].filter((a) => a.draftKey === draftKey))[0],
    all: async () => newestFirst([...byToken.values()]),
    unsynced: async () => newestFirst([...byToken.values()].filter((a) => !a.synced)),
    pendingCount: async () => [...byToken.values()].filter((a) => !a.synced).length,
    async markSynced(token) {
      const activity = byToken.get(token);
      if (activity && !activity.synced) byToken.set(token, { ...activity, synced: true });
    },
    async prune(cutoffs) {
      let removed = 0;
      for (const [token, activity] of byToken) {
        if (mayPrune(activity, cutoffs)) {
          byToken.delete(token);
          removed++;
        }
      }
      return removed;
    },
    async clear() {
      byToken.clear();
    },
  };
}
