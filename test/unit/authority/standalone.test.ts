import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { createStandaloneAuthority } from "../../../src/authority";
import type { TokenAuthority } from "../../../src/authority";
import { openActivityLog, openCounterStore } from "../../../src/storage";
import type { ActivityLog } from "../../../src/storage";
import { createMemoryActivityLog, FakeComposeItem, FakeLockManager, FakeRoamingStore } from "../../fakes";
import { settingsFor } from "./harness";

const settings = settingsFor();

async function standalone(roaming = new FakeRoamingStore()) {
  const factory = new IDBFactory();
  const locks = new FakeLockManager();
  const counters = await openCounterStore({ indexedDB: factory, locks });
  const logOpening = await openActivityLog({ indexedDB: factory });
  if (!logOpening.available) throw new Error(logOpening.reason);
  const events = new EventTarget();
  let online = true;
  const authority = createStandaloneAuthority({
    roaming,
    counters,
    activityLog: logOpening.log,
    userEmail: "me@example.com",
    events,
    isOnline: () => online,
    now: () => 1_700_000_000_000,
  });
  const browser = (value: boolean) => {
    online = value;
    events.dispatchEvent(new Event(value ? "online" : "offline"));
  };
  return { authority, roaming, log: logOpening.log, browser };
}

let open: TokenAuthority | undefined;
afterEach(() => open?.monitor.dispose());

describe("createStandaloneAuthority", () => {
  it("numbers online, then offline, then syncs the offline activity once back online", async () => {
    const { authority, roaming, log, browser } = await standalone();
    open = authority;
    await authority.monitor.idle();
    expect(authority.monitor.current()).toEqual({ status: "online", authority: "mailbox", pending: 0 });
    expect(await authority.stamper.stamp(new FakeComposeItem({ subject: "A" }), settings)).toMatchObject({ token: "CRM:00020001" });

    browser(false);
    const offline = await authority.stamper.stamp(new FakeComposeItem({ subject: "B" }), settings);
    // From the reserve the online stamp took (docs/NUMBERING.md): no fallback, so no caution.
    expect(offline).toMatchObject({ token: "CRM:10020001", designator: 1 });
    expect(offline).not.toHaveProperty("warning");
    await authority.monitor.idle();
    expect(authority.monitor.current()).toMatchObject({ status: "offline", pending: 1, localCounter: { available: true } });

    browser(true);
    await authority.monitor.idle();
    expect(authority.monitor.current()).toEqual({ status: "online", authority: "mailbox", pending: 0 });
    expect((await log.get("CRM:10020001"))?.synced).toBe(true);
    // The mailbox's offline mark is past the whole reserve (1-100), so no other device is handed those numbers.
    expect(roaming.mailbox.data["counter:offline-hwm"]).toEqual({ "2": { cycle: 0, last: 100 } });
  });

  it("without a device counter, says why and issues nothing, online or offline", async () => {
    const roaming = new FakeRoamingStore();
    const events = new EventTarget();
    const activityLog: ActivityLog = createMemoryActivityLog();
    const authority = createStandaloneAuthority({
      roaming,
      counters: { available: false, reason: "This browser offers no IndexedDB here." },
      activityLog,
      userEmail: "",
      events,
      isOnline: () => false,
      now: () => 0,
    });
    open = authority;
    await authority.monitor.idle();
    expect(authority.monitor.current()).toMatchObject({ status: "offline", localCounter: { available: false, reason: "This browser offers no IndexedDB here." } });
    const outcome = await authority.stamper.stamp(new FakeComposeItem(), settings);
    expect(outcome).toEqual({ status: "blocked", kind: "offline-unavailable", reason: expect.stringContaining("no IndexedDB") });
  });
});
