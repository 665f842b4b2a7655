import { DEFAULT_SETTINGS, findTokens } from "../../../src/core";
import { createLocalAuthority, createStamper } from "../../../src/authority";
import type { OnlineAuthority } from "../../../src/authority";
import { OfficeError } from "../../../src/office";
import { FakeComposeItem, FakeConnectivityMonitor, createMemoryActivityLog, createMemoryCounterStore } from "../../fakes";
import { Device, ManualScheduler, settingsFor } from "./harness";

const settings = settingsFor();

async function flush(times = 20): Promise<void> {
  for (let i = 0; i < times; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe("stamper", () => {
  it("stamps online with designator 0 and records a synced activity", async () => {
    const window = await new Device().openWindow();
    const item = new FakeComposeItem({ subject: "Quote for May", to: ["c@example.com"] });
    const outcome = await window.stamper.stamp(item, settings);
    expect(outcome).toEqual({ status: "stamped", token: "CRM:00020001", designator: 0, subject: "Quote for May CRM:00020001", shortened: false, reused: false });
    expect(item.subject).toBe("Quote for May CRM:00020001");
    expect(await window.log.get("CRM:00020001")).toMatchObject({ draftKey: item.draftKey, synced: true, to: ["c@example.com"], sender: "me@example.com", stampedAt: window.clock });
    expect(window.roaming.mailbox.data["counter:online"]).toEqual({ "2": { cycle: 0, last: 1 } });
    expect(window.monitor.onlineFailures).toEqual([]);
  });

  it("with tracking tokens off, stamps nothing and uses no number; on again, the first number is still free", async () => {
    const window = await new Device().openWindow();
    const item = new FakeComposeItem({ subject: "Quote for May" });
    const off = await window.stamper.stamp(item, { ...settings, trackingEnabled: false });
    expect(off).toMatchObject({ status: "blocked", kind: "tracking-off", reason: expect.stringMatching(/turned off in Settings/) });
    expect(await item.getSubject()).toBe("Quote for May");
    expect(await window.stamper.stamp(item, settings)).toMatchObject({ status: "stamped", token: "CRM:00020001" });
  });

  it("stamps offline with designator 1 from the local counter, queued for sync", async () => {
    const window = await new Device().openWindow();
    window.monitor.goOffline();
    const outcome = await window.stamper.stamp(new FakeComposeItem({ subject: "Hi" }), settings);
    expect(outcome).toMatchObject({ status: "stamped", token: "CRM:10020001", designator: 1 });
    expect(await window.log.unsynced()).toHaveLength(1);
    expect(window.roaming.saveCalls).toBe(0);
  });

  it("uses one number for a draft stamped twice, also on a double click", async () => {
    const window = await new Device().openWindow();
    const item = new FakeComposeItem({ subject: "Hi" });
    const [a, b] = await Promise.all([window.stamper.stamp(item, settings), window.stamper.stamp(item, settings)]);
    const c = await window.stamper.stamp(item, settings);
    expect([a, b, c].map((o) => o.status === "stamped" && o.token)).toEqual(["CRM:00020001", "CRM:00020001", "CRM:00020001"]);
    expect([a, b, c].map((o) => o.status === "stamped" && o.reused)).toEqual([false, true, true]);
    expect(await window.counters.peek("online-hwm:2")).toBe(1);
    expect(await window.stamper.tokenForDraft(item.draftKey)).toBe("CRM:00020001");
  });

  it("puts a draft's token back after it was removed, without a new number", async () => {
    const window = await new Device().openWindow();
    const item = new FakeComposeItem({ subject: "Hi" });
    await window.stamper.stamp(item, settings);
    expect(await window.stamper.unstamp(item, settings)).toEqual({ status: "removed", subject: "Hi" });
    expect(await window.stamper.stamp(item, settings)).toMatchObject({ token: "CRM:00020001", reused: true, subject: "Hi CRM:00020001" });
  });

  it("burns the number when Outlook refuses the subject; Try again issues a new one", async () => {
    const window = await new Device().openWindow();
    const item = new FakeComposeItem({ subject: "Hi" }).failNextSetSubject();
    const failed = await window.stamper.stamp(item, settings);
    expect(failed).toEqual({ status: "failed", burnedToken: "CRM:00020001", reason: expect.stringMatching(/CRM:00020001 is used up.*Try again issues a new one/) });
    expect(await window.log.byDraft(item.draftKey)).toBeUndefined();
    expect(await window.stamper.stamp(item, settings)).toMatchObject({ status: "stamped", token: "CRM:00020002", reused: false });
  });

  it("in a reply, replaces our older token and keeps RE:", async () => {
    const window = await new Device().openWindow();
    const item = new FakeComposeItem({ subject: "RE: Quote CRM:00020999" });
    expect(await window.stamper.stamp(item, settings)).toMatchObject({ subject: "RE: Quote CRM:00020001" });
    expect(findTokens(item.subject, settings)).toHaveLength(1);
  });

  it("says when the subject was shortened", async () => {
    const window = await new Device().openWindow();
    const item = new FakeComposeItem({ subject: "word ".repeat(60).trim() });
    const outcome = await window.stamper.stamp(item, settings);
    expect(outcome).toMatchObject({ status: "stamped", shortened: true });
    expect(item.subject.length).toBeLessThanOrEqual(255);
    expect(item.subject.endsWith("… CRM:00020001")).toBe(true);
  });

  it("is blocked, issuing nothing, on a client that cannot set the subject", async () => {
    const window = await new Device().openWindow();
    expect(await window.stamper.stamp(new FakeComposeItem({ canSetSubject: false }), settings)).toMatchObject({ status: "blocked", kind: "cannot-set-subject" });
    expect(await window.counters.peek("online-hwm:2")).toBeNull();
  });

  it("is blocked until the user has a user number", async () => {
    const window = await new Device().openWindow();
    const outcome = await window.stamper.stamp(new FakeComposeItem(), DEFAULT_SETTINGS);
    expect(outcome).toEqual({ status: "blocked", kind: "no-user-number", reason: expect.stringMatching(/user number/) });
  });

  it("falls back to offline numbering when the mailbox does not save", async () => {
    const window = await new Device().openWindow();
    window.roaming.mode = "offline";
    const outcome = await window.stamper.stamp(new FakeComposeItem({ subject: "Hi" }), settings);
    expect(outcome).toMatchObject({ status: "stamped", token: "CRM:10020001", designator: 1, fallbackReason: expect.stringMatching(/did not save.*numbered offline/) });
    // The monitor hears of it at once (no second ping), with the same reason the pane shows.
    expect(window.monitor.onlineFailures).toEqual([expect.stringMatching(/did not save/)]);
    expect(window.monitor.rechecks).toBe(0);
    // The online number tried is burned: the next online token moves past it.
    window.roaming.mode = "ok";
    expect(await window.stamper.stamp(new FakeComposeItem(), settings)).toMatchObject({ token: "CRM:00020002" });
  });

  it("falls back to offline when the mailbox does not answer within the timeout (at most 1 s)", async () => {
    const scheduler = new ManualScheduler();
    const window = await new Device().openWindow({ scheduler, onlineTimeoutMs: 5000 });
    window.roaming.mode = "hang";
    const item = new FakeComposeItem({ subject: "Hi" });
    // The monitor hears of the timeout before the offline token is in the subject, so the badge turns with the stamp.
    const subjectWhenReported: string[] = [];
    jest.spyOn(window.monitor, "reportOnlineFailure").mockImplementation((reason) => subjectWhenReported.push(`${reason} | ${item.subject}`));
    let settled = false;
    const pending = window.stamper.stamp(item, settings).finally(() => (settled = true));
    await flush();
    // Configured for 5 s, but a click never waits more than 1 s for the mailbox.
    scheduler.advance(999);
    await flush();
    expect(settled).toBe(false);
    scheduler.advance(1);
    expect(await pending).toMatchObject({ status: "stamped", token: "CRM:10020001", fallbackReason: expect.stringMatching(/mailbox did not answer within 1 s/) });
    expect(subjectWhenReported).toEqual(["The mailbox did not answer within 1 s. | Hi"]);
    window.roaming.release();
  });

  it("falls back to offline when the mailbox's counter is unreadable, naming the problem", async () => {
    const device = new Device();
    device.mailbox.data = { "counter:online": { "2": "lots" } };
    const window = await device.openWindow();
    expect(await window.stamper.stamp(new FakeComposeItem(), settings)).toMatchObject({
      designator: 1,
      fallbackReason: expect.stringMatching(/counter:online \(user 2\)" in the mailbox's roaming settings holds "lots"/),
    });
  });

  it("stops with counter-corrupt offline when the mailbox's offline high-water mark is unreadable", async () => {
    const device = new Device();
    device.mailbox.data = { "counter:offline-hwm": [1, 2] };
    const window = await device.openWindow();
    window.monitor.goOffline();
    expect(await window.stamper.stamp(new FakeComposeItem(), settings)).toMatchObject({ status: "blocked", kind: "counter-corrupt" });
  });

  it("turns an unexpected failure into a failed outcome, not an exception", async () => {
    const window = await new Device().openWindow();
    jest.spyOn(window.log, "byDraft").mockRejectedValueOnce(new Error("database closed"));
    expect(await window.stamper.stamp(new FakeComposeItem(), settings)).toEqual({ status: "failed", reason: "Stamping did not work: database closed" });
  });

  it("tries online while the monitor is still checking", async () => {
    const window = await new Device().openWindow();
    window.monitor.set({ status: "checking", pending: 0 });
    expect(await window.stamper.stamp(new FakeComposeItem(), settings)).toMatchObject({ designator: 0 });
  });

  it("stops with counter-corrupt when the local counter is unreadable", async () => {
    const counters = createMemoryCounterStore({ "offline:2": "seven" });
    const log = createMemoryActivityLog();
    const monitor = new FakeConnectivityMonitor();
    monitor.goOffline();
    const local = createLocalAuthority({ counters, activityLog: log, now: () => 0, offlineHighWater: () => null });
    const stamper = createStamper({ online: unusedOnline(), local: { available: true, authority: local }, monitor, activityLog: log, userEmail: "", now: () => 0 });
    const outcome = await stamper.stamp(new FakeComposeItem(), settings);
    expect(outcome).toEqual({ status: "blocked", kind: "counter-corrupt", reason: expect.stringMatching(/"offline:2".*"seven".*stopped/) });
  });

  it("is blocked with the reason when offline and the device has no counter", async () => {
    const monitor = new FakeConnectivityMonitor();
    monitor.goOffline();
    const stamper = createStamper({ online: unusedOnline(), local: { available: false, reason: "No IndexedDB here." }, monitor, activityLog: createMemoryActivityLog(), userEmail: "", now: () => 0 });
    expect(await stamper.stamp(new FakeComposeItem(), settings)).toEqual({ status: "blocked", kind: "offline-unavailable", reason: expect.stringContaining("No IndexedDB here.") });
  });

  it("fails without using a number when the subject cannot be read", async () => {
    const window = await new Device().openWindow();
    const item = new FakeComposeItem();
    item.failGetSubject();
    expect(await window.stamper.stamp(item, settings)).toMatchObject({ status: "failed", reason: expect.stringMatching(/No number was used/) });
    expect(await window.counters.peek("online-hwm:2")).toBeNull();
  });

  it("unstamps our tokens and leaves foreign ones", async () => {
    const window = await new Device().openWindow();
    const item = new FakeComposeItem({ subject: "RE: Hi TKT:12345 CRM:00020007" });
    expect(await window.stamper.unstamp(item, settings)).toEqual({ status: "removed", subject: "RE: Hi TKT:12345" });
    const untouched = new FakeComposeItem({ subject: "Hi  there" });
    expect(await window.stamper.unstamp(untouched, settings)).toEqual({ status: "removed", subject: "Hi  there" });
    expect(untouched.subjectsSet).toEqual([]);
    const refusing = new FakeComposeItem({ subject: "Hi CRM:00020007" }).failNextSetSubject(new OfficeError("nope", 5001, "InternalError"));
    expect(await window.stamper.unstamp(refusing, settings)).toMatchObject({ status: "failed" });
  });
});

function unusedOnline(): Pick<OnlineAuthority, "issue" | "label"> {
  return { label: "mailbox", issue: () => Promise.reject(new Error("not expected")) };
}
