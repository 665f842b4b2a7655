/**
 * The add-in's service mode against the real tracking service (src/server/main.ts in a child
 * process: SQLite in a temporary folder, development sign-in through POST /v1/dev/token): two users,
 * the colleague's read-pane lookup, offline sync exactly once, conflicts.
 */
import { DEFAULT_SETTINGS } from "../../../../src/core";
import type { Settings } from "../../../../src/core";
import { createServiceClient, createServiceDirectory, createServiceModeAuthority } from "../../../../src/authority/service";
import type { TokenAuthority } from "../../../../src/authority";
import type { AccessTokenSource } from "../../../../src/office/accessToken";
import { createMemoryActivityLog, createMemoryCounterStore, FakeComposeItem, FakeMailboxSettings } from "../../../fakes";
import { startRealService } from "./serviceProcess";
import type { RunningService } from "./serviceProcess";

jest.setTimeout(60_000);

const PAT = { mailbox: "pat.seller@contoso.com", name: "Pat Seller" };
const SAM = { mailbox: "sam.colleague@contoso.com", name: "Sam Colleague" };
const settings: Settings = { ...DEFAULT_SETTINGS, serviceUrl: "http://127.0.0.1" };

let service: RunningService;
let url: string;
const panes: TokenAuthority[] = [];

beforeEach(async () => {
  service = await startRealService();
  url = service.url;
});

afterEach(async () => {
  for (const pane of panes.splice(0)) pane.monitor.dispose();
  await service.stop();
});

