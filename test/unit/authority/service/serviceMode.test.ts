/**
 * Service mode end to end below the panes: the stamper, the connectivity monitor and the service
 * authority over a real local HTTP server. User numbers come from the service; offline numbering
 * uses the one it gave last; every activity reaches the service exactly once.
 */
import { DEFAULT_SETTINGS } from "../../../../src/core";
import type { KnownDeployment, Settings } from "../../../../src/core";
import { createServiceClient, createServiceDirectory, createServiceModeAuthority } from "../../../../src/authority/service";
import type { TokenAuthority } from "../../../../src/authority";
import type { ActivityLog, CounterStore } from "../../../../src/storage";
import { createMemoryActivityLog, createMemoryCounterStore, FakeComposeItem, FakeMailboxSettings } from "../../../fakes";
import type { FakeRoamingStore } from "../../../fakes";
import { ContractServer, TestTokens } from "./contractServer";

const PAT = { mailbox: "pat.seller@contoso.com", name: "Pat Seller" };
const SAM = { mailbox: "sam.colleague@contoso.com", name: "Sam Colleague" };
const DANA = "dana.buyer@fabrikam.com";

/** The user's settings: a userOrdinal that service mode must ignore. */
const settings: Settings = { ...DEFAULT_SETTINGS, userOrdinal: 7, serviceUrl: "http://127.0.0.1" };

let server: ContractServer;
const opened: TokenAuthority[] = [];

beforeEach(async () => {
  server = await new ContractServer().start();
});
afterEach(async () => {
  for (const pane of opened.splice(0)) pane.monitor.dispose();
  await server.stop();
});

type Device = { counters: CounterStore; log: ActivityLog; mailbox: FakeMailboxSettings };
const newDevice = (): Device => ({ counters: createMemoryCounterStore(), log: createMemoryActivityLog(), mailbox: new FakeMailboxSettings() });

/** Opens a compose pane in service mode for `user` on `device`; `online` drives navigator.onLine. */
function openPane(user: { mailbox: string; name: string }, device: Device = newDevice(), online = { value: true }, onDeployment?: (known: KnownDeployment) => void) {
  const events = new EventTarget();
  const roaming: FakeRoamingStore = device.mailbox.open();
  const client = createServiceClient({ baseUrl: server.url, fetch: (url, init) => fetch(url, init), tokens: new TestTokens(user.mailbox, user.name), retryDelayMs: 10 });
  const pane = createServiceModeAuthority({
    client,
    roaming,
    counters: { available: true, store: device.counters },
    activityLog: device.log,
    userEmail: user.mailbox,
    events,
    isOnline: () => online.value,
    now: () => Date.parse("2025-05-14T09:00:00Z"),
    ...(onDeployment ? { onDeployment } : {}),
  });
  opened.push(pane);
  const setOnline = async (value: boolean) => {
    online.value = value;
    events.dispatchEvent(new Event(value ? "online" : "offline"));
    await pane.monitor.idle();
  };
  return { ...pane, device, roaming, client, setOnline };
}

const draft = (subject: string) => new FakeComposeItem({ subject, to: [DANA] });

/** The service already holds `token` for another activity, "Someone else's record", sent by `sender`. */
function holdAtService(token: string, sender: { mailbox: string; name: string }): void {
  server.activities.set(token.toLowerCase(), {
    token,
    subject: "Someone else's record",
    to: [],
    cc: [],
    sentAt: "2025-01-01T00:00:00.000Z",
    designator: 1,
    sender: sender.mailbox,
    senderName: sender.name,
  });
}

