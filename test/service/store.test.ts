/** The storage port, on every backend: ordinals, atomic counters with the active-aware wrap, idempotent records. */
import { asciiLowerCase, formatToken, matchableSubject } from "../../src/core";
import type { ActivityRecord, TrackingStore } from "../../src/server/store/types";
import { describeBackends } from "./support/backends";
import type { OpenedBackend } from "./support/backends";
import { settingsWith } from "./support/testApp";

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse("2026-11-28T09:00:00Z");

function activity(overrides: Partial<ActivityRecord> & { user: number; counter: number }): ActivityRecord {
  const settings = settingsWith({});
  const designator = overrides.designator ?? 0;
  const token = formatToken({ designator, user: overrides.user, counter: overrides.counter }, settings);
  const subject = overrides.subject ?? `Quote ${token}`;
  return {
    token,
    tokenKey: asciiLowerCase(token),
    designator,
    subject,
    subjectKey: matchableSubject(subject, settings),
    to: ["bob@fabrikam.com"],
    cc: [],
    sentAt: NOW,
    draftKey: null,
    senderKey: "anna-key",
    sender: "anna@contoso.com",
    senderName: "Anna",
    ...overrides,
  };
}

describeBackends("tracking store", (backend) => {
  let opened: OpenedBackend;
  let store: TrackingStore;
  beforeEach(async () => {
    opened = await backend.setup();
    store = await opened.open();
  });
  afterEach(async () => {
    await opened.cleanup();
  });

  test("ordinals are given in order of first registration and never change", async () => {
    const anna = await store.registerUser({ key: "a", mailbox: "anna@contoso.com", name: "Anna" }, 999, NOW);
    const bob = await store.registerUser({ key: "b", mailbox: "bob@contoso.com", name: null }, 999, NOW);
    const annaAgain = await store.registerUser({ key: "a", mailbox: "anna.new@contoso.com", name: "Anna N" }, 999, NOW);
    expect([anna?.ordinal, bob?.ordinal, annaAgain?.ordinal]).toEqual([1, 2, 1]);
    expect(annaAgain?.mailbox).toBe("anna.new@contoso.com");
  });

  test("registration stops when no ordinal fits", async () => {
    await store.registerUser({ key: "a", mailbox: "a@x.com", name: null }, 1, NOW);
    await expect(store.registerUser({ key: "b", mailbox: "b@x.com", name: null }, 1, NOW)).resolves.toBeUndefined();
    await expect(store.registerUser({ key: "a", mailbox: "a@x.com", name: null }, 1, NOW)).resolves.toMatchObject({ ordinal: 1 });
  });

  test("the same identity registering concurrently gets one ordinal", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.registerUser({ key: `k${i % 4}`, mailbox: `u${i % 4}@x.com`, name: null }, 999, NOW)));
    const byKey = new Map<string, Set<number>>();
    results.forEach((user, i) => byKey.set(`k${i % 4}`, (byKey.get(`k${i % 4}`) ?? new Set()).add(user?.ordinal ?? -1)));
    expect([...byKey.values()].map((s) => s.size)).toEqual([1, 1, 1, 1]);
    expect(new Set(results.map((u) => u?.ordinal)).size).toBe(4);
  });

  test("counters start at 1 and go up per user", async () => {
    const settings = settingsWith({});
    const a = [await store.allocateCounter(1, settings, NOW - 30 * DAY, NOW), await store.allocateCounter(1, settings, NOW - 30 * DAY, NOW)];
    const b = await store.allocateCounter(2, settings, NOW - 30 * DAY, NOW);
    expect(a).toEqual([
      { ok: true, counter: 1, wrapped: false },
      { ok: true, counter: 2, wrapped: false },
    ]);
    expect(b).toEqual({ ok: true, counter: 1, wrapped: false });
  });

  test("on wrap, numbers of active online activities are skipped; old and offline ones are not", async () => {
    const settings = settingsWith({ counterDigits: 1, activeDays: 30 });
    const issued: number[] = [];
    for (let i = 0; i < 9; i++) {
      const next = await store.allocateCounter(7, settings, NOW - 30 * DAY, NOW);
      if (next.ok) issued.push(next.counter);
    }
    expect(issued).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // 0 and 1 are held by active online activities, 2 by an old one, 3 only by an offline token.
    await store.recordActivity(activity({ user: 7, counter: 0 }), 30 * DAY, NOW);
    await store.recordActivity(activity({ user: 7, counter: 1 }), 30 * DAY, NOW);
    await store.recordActivity(activity({ user: 7, counter: 2, sentAt: NOW - 31 * DAY }), 30 * DAY, NOW);
    await store.recordActivity(activity({ user: 7, counter: 3, designator: 1 }), 30 * DAY, NOW);
    const wrapped = await store.allocateCounter(7, settings, NOW - 30 * DAY, NOW);
    expect(wrapped).toEqual({ ok: true, counter: 2, wrapped: true });
    await expect(store.allocateCounter(7, settings, NOW - 30 * DAY, NOW)).resolves.toEqual({ ok: true, counter: 3, wrapped: false });
  });

  test("when every number is active, allocation says so and advises more digits", async () => {
    const settings = settingsWith({ counterDigits: 1 });
    for (let counter = 0; counter <= 9; counter++) await store.recordActivity(activity({ user: 3, counter }), 30 * DAY, NOW);
    const result = await store.allocateCounter(3, settings, NOW - 30 * DAY, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/counter digits/i);
  });

  test("a record is stored once; a different record for the token conflicts and is not overwritten", async () => {
    const first = activity({ user: 2, counter: 5 });
    await expect(store.recordActivity(first, 30 * DAY, NOW)).resolves.toEqual({ kind: "stored" });
    await expect(store.recordActivity({ ...first }, 30 * DAY, NOW)).resolves.toEqual({ kind: "duplicate" });
    const other = { ...first, subject: "Something else" };
    await expect(store.recordActivity(other, 30 * DAY, NOW)).resolves.toMatchObject({ kind: "conflict", existing: { subject: first.subject } });
    const held = await store.activitiesByToken([first.tokenKey]);
    expect(held).toHaveLength(1);
    expect(held[0]).toEqual(first);
  });

  test("after a wrap cycle, the token's new activity is stored beside the old one and resolves first", async () => {
    const old = activity({ user: 2, counter: 5, sentAt: NOW - 40 * DAY, subject: "Old" });
    const renewed = activity({ user: 2, counter: 5, subject: "New" });
    await store.recordActivity(old, 30 * DAY, NOW);
    await expect(store.recordActivity(renewed, 30 * DAY, NOW)).resolves.toEqual({ kind: "stored" });
    expect((await store.activitiesByToken([old.tokenKey])).map((a) => a.subject)).toEqual(["New", "Old"]);
  });

  test("concurrent records of one token store it once", async () => {
    const record = activity({ user: 4, counter: 9 });
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => store.recordActivity(record, 30 * DAY, NOW)));
    expect(outcomes.filter((o) => o.kind === "stored")).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === "duplicate")).toHaveLength(9);
  });

  test("smart-match candidates come by subject key, most recent first", async () => {
    await store.recordActivity(activity({ user: 2, counter: 1, subject: "Quote", sentAt: NOW - 2000 }), 30 * DAY, NOW);
    await store.recordActivity(activity({ user: 2, counter: 2, subject: "quote", sentAt: NOW - 1000 }), 30 * DAY, NOW);
    await store.recordActivity(activity({ user: 2, counter: 3, subject: "Other" }), 30 * DAY, NOW);
    const found = await store.activitiesBySubject("quote", 10, 10);
    expect(found.map((a) => a.counter)).toEqual([2, 1]);
  });

  test("data survives closing and reopening the store", async () => {
    const settings = settingsWith({});
    await store.registerUser({ key: "a", mailbox: "a@x.com", name: null }, 999, NOW);
    await store.allocateCounter(1, settings, 0, NOW);
    await store.close();
    store = await opened.open();
    await expect(store.registerUser({ key: "a", mailbox: "a@x.com", name: null }, 999, NOW)).resolves.toMatchObject({ ordinal: 1 });
    await expect(store.allocateCounter(1, settings, 0, NOW)).resolves.toMatchObject({ counter: 2 });
  });
});
