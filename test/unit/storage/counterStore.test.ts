// idb checks results against the IDB classes as globals; the factory itself stays injected and fresh.
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { CounterCorruptError, createMemoryCounterStore, openCounterStore } from "../../../src/storage";
import type { CounterStore } from "../../../src/storage";
import { openTrackingDatabase } from "../../../src/storage/database";
import { FakeLockManager } from "../../fakes";

async function open(factory: IDBFactory, locks: FakeLockManager): Promise<CounterStore> {
  const opening = await openCounterStore({ indexedDB: factory, locks });
  if (!opening.available) throw new Error(opening.reason);
  return opening.store;
}

const increment = (last: number | null): number => (last ?? 0) + 1;

describe("IndexedDB counter store", () => {
  it("gives distinct numbers to many concurrent allocations over separate connections", async () => {
    const factory = new IDBFactory();
    const locks = new FakeLockManager();
    // Four "windows", each with its own database connection, sharing the origin's lock manager.
    const windows = await Promise.all([1, 2, 3, 4].map(() => open(factory, locks)));
    const issued = await Promise.all(Array.from({ length: 60 }, (_, i) => windows[i % windows.length]!.next("offline:2", increment)));
    expect(new Set(issued).size).toBe(60);
    expect([...issued].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(locks.maxConcurrentPerName).toBe(1);
  });

  it("has each number on disk before next() resolves: another connection reads it right after", async () => {
    const factory = new IDBFactory();
    const locks = new FakeLockManager();
    const writer = await open(factory, locks);
    const reader = await open(factory, locks);
    for (let i = 1; i <= 5; i++) {
      const value = await writer.next("offline:7", increment);
      expect(await reader.peek("offline:7")).toBe(value);
    }
  });

  it("keeps separate named counters apart", async () => {
    const store = await open(new IDBFactory(), new FakeLockManager());
    await store.next("offline:1", () => 10);
    await store.next("online-hwm:1", () => 3);
    expect(await store.peek("offline:1")).toBe(10);
    expect(await store.peek("online-hwm:1")).toBe(3);
    expect(await store.peek("offline:9")).toBeNull();
  });

  it("survives a reopen (a reload or crash)", async () => {
    const factory = new IDBFactory();
    const locks = new FakeLockManager();
    const first = await open(factory, locks);
    await first.next("offline:2", () => 41);
    first.close();
    const second = await open(factory, locks);
    expect(await second.next("offline:2", increment)).toBe(42);
  });

  it.each([["a text", "12"], ["a negative number", -3], ["a fraction", 1.5], ["nothing", undefined], ["an object", { n: 1 }]])(
    "stops with CounterCorruptError when the stored value is %s, never restarting at 1",
    async (_label, bad) => {
      const factory = new IDBFactory();
      const db = await openTrackingDatabase(factory);
      await db.put("counters", { name: "offline:2", value: bad });
      db.close();
      const store = await open(factory, new FakeLockManager());
      const compute = jest.fn(increment);
      const attempt = store.next("offline:2", compute);
      await expect(attempt).rejects.toBeInstanceOf(CounterCorruptError);
      await expect(attempt).rejects.toThrow(/offline:2.*not a whole number.*stopped/s);
      expect(compute).not.toHaveBeenCalled();
      await expect(store.peek("offline:2")).rejects.toBeInstanceOf(CounterCorruptError);
    },
  );

  it("refuses to commit a value that is not a whole number of at least 0", async () => {
    const store = await open(new IDBFactory(), new FakeLockManager());
    await expect(store.next("offline:1", () => -1)).rejects.toThrow(RangeError);
    expect(await store.peek("offline:1")).toBeNull();
  });

  it("releases the lock when the computation throws", async () => {
    const store = await open(new IDBFactory(), new FakeLockManager());
    await expect(
      store.next("offline:1", () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await store.next("offline:1", increment)).toBe(1);
  });

  it("reports unavailable when the browser refuses to open the database", async () => {
    const refusing = { open: () => { throw new Error("SecurityError: storage blocked"); } } as unknown as IDBFactory;
    const opening = await openCounterStore({ indexedDB: refusing, locks: new FakeLockManager() });
    expect(opening).toEqual({ available: false, reason: expect.stringContaining("storage blocked") });
  });
});

describe("in-memory counter store", () => {
  it("serializes concurrent allocations and rejects corrupt values", async () => {
    const store = createMemoryCounterStore({ "offline:3": "x" });
    const issued = await Promise.all(Array.from({ length: 30 }, () => store.next("offline:1", increment)));
    expect(new Set(issued).size).toBe(30);
    await expect(store.next("offline:3", increment)).rejects.toBeInstanceOf(CounterCorruptError);
  });
});
