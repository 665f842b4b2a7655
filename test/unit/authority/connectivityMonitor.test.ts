import { createConnectivityMonitor } from "../../../src/authority";
import type { Connectivity, ConnectivityMonitorOptions } from "../../../src/authority";
import type { Activity } from "../../../src/storage";
import { createMemoryActivityLog, makeActivity } from "../../fakes";

type Ping = { resolve: () => void; reject: (e: Error) => void };

function setup(overrides: Partial<ConnectivityMonitorOptions> = {}, queued: Activity[] = [], browserOnline = true) {
  const events = new EventTarget();
  let online = browserOnline;
  const pings: Ping[] = [];
  let autoAnswer: "ok" | "fail" | "hang" = "ok";
  const synced: string[][] = [];
  const authority = {
    kind: "mailbox" as const,
    label: "mailbox",
    ping: jest.fn(
      () =>
        new Promise<void>((resolve, reject) => {
          if (autoAnswer === "ok") resolve();
          else if (autoAnswer === "fail") reject(new Error("Outlook could not save (error 9019)."));
          else pings.push({ resolve, reject });
        }),
    ),
    syncOffline: jest.fn(async (activities: readonly Activity[]) => {
      synced.push(activities.map((a) => a.token));
    }),
  };
  const activityLog = createMemoryActivityLog(queued);
  const monitor = createConnectivityMonitor({
    authority,
    activityLog,
    events,
    isOnline: () => online,
    localCounter: { available: true },
    ...overrides,
  });
  const states: Connectivity[] = [];
  monitor.subscribe((s) => states.push(s));
  return {
    monitor,
    authority,
    activityLog,
    states,
    synced,
    pings,
    setBrowserOnline(value: boolean) {
      online = value;
      events.dispatchEvent(new Event(value ? "online" : "offline"));
    },
    answer(mode: "ok" | "fail" | "hang") {
      autoAnswer = mode;
    },
  };
}

