/** An in-memory CounterStore: same contract, one process. For tests and fakes, never a fallback for real use. */
import { assertCommittable, checkedCounter, nextUnderLock } from "./counterStore";
import type { CounterStore } from "./counterStore";

export type MemoryCounterStore = CounterStore & {
  /** Raw stored values, as a test may want to corrupt or inspect them. */
  readonly values: Map<string, unknown>;
};

export function createMemoryCounterStore(initial: Record<string, unknown> = {}): MemoryCounterStore {
  const values = new Map<string, unknown>(Object.entries(initial));
  const tails = new Map<string, Promise<unknown>>();

  const stored = (name: string) => (values.has(name) ? { value: values.get(name) } : undefined);

  const store: MemoryCounterStore = {
    values,
    exclusive(name, task) {
      const previous = tails.get(name) ?? Promise.resolve();
      const run = previous.then(() =>
        task({
          read: async () => checkedCounter(name, stored(name)),
          commit: async (value) => {
            assertCommittable(name, value);
            values.set(name, value);
          },
        }),
      );
      tails.set(name, run.catch(() => undefined));
      return run;
    },
    exclusiveRecord(name, task) {
      const key = `record:${name}`;
      const previous = tails.get(key) ?? Promise.resolve();
      const run = previous.then(() =>
        task({
          read: async () => (values.has(name) ? structuredClone(values.get(name)) : null),
          commit: async (value) => {
            values.set(name, structuredClone(value));
          },
        }),
      );
      tails.set(key, run.catch(() => undefined));
      return run;
    },
    next: (name, compute) => nextUnderLock(store, name, compute),
    peek: async (name) => checkedCounter(name, stored(name)),
    close: () => undefined,
  };
  return store;
}
