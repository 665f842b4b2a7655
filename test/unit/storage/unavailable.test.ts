/** Without IndexedDB or Web Locks (node has neither as globals), storage says so instead of pretending. */
import { IDBFactory } from "fake-indexeddb";
import { openActivityLog, openCounterStore } from "../../../src/storage";
import { FakeLockManager } from "../../fakes";

it("reports the counter store unavailable, with a reason, without IndexedDB", async () => {
  expect(await openCounterStore({ locks: new FakeLockManager() })).toEqual({ available: false, reason: expect.stringMatching(/IndexedDB/) });
});

it("reports the counter store unavailable, with a reason, without Web Locks", async () => {
  expect(await openCounterStore({ indexedDB: new IDBFactory() })).toEqual({ available: false, reason: expect.stringMatching(/navigator\.locks/) });
});

it("reports the activity log unavailable without IndexedDB", async () => {
  expect(await openActivityLog()).toEqual({ available: false, reason: expect.stringMatching(/IndexedDB/) });
});