const offlineRecord = (counter: number) => makeActivity({ designator: 1, counter, synced: false });

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe("connectivity monitor", () => {
  it("starts checking, then goes online once the mailbox answers", async () => {
    const t = setup();
    expect(t.monitor.current()).toEqual({ status: "checking", pending: 0 });
    await t.monitor.idle();
    expect(t.monitor.current()).toEqual({ status: "online", authority: "mailbox", pending: 0 });
    t.monitor.dispose();
  });

  it("takes navigator.onLine === false as offline without asking the mailbox", async () => {
    const t = setup({ isOnline: () => false });
    await t.monitor.idle();
    expect(t.monitor.current()).toEqual({ status: "offline", reason: "The browser reports no network.", pending: 0, localCounter: { available: true } });
    expect(t.authority.ping).not.toHaveBeenCalled();
    t.monitor.dispose();
  });

  it("counts a mailbox that does not answer within 800 ms as offline", async () => {
    const t = setup();
    t.answer("hang");
    await jest.advanceTimersByTimeAsync(799);
    expect(t.monitor.current().status).toBe("checking");
    await jest.advanceTimersByTimeAsync(1);
    expect(t.monitor.current()).toMatchObject({ status: "offline", reason: "The mailbox did not answer within 0.8 s." });
    t.monitor.dispose();
  });

  it("caps the ping timeout at 1 s", async () => {
    const t = setup({ pingTimeoutMs: 5000 });
    t.answer("hang");
    await jest.advanceTimersByTimeAsync(1000);
    expect(t.monitor.current()).toMatchObject({ status: "offline", reason: "The mailbox did not answer within 1 s." });
    t.monitor.dispose();
  });

  it("re-checks with backoff while offline (2 s, 4 s, 8 s ... at most 60 s) and every 30 s while online", async () => {
    const t = setup();
    t.answer("fail");
    await jest.advanceTimersByTimeAsync(0);
    expect(t.monitor.current()).toMatchObject({ status: "offline", reason: expect.stringContaining("error 9019") });
    const pingTimes: number[] = [];
    t.authority.ping.mockImplementation(() => {
      pingTimes.push(Date.now());
      return Promise.reject(new Error("still down"));
    });
    const start = Date.now();
    await jest.advanceTimersByTimeAsync(2000 + 4000 + 8000 + 16000 + 32000 + 60000 + 60000);
    expect(pingTimes.map((p) => p - start)).toEqual([2000, 6000, 14000, 30000, 62000, 122000, 182000]);

    t.authority.ping.mockImplementation(() => {
      pingTimes.push(Date.now());
      return Promise.resolve();
    });
    await jest.advanceTimersByTimeAsync(60000);
    expect(t.monitor.current().status).toBe("online");
    const before = pingTimes.length;
    await jest.advanceTimersByTimeAsync(29_999);
    expect(pingTimes.length).toBe(before);
    await jest.advanceTimersByTimeAsync(1);
    expect(pingTimes.length).toBe(before + 1);
    expect(t.states.filter((s) => s.status === "checking")).toHaveLength(0); // scheduled checks do not flicker
    t.monitor.dispose();
  });

  it("goes offline at once when a stamp reports an online failure, without pinging, then re-checks with backoff", async () => {
    const t = setup();
    await t.monitor.idle();
    expect(t.monitor.current().status).toBe("online");
    const pingsBefore = t.authority.ping.mock.calls.length;
    t.monitor.reportOnlineFailure("The mailbox did not answer within 0.8 s.");
    expect(t.monitor.current()).toEqual({
      status: "offline",
      reason: "The mailbox did not answer within 0.8 s.",
      pending: 0,
      localCounter: { available: true },
    });
    expect(t.states.map((s) => s.status)).toEqual(["online", "offline"]); // no Checking… in between
    expect(t.authority.ping.mock.calls.length).toBe(pingsBefore);
    // The online re-check is replaced by the offline backoff: the first one 2 s later.
    await jest.advanceTimersByTimeAsync(1999);
    expect(t.authority.ping.mock.calls.length).toBe(pingsBefore);
    await jest.advanceTimersByTimeAsync(1);
    expect(t.authority.ping.mock.calls.length).toBe(pingsBefore + 1);
    await t.monitor.idle();
    expect(t.monitor.current().status).toBe("online");
    t.monitor.dispose();
  });

  it("ignores a ping in flight when a stamp reports an online failure meanwhile", async () => {
    const t = setup();
    await t.monitor.idle();
    t.answer("hang");
    t.monitor.recheck();
    expect(t.monitor.current().status).toBe("checking");
    t.monitor.reportOnlineFailure("Outlook could not save (error 9019).");
    t.pings.shift()?.resolve(); // answered, but before the failure was known
    await jest.advanceTimersByTimeAsync(0);
    expect(t.monitor.current()).toMatchObject({ status: "offline", reason: "Outlook could not save (error 9019)." });
    t.monitor.dispose();
  });

  it("keeps its own reason and backoff when a failure is reported while already offline", async () => {
    const t = setup({ isOnline: () => false });
    await t.monitor.idle();
    t.monitor.reportOnlineFailure("The mailbox did not answer within 0.8 s.");
    expect(t.monitor.current()).toMatchObject({ status: "offline", reason: "The browser reports no network." });
    t.monitor.dispose();
  });

  it("follows the browser's offline and online events, checking the mailbox on reconnect", async () => {
    const t = setup();
    await t.monitor.idle();
    t.setBrowserOnline(false);
    expect(t.monitor.current()).toMatchObject({ status: "offline", reason: "The browser reports no network." });
    t.setBrowserOnline(true);
    expect(t.monitor.current().status).toBe("checking");
    await t.monitor.idle();
    expect(t.monitor.current().status).toBe("online");
    expect(t.states.map((s) => s.status)).toEqual(["online", "offline", "checking", "online"]);
    t.monitor.dispose();
  });

  it("ignores a ping that answers after the browser went offline", async () => {
    const t = setup();
    t.answer("hang");
    await jest.advanceTimersByTimeAsync(0);
    t.setBrowserOnline(false);
    t.pings[0]!.resolve();
    await jest.advanceTimersByTimeAsync(0);
    expect(t.monitor.current().status).toBe("offline");
    t.monitor.dispose();
  });

  it("syncs queued offline activities exactly once on reconnect, then counts none pending", async () => {
    const t = setup({}, [offlineRecord(1), offlineRecord(2)], false);
    await t.monitor.idle();
    expect(t.monitor.current()).toMatchObject({ status: "offline", pending: 2 });
    // Several reconnect signals in a row must not sync twice.
    t.setBrowserOnline(true);
    t.setBrowserOnline(true);
    t.monitor.recheck();
    await t.monitor.idle();
    await jest.advanceTimersByTimeAsync(120_000);
    await t.monitor.idle();
    expect(t.synced).toHaveLength(1);
    expect([...t.synced[0]!].sort()).toEqual(["CRM:10020001", "CRM:10020002"]);
    expect(await t.activityLog.unsynced()).toEqual([]);
    expect(t.monitor.current()).toEqual({ status: "online", authority: "mailbox", pending: 0 });
  });

  it("keeps activities queued when the sync fails, and retries on the next check", async () => {
    const onSyncError = jest.fn();
    const t = setup({ onSyncError }, [offlineRecord(1)]);
    t.authority.syncOffline.mockRejectedValueOnce(new Error("save failed"));
    await t.monitor.idle();
    expect(onSyncError).toHaveBeenCalled();
    expect(t.monitor.current()).toMatchObject({ status: "online", pending: 1 });
    await jest.advanceTimersByTimeAsync(60_000);
    await t.monitor.idle();
    expect(t.monitor.current()).toMatchObject({ status: "online", pending: 0 });
    expect(t.authority.syncOffline).toHaveBeenCalledTimes(2);
    t.monitor.dispose();
  });

  it("counts pending activities on request (after a stamp)", async () => {
    const t = setup();
    await t.monitor.idle();
    t.answer("hang");
    t.setBrowserOnline(false);
    await t.activityLog.put(offlineRecord(7));
    await t.monitor.refreshPending();
    expect(t.monitor.current()).toMatchObject({ status: "offline", pending: 1 });
    t.monitor.dispose();
  });

  it("stops listening and re-checking when disposed", async () => {
    const t = setup();
    await t.monitor.idle();
    t.monitor.dispose();
    const calls = t.authority.ping.mock.calls.length;
    t.setBrowserOnline(false);
    await jest.advanceTimersByTimeAsync(300_000);
    expect(t.authority.ping.mock.calls.length).toBe(calls);
    expect(t.monitor.current().status).toBe("online");
  });
});
