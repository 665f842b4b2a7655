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

  it("prunes synced activities stamped before a time, keeping queued offline ones", async () => {
    await log.put(makeActivity({ counter: 1, stampedAt: 100 }));
    await log.put(makeActivity({ counter: 2, stampedAt: 200 }));
    await log.put(makeActivity({ counter: 3, stampedAt: 300 }));
    await log.put(makeActivity({ designator: 1, counter: 4, stampedAt: 50 }));
    expect(await log.prune(250)).toBe(2);
    expect((await log.all()).map((a) => a.counter)).toEqual([3, 4]);
  });

  it("clears", async () => {
    await log.put(makeActivity());
    await log.clear();
    expect(await log.all()).toEqual([]);
  });
});

it("shares the log between connections on the same database", async () => {
  const factory = new IDBFactory();
  const first = await openActivityLog({ indexedDB: factory });
  const second = await openActivityLog({ indexedDB: factory });
  if (!first.available || !second.available) throw new Error("unavailable");
  await first.log.put(makeActivity({ draftKey: "shared" }));
  expect((await second.log.byDraft("shared"))?.token).toBe("CRM:00020001");
});