/** What the playground does: a development token from the service for the signed-in user. */
const devTokens = (user: { mailbox: string; name: string }): AccessTokenSource => ({
  async getToken() {
    const response = await fetch(`${url}/v1/dev/token`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(user) });
    if (!response.ok) throw new Error(`dev token: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { accessToken: string }).accessToken;
  },
});

const clientFor = (user: { mailbox: string; name: string }) => createServiceClient({ baseUrl: url, fetch: (u, init) => fetch(u, init), tokens: devTokens(user), retryDelayMs: 10 });

function openPane(user: { mailbox: string; name: string }, online = { value: true }, mailbox = new FakeMailboxSettings(), paneSettings?: Settings) {
  const events = new EventTarget();
  const log = createMemoryActivityLog();
  const roaming = mailbox.open();
  const pane = createServiceModeAuthority({
    client: clientFor(user),
    roaming,
    counters: { available: true, store: createMemoryCounterStore() },
    activityLog: log,
    userEmail: user.mailbox,
    events,
    isOnline: () => online.value,
    now: Date.now,
    ...(paneSettings ? { settings: () => paneSettings } : {}),
  });
  panes.push(pane);
  const setOnline = async (value: boolean) => {
    online.value = value;
    events.dispatchEvent(new Event(value ? "online" : "offline"));
    await pane.monitor.idle();
  };
  return { ...pane, log, roaming, setOnline };
}

describe("service mode against the real tracking service", () => {
  it("two users get their own user numbers; a colleague resolves the other's token with the sender's name", async () => {
    const pat = openPane(PAT);
    await pat.monitor.idle();
    const sam = openPane(SAM);
    await sam.monitor.idle();
    expect(pat.monitor.current()).toMatchObject({ status: "online", authority: "service" });

    const quote = await pat.stamper.stamp(new FakeComposeItem({ subject: "Quote for 200 chairs", to: ["dana.buyer@fabrikam.com"] }), settings);
    expect(quote).toMatchObject({ status: "stamped", designator: 0, token: "CRM:00010001" });
    await expect(sam.stamper.stamp(new FakeComposeItem({ subject: "Hello", to: ["lee@fabrikam.com"] }), settings)).resolves.toMatchObject({ token: "CRM:00020001" });

    const directory = createServiceDirectory(clientFor(SAM));
    // Stamped, not sent yet: the colleague learns only that.
    await expect(directory.byToken("CRM:00010001", settings)).resolves.toMatchObject({ status: "issued", subject: "" });
    const draft = new FakeComposeItem({ subject: "Quote for 200 chairs", to: ["dana.buyer@fabrikam.com"] });
    await pat.stamper.stamp(draft, settings);
    draft.cc = ["sam@contoso.com"];
    await expect(pat.stamper.finalize(draft, settings)).resolves.toMatchObject({ status: "finalized", token: "CRM:00010002", recorded: "service" });
    await expect(directory.byToken("CRM:00010002", settings)).resolves.toMatchObject({
      status: "sent",
      cc: ["sam@contoso.com"],
      subject: "Quote for 200 chairs CRM:00010002",
      sender: PAT.mailbox,
      senderName: "Pat Seller",
      user: 1,
      counter: 2,
    });
    await expect(directory.byToken("CRM:00010003", settings)).resolves.toBeUndefined();
  });

  it("syncs offline activities exactly once, and reports a conflict without overwriting", async () => {
    const pat = openPane(PAT);
    await pat.monitor.idle();
    await pat.setOnline(false);
    for (const subject of ["One", "Two"]) await pat.stamper.stamp(new FakeComposeItem({ subject, to: ["dana.buyer@fabrikam.com"] }), settings);
    // Another record already holds the second offline token (e.g. a restored device): a conflict.
    await clientFor(PAT).recordActivity({ token: "CRM:10010002", subject: "Restored elsewhere", to: [], cc: [], sentAt: new Date().toISOString(), designator: 1 });

    await pat.setOnline(true);
    const state = pat.monitor.current();
    expect(state).toMatchObject({ status: "online", pending: 0 });
    expect(state.syncProblem).toContain("CRM:10010002");

    const directory = createServiceDirectory(clientFor(SAM));
    await expect(directory.byToken("CRM:10010001", settings)).resolves.toMatchObject({ status: "issued", designator: 1 });
    await expect(directory.byToken("CRM:10010002", settings)).resolves.toMatchObject({ subject: "Restored elsewhere" });

    // Sent again: duplicates, nothing stored twice, nothing refused that was stored.
    await expect(pat.online.syncOffline((await pat.log.all()).filter((a) => a.token === "CRM:10010001"))).resolves.toEqual({ rejected: [] });
  });

  it("a mailbox that numbered on its own keeps its number, the service starts above its marks, and switching back continues above the service's", async () => {
    const standalone = { ...settings, userOrdinal: 5 };
    const mailbox = new FakeMailboxSettings();
    // Pat numbered standalone as user 5 up to 41 online and 7 offline.
    mailbox.data = { "counter:online": { "5": { cycle: 0, last: 41 } }, "counter:offline-hwm": { "5": { cycle: 0, last: 7 } } };
    const pat = openPane(PAT, { value: true }, mailbox, standalone);
    await pat.monitor.idle();
    expect(await pat.stamper.stamp(new FakeComposeItem({ subject: "Back on the service" }), standalone)).toMatchObject({ status: "stamped", token: "CRM:00050042" });
    // The reserve the device took starts above the offline mark.
    await pat.setOnline(false);
    expect(await pat.stamper.stamp(new FakeComposeItem({ subject: "On the train" }), standalone)).toMatchObject({ status: "stamped", token: "CRM:10050008" });
    await pat.setOnline(true);
    // users/me answers the service's high-water marks: the mailbox's counters rise above them for standalone use.
    expect(pat.roaming.snapshot()["counter:online"]).toEqual({ "5": { cycle: 0, last: 42 } });

    // Sam claims 5 too: the service gives him another number and says so; nobody shares one.
    const sam = openPane(SAM, { value: true }, new FakeMailboxSettings(), standalone);
    await sam.monitor.idle();
    const samStamp = await sam.stamper.stamp(new FakeComposeItem({ subject: "Sam's" }), standalone);
    expect(samStamp).toMatchObject({ status: "stamped", designator: 0 });
    expect(samStamp.status === "stamped" && samStamp.token.startsWith("CRM:0005")).toBe(false);
    // The compose pane shows the service's reason once, with the first token under the new number.
    expect(samStamp).toMatchObject({ warning: expect.stringMatching(/User number 5 already belongs to another mailbox/) });
    expect(await sam.stamper.stamp(new FakeComposeItem({ subject: "Sam's second" }), standalone)).not.toHaveProperty("warning");
  });

  it("two devices of one user hold different offline reserves, so both offline at once never collide", async () => {
    const mailbox = new FakeMailboxSettings();
    const laptop = openPane(PAT, { value: true }, mailbox, settings);
    const phone = openPane(PAT, { value: true }, mailbox, settings);
    await Promise.all([laptop.monitor.idle(), phone.monitor.idle()]);
    // The first online check took the reserves; stamps wait for one that is on its way.
    await laptop.stamper.stamp(new FakeComposeItem({ subject: "warm-up" }), settings);
    await phone.stamper.stamp(new FakeComposeItem({ subject: "warm-up" }), settings);
    await Promise.all([laptop.setOnline(false), phone.setOnline(false)]);
    const tokens: string[] = [];
    for (let i = 0; i < 20; i++) {
      for (const device of [laptop, phone]) {
        const outcome = await device.stamper.stamp(new FakeComposeItem({ subject: `offline ${i}` }), settings);
        if (outcome.status !== "stamped" || outcome.warning !== undefined) throw new Error(JSON.stringify(outcome));
        tokens.push(outcome.token);
      }
    }
    expect(new Set(tokens).size).toBe(40);
    await Promise.all([laptop.setOnline(true), phone.setOnline(true)]);
    expect([laptop.monitor.current(), phone.monitor.current()]).toEqual([
      expect.objectContaining({ status: "online", pending: 0 }),
      expect.objectContaining({ status: "online", pending: 0 }),
    ]);
    expect(laptop.monitor.current().syncProblem ?? phone.monitor.current().syncProblem).toBeUndefined();
  });
});