describe("service mode", () => {
  it("numbers online from the service under the user number it assigns, not settings.userOrdinal", async () => {
    const pat = openPane(PAT);
    const sam = openPane(SAM);
    await Promise.all([pat.monitor.idle(), sam.monitor.idle()]);
    expect(pat.monitor.current()).toMatchObject({ status: "online", authority: "service" });

    const first = await pat.stamper.stamp(draft("Quote for 200 chairs"), settings);
    expect(first).toMatchObject({ status: "stamped", designator: 0, subject: "Quote for 200 chairs CRM:00010001" });
    const second = await pat.stamper.stamp(draft("Delivery dates"), settings);
    expect(second).toMatchObject({ status: "stamped", token: "CRM:00010002" });
    // Sam registered second: user number 2, his own counter.
    await expect(sam.stamper.stamp(draft("Hello"), settings)).resolves.toMatchObject({ status: "stamped", token: "CRM:00020001" });
  });

  it("records online activities with the service at once, so colleagues can resolve them", async () => {
    const pat = openPane(PAT);
    await pat.monitor.idle();
    const item = new FakeComposeItem({ subject: "Quote", to: [DANA], cc: ["lee@fabrikam.com"] });
    await pat.stamper.stamp(item, settings);
    expect(server.activities.get("crm:00010001")).toEqual({
      token: "CRM:00010001",
      subject: "Quote CRM:00010001",
      to: [DANA],
      cc: ["lee@fabrikam.com"],
      sentAt: "2025-05-14T09:00:00.000Z",
      designator: 0,
      sender: PAT.mailbox,
      senderName: PAT.name,
    });
    expect(await pat.device.log.unsynced()).toEqual([]);

    const sam = createServiceDirectory(createServiceClient({ baseUrl: server.url, fetch: (url, init) => fetch(url, init), tokens: new TestTokens(SAM.mailbox, SAM.name) }));
    await expect(sam.byToken("CRM:00010001", settings)).resolves.toMatchObject({
      token: "CRM:00010001",
      designator: 0,
      user: 1,
      counter: 1,
      subject: "Quote CRM:00010001",
      sender: PAT.mailbox,
      senderName: "Pat Seller",
      stampedAt: Date.parse("2025-05-14T09:00:00Z"),
    });
    await expect(sam.byToken("CRM:00010099", settings)).resolves.toBeUndefined();
    // A reply that lost its token: the service's smart match (same subject, Dana and Pat shared).
    await expect(sam.correlate({ subject: "RE: Quote", from: DANA, to: [PAT.mailbox], cc: [] }, settings)).resolves.toMatchObject({
      method: "smart match",
      activity: { token: "CRM:00010001", senderName: "Pat Seller" },
    });
  });

  it("an online activity the service did not take waits in the queue and reaches it once", async () => {
    const pat = openPane(PAT);
    await pat.monitor.idle();
    server.unavailable.record = 2; // the first post and its one retry
    await expect(pat.stamper.stamp(draft("Quote"), settings)).resolves.toMatchObject({ status: "stamped", token: "CRM:00010001", designator: 0 });
    await pat.monitor.idle(); // the stamper asked the monitor to sync
    expect(server.activities.size).toBe(1);
    expect(server.calls.record).toBe(3);
    expect(await pat.device.log.unsynced()).toEqual([]);
  });

  it("falls back to offline numbering within the deadline when the service is slow, under the user number it gave", async () => {
    const pat = openPane(PAT);
    await pat.monitor.idle();
    await pat.stamper.stamp(draft("First"), settings);
    // The service answers after 3 s: waiting for it would number online (designator 0); the 1 s deadline numbers offline.
    server.delays.next = 3000;
    const outcome = await pat.stamper.stamp(draft("Second"), settings);
    expect(outcome).toMatchObject({ status: "stamped", designator: 1, token: "CRM:10010001" });
    expect(outcome.status === "stamped" && outcome.fallbackReason).toMatch(/tracking service did not answer/);
    await pat.monitor.idle();
  });

  it("numbers offline under the user number the service gave last, remembered on the device and in the mailbox", async () => {
    const device = newDevice();
    const first = openPane(PAT, device);
    await first.monitor.idle(); // the ping registered Pat and remembered number 1
    first.monitor.dispose();
    await server.stop();

    // Another pane on the same device, offline: the device remembers.
    const offline = openPane(PAT, device, { value: false });
    await offline.monitor.idle();
    expect(offline.monitor.current()).toMatchObject({ status: "offline" });
    await expect(offline.stamper.stamp(draft("On the train"), settings)).resolves.toMatchObject({ status: "stamped", token: "CRM:10010001", designator: 1 });

    // A new device of the same mailbox: the roaming settings remember.
    const other = { ...newDevice(), mailbox: device.mailbox };
    const elsewhere = openPane(PAT, other, { value: false });
    await expect(elsewhere.stamper.stamp(draft("From the laptop"), settings)).resolves.toMatchObject({ status: "stamped", designator: 1 });
  });

  it("cannot stamp, even offline, before the service ever gave a user number, and says why", async () => {
    await server.stop();
    const pane = openPane(PAT, newDevice(), { value: false });
    await pane.monitor.idle();
    const outcome = await pane.stamper.stamp(draft("Quote"), settings);
    expect(outcome).toMatchObject({ status: "blocked", kind: "no-service-user" });
    expect(outcome.status === "blocked" && outcome.reason).toContain("Connect once to the tracking service to get your user number");
  });

  it("sends offline activities to the service exactly once when it answers again", async () => {
    const online = { value: true };
    const pat = openPane(PAT, newDevice(), online);
    await pat.monitor.idle();
    await pat.setOnline(false);
    const tokens = [];
    for (const subject of ["One", "Two", "Three"]) {
      const outcome = await pat.stamper.stamp(draft(subject), settings);
      tokens.push(outcome.status === "stamped" ? outcome.token : outcome.status);
    }
    expect(tokens).toEqual(["CRM:10010001", "CRM:10010002", "CRM:10010003"]);
    await pat.monitor.idle();
    expect(pat.monitor.current()).toMatchObject({ status: "offline", pending: 3 });
    expect(server.activities.size).toBe(0);

    await pat.setOnline(true);
    expect(pat.monitor.current()).toMatchObject({ status: "online", pending: 0 });
    expect([...server.activities.keys()].sort()).toEqual(["crm:10010001", "crm:10010002", "crm:10010003"]);
    expect(server.calls.record).toBe(3);

    // Sending them again (a sync cut short, another window) stores nothing twice.
    const report = await pat.online.syncOffline(await pat.device.log.all());
    expect(report).toEqual({ rejected: [] });
    expect(server.activities.size).toBe(3);
  });

  it("a sync cut short resumes where it stopped: nothing is sent twice", async () => {
    const pat = openPane(PAT);
    await pat.monitor.idle();
    await pat.setOnline(false);
    for (const subject of ["One", "Two", "Three"]) await pat.stamper.stamp(draft(subject), settings);
    // The first record is stored; the second fails with its retry, so the sync stops there.
    server.failingRecordCalls.add(2).add(3);
    await pat.setOnline(true);
    expect(server.activities.size).toBe(1);
    expect(pat.monitor.current()).toMatchObject({ status: "online", pending: 2 });

    pat.monitor.recheck();
    await pat.monitor.idle();
    expect(server.activities.size).toBe(3);
    expect(server.calls.record).toBe(5); // 1 stored, 2 failed, then only the 2 left
    expect(pat.monitor.current()).toMatchObject({ status: "online", pending: 0 });
  });

  it("reports a conflict once, marks it, and never sends it again", async () => {
    const pat = openPane(PAT);
    await pat.monitor.idle();
    holdAtService("CRM:10010001", PAT);
    await pat.setOnline(false);
    await pat.stamper.stamp(draft("Mine"), settings);
    await pat.stamper.stamp(draft("Also mine"), settings);
    await pat.setOnline(true);

    const state = pat.monitor.current();
    expect(state).toMatchObject({ status: "online", pending: 0 });
    expect(state.syncProblem).toMatch(/holds another activity: “Someone else's record”, sent by Pat Seller <pat\.seller@contoso\.com> on 2025-01-01 under CRM:10010001/);
    expect(server.activities.get("crm:10010001")?.subject).toBe("Someone else's record"); // never overwritten
    expect(server.activities.get("crm:10010002")?.subject).toBe("Also mine CRM:10010002");

    const posts = server.calls.record;
    pat.monitor.recheck();
    await pat.monitor.idle();
    expect(server.calls.record).toBe(posts);
  });

  it("offers the open draft a new number when another activity holds its token, and records that one", async () => {
    const pat = openPane(PAT);
    await pat.monitor.idle();
    holdAtService("CRM:10010001", SAM);
    await pat.setOnline(false);
    const mine = draft("Mine");
    await pat.stamper.stamp(mine, settings);
    await pat.setOnline(true);

    const conflict = await pat.stamper.draftConflict(mine.draftKey);
    expect(conflict).toMatch(/sent by Sam Colleague <sam\.colleague@contoso\.com>.*Open the draft and choose “Stamp with a new number”/);
    const again = await pat.stamper.restamp(mine, settings);
    expect(again).toMatchObject({ status: "stamped", reused: false });
    const token = again.status === "stamped" ? again.token : "";
    expect(token).not.toBe("CRM:10010001");
    expect(mine.subject).toBe(`Mine ${token}`);
    expect(server.activities.get(token.toLowerCase())?.subject).toBe(`Mine ${token}`);
    expect(server.activities.get("crm:10010001")?.subject).toBe("Someone else's record");
    await expect(pat.stamper.draftConflict(mine.draftKey)).resolves.toBeUndefined();
    // A second click keeps the new number: only a refused token is let go.
    await expect(pat.stamper.restamp(mine, settings)).resolves.toMatchObject({ status: "stamped", token, reused: true });
  });

  it("stamps the deployment's way when the pane's settings have not caught up with it, and hands the deployment on", async () => {
    const heard: KnownDeployment[] = [];
    const pat = openPane(PAT, newDevice(), { value: true }, (known) => heard.push(known));
    await pat.monitor.idle();
    const outcome = await pat.stamper.stamp(draft("Quote"), { ...settings, prefix: "TT-", counterDigits: 6 });
    expect(outcome).toMatchObject({ status: "stamped", token: "CRM:00010001" });
    expect(server.activities.get("crm:00010001")?.subject).toBe("Quote CRM:00010001");
    expect(heard.at(-1)).toEqual({ serviceUrl: server.url, deployment: expect.objectContaining({ prefix: "CRM:", counterDigits: 4 }), ordinal: 1 });
  });

  it("says so when the service has no free number", async () => {
    const pat = openPane(PAT);
    await pat.monitor.idle();
    server.exhaustAt = 1;
    await expect(pat.stamper.stamp(draft("Quote"), settings)).resolves.toMatchObject({ status: "blocked", kind: "exhausted" });
    expect(pat.monitor.current().status).toBe("online");
  });

  it("goes offline within the ping deadline when the service hangs", async () => {
    // The service answers after 3 s: waiting for it would end online; the ping's deadline ends offline.
    server.delays.me = 3000;
    const pat = openPane(PAT);
    await pat.monitor.idle();
    expect(pat.monitor.current()).toMatchObject({ status: "offline", reason: expect.stringMatching(/tracking service did not answer within/) });
  });
});
