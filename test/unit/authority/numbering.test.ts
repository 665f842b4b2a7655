/** docs/DESIGN.md §4: the same token is never issued twice within one wrap cycle, whatever happens. */
import fc from "fast-check";
import { formatToken, parseToken, tokenUserNumber } from "../../../src/core";
import type { StampOutcome } from "../../../src/authority";
import { FakeComposeItem, FakeMailboxSettings, makeActivity } from "../../fakes";
import { FALLBACK_CAUTION } from "../../../src/authority/localAuthority";
import { Device, settingsFor, takeReserve } from "./harness";
import type { Window } from "./harness";

const settings = settingsFor();

/** Every token a stamp used up: stamped ones and burned ones. */
function issuedToken(outcome: StampOutcome): string | undefined {
  if (outcome.status === "stamped") return outcome.reused ? undefined : outcome.token;
  if (outcome.status === "failed") return outcome.burnedToken;
  return undefined;
}

async function stampNew(window: Window, subject = "Hi"): Promise<StampOutcome> {
  return window.stamper.stamp(new FakeComposeItem({ subject }), settings);
}

describe("no number repeats", () => {
  it("across many concurrent stamps in several windows of one device, online and offline", async () => {
    const device = new Device();
    const windows = await Promise.all([1, 2, 3].map(() => device.openWindow()));
    windows[1]!.monitor.goOffline();
    const outcomes = await Promise.all(Array.from({ length: 45 }, (_, i) => stampNew(windows[i % 3]!)));
    const tokens = outcomes.map(issuedToken);
    expect(tokens.every((t) => t !== undefined)).toBe(true);
    expect(new Set(tokens).size).toBe(45);
  });

  it("when another window's roaming copy is stale (read before this one saved)", async () => {
    const device = new Device();
    const a = await device.openWindow();
    const b = await device.openWindow(); // reads roaming now: nothing yet
    const first = await stampNew(a);
    const second = await stampNew(b); // b's roaming copy still says nothing was issued
    expect([issuedToken(first), issuedToken(second)]).toEqual(["CRM:00020001", "CRM:00020002"]);
    // b's save wrote its whole copy; a (stale again) still moves on.
    expect(issuedToken(await stampNew(a))).toBe("CRM:00020003");
  });

  it("a window that opened before the stamps never puts the mailbox's counters back, so the next device goes on above them", async () => {
    const laptop = new Device();
    const idle = await laptop.openWindow(); // its copy holds no counter: it opened first
    const a = await laptop.openWindow();
    for (let i = 0; i < 3; i++) await stampNew(a); // CRM:0002000{1,2,3}
    a.monitor.goOffline();
    await stampNew(a); // CRM:10020001, from the device's counter
    await idle.online.ping(); // Outlook saves the idle window's whole copy
    const phone = new Device(laptop.mailbox);
    const w = await phone.openWindow();
    expect(issuedToken(await stampNew(w))).toBe("CRM:00020004");
    expect(laptop.mailbox.data["counter:offline-hwm"]).toEqual({ "2": { cycle: 0, last: 1 } });
  });

  it("when the mailbox's roaming copy goes back to an older value", async () => {
    const device = new Device();
    const a = await device.openWindow();
    for (let i = 0; i < 5; i++) await stampNew(a);
    device.mailbox.data = { "counter:online": { "2": { cycle: 0, last: 2 } } };
    const reopened = await device.openWindow();
    expect(issuedToken(await stampNew(reopened))).toBe("CRM:00020006");
  });

  it("after local storage is lost, offline numbers continue above the high-water mark synced to the mailbox", async () => {
    const device = new Device();
    const a = await device.openWindow();
    a.monitor.goOffline();
    for (let i = 0; i < 3; i++) await stampNew(a); // CRM:1002000{1,2,3}
    a.monitor.goOnline();
    await a.online.syncOffline(await a.log.unsynced());
    device.wipeLocalStorage();
    const fresh = await device.openWindow();
    fresh.monitor.goOffline();
    expect(issuedToken(await stampNew(fresh))).toBe("CRM:10020004");
  });

  it("the offline high-water mark also rides along with every online stamp", async () => {
    const device = new Device();
    const a = await device.openWindow();
    a.monitor.goOffline();
    await stampNew(a);
    await stampNew(a);
    a.monitor.goOnline();
    await stampNew(a);
    expect(device.mailbox.data["counter:offline-hwm"]).toEqual({ "2": { cycle: 0, last: 2 } });
  });

  it("property: interleaved online/offline stamps, failing saves, refused subjects, stale and reopened windows", async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant("stamp" as const), window: fc.nat(2), online: fc.boolean(), save: fc.constantFrom("ok", "ok", "offline", "fail"), refuse: fc.boolean(), together: fc.nat(2) }),
      fc.record({ kind: fc.constant("reopen" as const), window: fc.nat(2) }),
      fc.record({ kind: fc.constant("rollback" as const), back: fc.nat(3) }),
      fc.record({ kind: fc.constant("sync" as const), window: fc.nat(2) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const device = new Device(new FakeMailboxSettings());
        const windows = await Promise.all([0, 1, 2].map(() => device.openWindow()));
        const history: Record<string, unknown>[] = [];
        const issued: string[] = [];
        const stamped: Extract<StampOutcome, { status: "stamped" }>[] = [];
        for (const o of ops) {
          if (o.kind === "stamp") {
            const w = windows[o.window]!;
            if (o.online) w.monitor.goOnline();
            else w.monitor.goOffline();
            w.roaming.mode = o.save as "ok" | "offline" | "fail";
            const items = Array.from({ length: o.together + 1 }, () => {
              const item = new FakeComposeItem({ subject: "Hi" });
              return o.refuse ? item.failNextSetSubject() : item;
            });
            const outcomes = await Promise.all(items.map((item) => w.stamper.stamp(item, settings)));
            for (const outcome of outcomes) {
              const token = issuedToken(outcome);
              if (token !== undefined) issued.push(token);
              if (outcome.status === "stamped") stamped.push(outcome);
            }
            history.push(structuredClone(device.mailbox.data));
          } else if (o.kind === "reopen") {
            windows[o.window] = await device.openWindow();
          } else if (o.kind === "rollback") {
            const older = history[Math.max(0, history.length - 1 - o.back)];
            if (older) device.mailbox.data = structuredClone(older);
          } else {
            const w = windows[o.window]!;
            w.roaming.mode = "ok";
            await w.online.syncOffline(await w.log.unsynced());
          }
        }
        expect(new Set(issued).size).toBe(issued.length);
        // Each token says truly how it was numbered (online or offline) and whose it is.
        for (const { token, designator } of stamped) expect(parseToken(token, settings)).toMatchObject({ designator, user: tokenUserNumber(settings) });
      }),
      { numRuns: 40 },
    );
  });
});

