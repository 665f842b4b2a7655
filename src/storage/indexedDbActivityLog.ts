/** ActivityLog on IndexedDB: keyed by token, indexed by draft and by stamping time. */
import { environmentIndexedDb, openTrackingDatabase, DEFAULT_DATABASE_NAME } from "./database";
import type { StoredActivity, TrackingDatabase } from "./database";
import { mayPrune } from "../core/activityLife";
import { newestFirst } from "./activityOrder";
import type { Activity, ActivityLog } from "./ports";

export type ActivityLogOpening =
  | { readonly available: true; readonly log: ActivityLog }
  | { readonly available: false; readonly reason: string };

export type ActivityLogEnvironment = {
  /** @default globalThis.indexedDB */
  readonly indexedDB?: IDBFactory;
  /** @default "tracking-tokens" */
  readonly databaseName?: string;
};

export async function openActivityLog(env: ActivityLogEnvironment = {}): Promise<ActivityLogOpening> {
  const factory = env.indexedDB ?? environmentIndexedDb();
  if (!factory) return { available: false, reason: "This browser offers no IndexedDB here, so sent activities are remembered only while the pane is open." };
  try {
    return { available: true, log: createIndexedDbActivityLog(await openTrackingDatabase(factory, env.databaseName ?? DEFAULT_DATABASE_NAME)) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { available: false, reason: `The browser refused to open the add-in's local database (${detail}), so sent activities are remembered only while the pane is open.` };
  }
}

export function createIndexedDbActivityLog(db: TrackingDatabase): ActivityLog {
  return {
    async put(activity) {
      const tx = db.transaction("activities", "readwrite");
      await Promise.all([tx.store.put(stored(activity)), tx.done]);
    },
    get: async (token) => loaded(await db.get("activities", token)),
    async byDraft(draftKey) {
      const found = await db.getAllFromIndex("activities", "draftKey", draftKey);
      return newestFirst(found.map((record) => loaded(record)))[0];
    },
    async all() {
      return newestFirst((await db.getAll("activities")).map((record) => loaded(record)));
    },
    async unsynced() {
      return newestFirst((await db.getAllFromIndex("activities", "pending")).map((record) => loaded(record)));
    },
    pendingCount: () => db.countFromIndex("activities", "pending"),
    async markSynced(token) {
      // Read and write in one transaction, so a concurrent put of the same token is not undone.
      const tx = db.transaction("activities", "readwrite");
      const activity = await tx.store.get(token);
      if (activity && !activity.synced) await tx.store.put(stored({ ...loaded(activity), synced: true }));
      await tx.done;
    },
    async prune(cutoffs) {
      const tx = db.transaction("activities", "readwrite");
      let removed = 0;
      // Oldest stamp first, up to the later of the two cutoffs (a sent activity was stamped before it
      // was sent); no IDBKeyRange, which is a global of the real factory only.
      const until = Math.max(cutoffs.sentBefore, cutoffs.issuedBefore);
      for (let cursor = await tx.store.index("stampedAt").openCursor(); cursor && cursor.value.stampedAt < until; cursor = await cursor.continue()) {
        // An activity that has not reached the authority yet is kept (mayPrune): dropping it would lose the sync.
        if (!mayPrune(cursor.value, cutoffs)) continue;
        await cursor.delete();
        removed++;
      }
      await tx.done;
      return removed;
    },
    async clear() {
      await db.clear("activities");
    },
  };
}

/** The record as stored: the `pending` index key while unsynced. */
function stored(activity: Activity): StoredActivity {
  const { pending: _key, ...rest } = activity as StoredActivity;
  return rest.synced ? rest : { ...rest, pending: 1 };
}

function loaded(record: StoredActivity): Activity;
function loaded(record: StoredActivity | undefined): Activity | undefined;
function loaded(record: StoredActivity | undefined): Activity | undefined {
  if (record === undefined) return undefined;
  const { pending: _key, ...activity } = record;
  return activity;
}
