/**
 * Named counters that never repeat: each lives under its own exclusive Web Lock (shared by every
 * window and tab of the origin), and each value is committed to disk before anyone uses it.
 */
import { CounterCorruptError } from "./errors";

/** One counter, held under its lock for the length of a task. */
export type LockedCounter = {
  /** The stored value; null when nothing was stored yet. Rejects with CounterCorruptError on a bad value. */
  read(): Promise<number | null>;
  /** Stores `value` and resolves once it is on disk (durability "strict"). */
  commit(value: number): Promise<void>;
};

/** A structured record kept beside the counters (an offline reserve), held under its lock for a task. */
export type LockedRecord = {
  /** The stored value; null when nothing was stored yet. The caller checks its shape. */
  read(): Promise<unknown>;
  /** Stores `value` (structured-clonable) and resolves once it is on disk. */
  commit(value: unknown): Promise<void>;
};

export interface CounterStore {
  /**
   * Runs `task` holding the exclusive lock of counter `name`: no other window or tab reads or
   * commits that counter until the task settles. Other counters are not held up.
   */
  exclusive<T>(name: string, task: (counter: LockedCounter) => Promise<T>): Promise<T>;
  /** Like exclusive(), for a structured record in the same store (docs/NUMBERING.md: offline reserves). */
  exclusiveRecord<T>(name: string, task: (record: LockedRecord) => Promise<T>): Promise<T>;
  /** Reads `last`, commits compute(last) durably, then resolves with it: all under the lock. */
  next(name: string, compute: (last: number | null) => number | Promise<number>): Promise<number>;
  /** The stored value without taking the lock; null when none. Rejects with CounterCorruptError on a bad value. */
  peek(name: string): Promise<number | null>;
  close(): void;
}

/** What opening the store found: a store, or the reason this device cannot keep a counter. */
export type CounterStoreOpening =
  | { readonly available: true; readonly store: CounterStore }
  | { readonly available: false; readonly reason: string };

/** A stored counter value as found, checked: null only when nothing is stored under `name`. */
export function checkedCounter(name: string, stored: { readonly value: unknown } | undefined): number | null {
  if (stored === undefined) return null;
  const found = stored.value;
  if (typeof found === "number" && Number.isSafeInteger(found) && found >= 0) return found;
  throw new CounterCorruptError(name, found);
}

export function assertCommittable(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`Counter "${name}" cannot be set to ${String(value)}: it takes whole numbers of at least 0.`);
  }
}

/** next() in terms of exclusive(): shared by every CounterStore implementation. */
export function nextUnderLock(
  store: Pick<CounterStore, "exclusive">,
  name: string,
  compute: (last: number | null) => number | Promise<number>,
): Promise<number> {
  return store.exclusive(name, async (counter) => {
    const value = await compute(await counter.read());
    await counter.commit(value);
    return value;
  });
}
