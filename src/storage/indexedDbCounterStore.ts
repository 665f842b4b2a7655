/** CounterStore on IndexedDB (idb) under Web Locks: atomic across windows and tabs, durable before use. */
import { assertCommittable, checkedCounter, nextUnderLock } from "./counterStore";
import type { CounterStore, CounterStoreOpening, LockedCounter } from "./counterStore";
import { environmentIndexedDb, openTrackingDatabase, DEFAULT_DATABASE_NAME } from "./database";
import type { TrackingDatabase } from "./database";
import { CounterCorruptError, CounterStoreError } from "./errors";
import { environmentLocks } from "./locks";
import type { LockManagerLike } from "./locks";

export type CounterStoreEnvironment = {
  /** @default globalThis.indexedDB */
  readonly indexedDB?: IDBFactory;
  /** @default navigator.locks */
  readonly locks?: LockManagerLike;
  /** @default "tracking-tokens" */
  readonly databaseName?: string;
};

/**
 * Opens the local counter store. Without IndexedDB or Web Locks it reports unavailable with the
 * reason: a counter that is not atomic across windows, or not kept on disk, could repeat numbers.
 */
export async function openCounterStore(env: CounterStoreEnvironment = {}): Promise<CounterStoreOpening> {
  const factory = env.indexedDB ?? environmentIndexedDb();
  const locks = env.locks ?? environmentLocks();
  if (!factory) {
    return { available: false, reason: "This browser offers no IndexedDB here (private browsing, or storage is blocked), so it cannot keep the offline counter." };
  }
  if (!locks) {
    return { available: false, reason: "This browser lacks Web Locks (navigator.locks), so windows could not share the offline counter without repeating numbers." };
  }
  const databaseName = env.databaseName ?? DEFAULT_DATABASE_NAME;
  try {
    const db = await openTrackingDatabase(factory, databaseName);
    return { available: true, store: createIndexedDbCounterStore(db, locks, databaseName) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { available: false, reason: `The browser refused to open the add-in's local database (${detail}), so it cannot keep the offline counter.` };
  }
}

export function createIndexedDbCounterStore(db: TrackingDatabase, locks: LockManagerLike, databaseName: string): CounterStore {
  const read = async (name: string): Promise<number | null> => {
    let record;
    try {
      record = await db.get("counters", name);
    } catch (error) {
      throw storeError(`read the counter "${name}"`, error);
    }
    try {
      return checkedCounter(name, record);
    } catch (error) {
      if (error instanceof CounterCorruptError) throw error;
      throw storeError(`read the counter "${name}"`, error);
    }
  };

  const commit = async (name: string, value: number): Promise<void> => {
    assertCommittable(name, value);
    await put(name, value);
  };

  const put = async (name: string, value: unknown): Promise<void> => {
    try {
      // "strict": the browser flushes to disk before the transaction completes, so a crash right
      // after cannot bring back an older value.
      const tx = db.transaction("counters", "readwrite", { durability: "strict" });
      await Promise.all([tx.store.put({ name, value }), tx.done]);
    } catch (error) {
      throw storeError(`save "${name}"`, error);
    }
  };

  const store: CounterStore = {
    exclusive(name, task) {
      // One lock per counter and database: windows and tabs of the origin take turns.
      return locks.request(`${databaseName}/counter/${name}`, { mode: "exclusive" }, () => {
        const counter: LockedCounter = { read: () => read(name), commit: (value) => commit(name, value) };
        return task(counter);
      });
    },
    exclusiveRecord(name, task) {
      return locks.request(`${databaseName}/record/${name}`, { mode: "exclusive" }, () =>
        task({
          read: async () => {
            try {
              return (await db.get("counters", name))?.value ?? null;
            } catch (error) {
              throw storeError(`read the record "${name}"`, error);
            }
          },
          commit: (value) => put(name, value),
        }),
      );
    },
    next: (name, compute) => nextUnderLock(store, name, compute),
    peek: (name) => read(name),
    close: () => db.close(),
  };
  return store;
}

function storeError(action: string, cause: unknown): CounterStoreError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new CounterStoreError(`The local database could not ${action}: ${detail}`, { cause });
}
