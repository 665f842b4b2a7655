// idb checks results against the IDB classes as globals; the factory itself stays injected and fresh.
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { createMemoryActivityLog, openActivityLog } from "../../../src/storage";
import type { ActivityLog } from "../../../src/storage";
import { makeActivity } from "../../fakes";

async function indexedDbLog(): Promise<ActivityLog> {
  const opening = await openActivityLog({ indexedDB: new IDBFactory() });
  if (!opening.available) throw new Error(opening.reason);
  return opening.log;
}

describe.each([
  ["IndexedDB", indexedDbLog],
  ["in-memory", async () => createMemoryActivityLog()],
])("%s activity log", (_name, create) => {
  let log: ActivityLog;
  beforeEach(async () => {
    log = await create();
  });

  it("stores by token and finds a draft's activity", async () => {
    const a = makeActivity({ counter: 1, draftKey: "d1", stampedAt: 100 });
    await log.put(a);
    expect(await log.get(a.token)).toEqual(a);
    expect(await log.byDraft("d1")).toEqual(a);
    expect(await log.byDraft("other")).toBeUndefined();
  });

  it("lists newest first and the unsynced ones", async () => {
    await log.put(makeActivity({ counter: 1, stampedAt: 100 }));
    await log.put(makeActivity({ counter: 2, stampedAt: 300, designator: 1 }));
    await log.put(makeActivity({ counter: 3, stampedAt: 200 }));
    expect((await log.all()).map((a) => a.counter)).toEqual([2, 3, 1]);
    expect((await log.unsynced()).map((a) => a.token)).toEqual(["CRM:10020002"]);
  });

  it("marks synced", async () => {
    const offline = makeActivity({ designator: 1, counter: 5 });
    await log.put(offline);
    await log.markSynced(offline.token);
    expect(await log.unsynced()).toEqual([]);
    expect((await log.get(offline.token))?.synced).toBe(true);
    await log.markSynced("CRM:19999999"); // unknown: no-op
  });

  it("prunes old sent activities and old unsent drafts, keeping queued ones", async () => {
    await log.put(makeActivity({ counter: 1, stampedAt: 100, status: "sent", sentAt: 150 }));
    await log.put(makeActivity({ counter: 2, stampedAt: 100, status: "sent", sentAt: 260 }));
    await log.put(makeActivity({ counter: 3, stampedAt: 300, status: "sent", sentAt: 300 }));
    await log.put(makeActivity({ designator: 1, counter: 4, stampedAt: 50, status: "sent", sentAt: 50 }));
    await log.put(makeActivity({ counter: 5, stampedAt: 120, status: "issued" }));
    await log.put(makeActivity({ counter: 6, stampedAt: 180, status: "issued" }));
    expect(await log.prune({ sentBefore: 250, issuedBefore: 150 })).toBe(2);
    expect((await log.all()).map((a) => a.counter).sort()).toEqual([2, 3, 4, 6]);
  });

  it("counts the pending ones as they are queued and synced", async () => {
    expect(await log.pendingCount()).toBe(0);
    await log.put(makeActivity({ designator: 1, counter: 1 }));
    await log.put(makeActivity({ designator: 1, counter: 2 }));
    await log.put(makeActivity({ designator: 0, counter: 3, synced: true }));
    expect(await log.pendingCount()).toBe(2);
    await log.markSynced("CRM:10020001");
    expect(await log.pendingCount()).toBe(1);
    // A finalization the authority has not heard of queues a synced activity again.
    const online = await log.get("CRM:00020003");
    if (online === undefined) throw new Error("missing");
    await log.put({ ...online, status: "sent", synced: false });
    expect(await log.pendingCount()).toBe(2);
    expect((await log.unsynced()).map((a) => a.token).sort()).toEqual(["CRM:00020003", "CRM:10020002"]);
  });

  it("clears", async () => {
    await log.put(makeActivity());
    await log.clear();
    expect(await log.all()).toEqual([]);
  });
});

it("upgrades a version 1 database: its activities are kept, marked sent, and the queue is indexed", async () => {
  const factory = new IDBFactory();
  await new Promise<void>((resolve, reject) => {
    const request = factory.open("tracking-tokens", 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore("counters", { keyPath: "name" });
      const store = db.createObjectStore("activities", { keyPath: "token" });
      store.createIndex("draftKey", "draftKey");
      store.createIndex("stampedAt", "stampedAt");
      const { status: _none, ...v1online } = makeActivity({ counter: 1 });
      const { status: _none2, ...v1offline } = makeActivity({ designator: 1, counter: 2 });
      store.put(v1online);
      store.put(v1offline);
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
  const opening = await openActivityLog({ indexedDB: factory });
  if (!opening.available) throw new Error(opening.reason);
  const all = await opening.log.all();
  expect(all.map((a) => [a.token, a.status, a.synced])).toEqual([
    ["CRM:00020001", "sent", true],
    ["CRM:10020002", "sent", false],
  ]);
  expect(await opening.log.pendingCount()).toBe(1);
  expect(all.every((a) => !("pending" in a))).toBe(true);
});

it("shares the log between connections on the same database", async () => {
  const factory = new IDBFactory();
  const first = await openActivityLog({ indexedDB: factory });
  const second = await openActivityLog({ indexedDB: factory });
  if (!first.available || !second.available) throw new Error("unavailable");
  await first.log.put(makeActivity({ draftKey: "shared" }));
  expect((await second.log.byDraft("shared"))?.token).toBe("CRM:00020001");
});