describe("across devices of one user (docs/NUMBERING.md: offline reserves)", () => {
  const fellBack = (outcome: StampOutcome): boolean => outcome.status === "stamped" && (outcome.warning ?? "").includes(FALLBACK_CAUTION);

  it("two devices online once, then offline at the same time, never issue the same token", async () => {
    const mailbox = new FakeMailboxSettings();
    const laptop = await new Device(mailbox).openWindow();
    await takeReserve(laptop, settings);
    const phone = await new Device(mailbox).openWindow(); // opened after the laptop saved: reads its mark
    await takeReserve(phone, settings);
    laptop.monitor.goOffline();
    phone.monitor.goOffline();
    const outcomes: StampOutcome[] = [];
    for (let i = 0; i < 60; i++) outcomes.push(await stampNew(laptop), await stampNew(phone));
    const tokens = outcomes.map(issuedToken);
    expect(new Set(tokens).size).toBe(120);
    expect(outcomes.filter(fellBack)).toHaveLength(0);
    expect(tokens.slice(0, 2)).toEqual(["CRM:10020001", "CRM:10020101"]);
  });

  it("past its reserve a device falls back to its own counter above the reserve, and says uniqueness across devices is not guaranteed", async () => {
    const tiny = settingsFor({ counterDigits: 2 }); // reserve of 9
    const window = await new Device().openWindow();
    await takeReserve(window, tiny);
    window.monitor.goOffline();
    const outcomes: StampOutcome[] = [];
    for (let i = 0; i < 10; i++) outcomes.push(await window.stamper.stamp(new FakeComposeItem({ subject: "Hi" }), tiny));
    expect(outcomes.map(issuedToken)).toEqual([...Array.from({ length: 9 }, (_, i) => `CRM:10020${i + 1}`), "CRM:100210"]);
    expect(outcomes.map(fellBack)).toEqual([...Array<boolean>(9).fill(false), true]);
  });

  it("a reserve whose device never comes back is never handed to another device", async () => {
    const mailbox = new FakeMailboxSettings();
    const lost = await new Device(mailbox).openWindow();
    await takeReserve(lost, settings); // 1-100, then the device is gone
    const other = await new Device(mailbox).openWindow();
    await takeReserve(other, settings);
    other.monitor.goOffline();
    expect(issuedToken(await stampNew(other))).toBe("CRM:10020101");
  });

  describe("reserve numbers expire activeDays after the device received them", () => {
    const DAY = 24 * 60 * 60 * 1000; // settings.activeDays is 30

    it("a reserve received more than activeDays ago is not used: the device falls back to its own counter above it", async () => {
      const window = await new Device().openWindow();
      await takeReserve(window, settings); // 1-100
      window.clock += 30 * DAY + 1;
      window.monitor.goOffline();
      const outcomes = [await stampNew(window), await stampNew(window)];
      expect(outcomes.map(issuedToken)).toEqual(["CRM:10020101", "CRM:10020102"]);
      expect(outcomes.map(fellBack)).toEqual([true, true]);
      expect(await window.reserve.status(settings, 2)).toEqual({ remaining: 0, size: 100 });
    });

    it("a reserve inside the window is used", async () => {
      const window = await new Device().openWindow();
      await takeReserve(window, settings);
      window.clock += 30 * DAY - 1;
      window.monitor.goOffline();
      const outcome = await stampNew(window);
      expect([issuedToken(outcome), fellBack(outcome)]).toEqual(["CRM:10020001", false]);
    });

    it("online again, the device takes a fresh reserve in place of the expired one", async () => {
      const mailbox = new FakeMailboxSettings();
      const window = await new Device(mailbox).openWindow();
      await takeReserve(window, settings); // 1-100, then unused for a month
      window.clock += 31 * DAY;
      await takeReserve(window, settings);
      expect(await window.reserve.status(settings, 2)).toEqual({ remaining: 100, size: 100 });
      window.monitor.goOffline();
      const outcome = await stampNew(window);
      expect([issuedToken(outcome), fellBack(outcome)]).toEqual(["CRM:10020101", false]);
    });
  });

  it("property: devices x online/offline x reloads x crashes x lost storage x days passing: reserved and online tokens never repeat while active", async () => {
    const DAY = 24 * 60 * 60 * 1000;
    const op = fc.oneof(
      fc.record({ kind: fc.constant("days" as const), days: fc.constantFrom(1, 10, 29, 31) }),
      fc.record({ kind: fc.constant("online" as const), device: fc.nat(2), stamps: fc.nat(2) }),
      fc.record({ kind: fc.constant("offline" as const), device: fc.nat(2), stamps: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ kind: fc.constant("reload" as const), device: fc.nat(2) }),
      fc.record({ kind: fc.constant("crash" as const), device: fc.nat(2) }),
      fc.record({ kind: fc.constant("sync" as const), device: fc.nat(2) }),
      fc.record({ kind: fc.constant("wipe" as const), device: fc.nat(2) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(2, 3, 4), fc.array(op, { minLength: 1, maxLength: 20 }), async (counterDigits, ops) => {
        const model = settingsFor({ counterDigits });
        const activeMs = model.activeDays * DAY;
        let clock = 1_700_000_000_000;
        const mailbox = new FakeMailboxSettings();
        const devices = [0, 1, 2].map(() => new Device(mailbox));
        // Every reserve each device received, and when: a reserved offline token must come from one younger than activeDays.
        const received = new Map<number, { from: number; to: number; at: number }[]>();
        const open = (d: number) =>
          devices[d]!.openWindow({
            now: () => clock,
            onReserve: (_user, taken) => received.set(d, [...(received.get(d) ?? []), ...taken.ranges.map((r) => ({ ...r, at: clock }))]),
          });
        const windows = await Promise.all([0, 1, 2].map(open));
        const guaranteed: { token: string; at: number }[] = [];
        const fallback = new Map<number, string[]>();
        const inFlight: Promise<void>[] = [];
        const stampOn = async (d: number, online: boolean) => {
          const w = windows[d]!;
          if (online) w.monitor.goOnline();
          else w.monitor.goOffline();
          const startedAt = clock;
          const outcome = await w.stamper.stamp(new FakeComposeItem({ subject: "Hi" }), model);
          const token = issuedToken(outcome);
          if (token === undefined) return;
          if (fellBack(outcome)) {
            fallback.set(d, [...(fallback.get(d) ?? []), token]);
            return;
          }
          guaranteed.push({ token, at: startedAt });
          const parts = parseToken(token, model)!;
          if (parts.designator === 1) {
            const from = (received.get(d) ?? []).filter((r) => r.from <= parts.counter && parts.counter <= r.to);
            expect(from.some((r) => startedAt - r.at < activeMs)).toBe(true);
          }
        };
        for (const o of ops) {
          if (o.kind === "days") {
            clock += o.days * DAY;
          } else if (o.kind === "online") {
            // Online, the pane works on a fresh copy of the mailbox (it was opened, or it reloads).
            windows[o.device] = await open(o.device);
            await takeReserve(windows[o.device]!, model);
            for (let i = 0; i < o.stamps; i++) await stampOn(o.device, true);
          } else if (o.kind === "offline") {
            for (let i = 0; i < o.stamps; i++) await stampOn(o.device, false);
          } else if (o.kind === "reload") {
            windows[o.device] = await open(o.device);
          } else if (o.kind === "crash") {
            // The pane goes away mid-stamp: its work still lands (or not) while a new pane opens.
            inFlight.push(stampOn(o.device, false));
            windows[o.device] = await open(o.device);
          } else if (o.kind === "wipe") {
            // Its reserve is lost with it: abandoned, never handed out again.
            devices[o.device]!.wipeLocalStorage();
            windows[o.device] = await open(o.device);
            fallback.delete(o.device); // its unsynced fallback numbers are gone with it: only synced ones reach the mailbox's mark
          } else {
            // Syncing is online work too, on a fresh copy: a stale copy's save is the standalone limit docs/NUMBERING.md names.
            windows[o.device] = await open(o.device);
            const w = windows[o.device]!;
            await w.online.syncOffline(await w.log.unsynced());
          }
        }
        await Promise.all(inFlight);
        // docs/DESIGN.md §4: a number comes round again only once its earlier token is no longer active.
        for (const [i, a] of guaranteed.entries()) {
          for (const b of guaranteed.slice(i + 1)) if (a.token === b.token) expect(Math.abs(b.at - a.at)).toBeGreaterThanOrEqual(activeMs);
        }
        for (const tokens of fallback.values()) expect(new Set(tokens).size).toBe(tokens.length);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

describe("wrap (counterDigits 1: numbers 1-9, then 0)", () => {
  const tiny = settingsFor({ counterDigits: 1, activeDays: 30 });
  const DAY = 24 * 60 * 60 * 1000;

  async function stampTiny(window: Window): Promise<StampOutcome> {
    return window.stamper.stamp(new FakeComposeItem({ subject: "Hi" }), tiny);
  }

  it("restarts at 0 after 9, then goes on without repeating within the cycle", async () => {
    const window = await new Device().openWindow();
    const counters: number[] = [];
    for (let i = 0; i < 12; i++) {
      window.clock += 40 * DAY; // every earlier activity is no longer active
      const outcome = await stampTiny(window);
      if (outcome.status !== "stamped") throw new Error(JSON.stringify(outcome));
      counters.push(parseToken(outcome.token, tiny)!.counter);
    }
    expect(counters).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2]);
  });

  it("skips numbers whose activity is still active, after the wrap", async () => {
    const device = new Device();
    device.mailbox.data = { "counter:online": { "2": { cycle: 0, last: 8 } } };
    const window = await device.openWindow();
    // Tokens as the stamper records them: formatted with the settings in force.
    const recorded = (counter: number, stampedAt: number) => makeActivity({ counter, stampedAt, token: formatToken({ designator: 0, user: 2, counter }, tiny) });
    for (const counter of [1, 2, 3]) await window.log.put(recorded(counter, window.clock - DAY));
    await window.log.put(recorded(4, window.clock - 31 * DAY)); // no longer active
    const counters: number[] = [];
    for (let i = 0; i < 4; i++) {
      const outcome = await stampTiny(window);
      if (outcome.status !== "stamped") throw new Error(JSON.stringify(outcome));
      counters.push(parseToken(outcome.token, tiny)!.counter);
    }
    expect(counters).toEqual([9, 0, 4, 5]);
    expect(device.mailbox.data["counter:online"]).toEqual({ "2": { cycle: 1, last: 5 } });
  });

  it("blocks with advice to raise counter digits when every number is active", async () => {
    const window = await new Device().openWindow();
    window.monitor.goOffline();
    const tokens: string[] = [];
    for (let i = 0; i < 10; i++) {
      const outcome = await stampTiny(window);
      if (outcome.status === "stamped") tokens.push(outcome.token);
    }
    expect(tokens).toHaveLength(10); // 1..9 and 0
    expect(new Set(tokens).size).toBe(10);
    const blocked = await stampTiny(window);
    expect(blocked).toEqual({ status: "blocked", kind: "exhausted", reason: expect.stringMatching(/Raise counter digits/) });
  });
});
