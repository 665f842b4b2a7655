/**
 * The send handler with the real Stamper and activity log: every send finalizes the draft's
 * activity (auto-stamp on or off), the service has a short deadline with the sync queue behind it,
 * and event.completed is called exactly once, within the handler's deadline.
 */
import { createStamper } from "../../../src/authority";
import type { OnlineAuthority } from "../../../src/authority";
import { createOnMessageSendHandler } from "../../../src/commands/onMessageSend";
import type { SendHost } from "../../../src/commands/onMessageSend";
import { DEFAULT_SETTINGS } from "../../../src/core";
import type { Settings } from "../../../src/core";
import type { Activity } from "../../../src/storage";
import { FakeComposeItem, FakeConnectivityMonitor, createMemoryActivityLog } from "../../fakes";

const ON: Settings = { ...DEFAULT_SETTINGS, autoStampOnSend: true, userOrdinal: 2 };
const OFF: Settings = { ...ON, autoStampOnSend: false };
const STAMPED_AT = 1_000;
const SENT_AT = 9_000;

type ServiceBehaviour = "answers" | "slow" | "down" | "standalone";

function device(service: ServiceBehaviour) {
  const log = createMemoryActivityLog();
  const monitor = new FakeConnectivityMonitor();
  const recorded: Activity[] = [];
  let counter = 0;
  let clock = STAMPED_AT;
  const syncRequests = { count: 0 };
  const online: Pick<OnlineAuthority, "issue" | "label" | "userNumber" | "record"> = {
    label: "tracking service",
    issue: async () => ({ designator: 0, counter: ++counter, wrapped: false }),
    ...(service === "standalone"
      ? {}
      : {
          record: async (activity: Activity) => {
            if (service === "down") throw new Error("The tracking service could not be reached.");
            if (service === "slow") await new Promise(() => undefined);
            recorded.push(activity);
            await log.markSynced(activity.token);
          },
        }),
  };
  const stamper = createStamper({
    online,
    local: { available: false, reason: "not in this test" },
    monitor,
    activityLog: log,
    userEmail: "pat@contoso.com",
    now: () => clock,
    onlineTimeoutMs: 200,
    onRecordFailed: () => syncRequests.count++,
  });
  const hostFor = (item: FakeComposeItem, settings: Settings): SendHost => ({
    settings: { load: () => ({ settings, problems: [] }) },
    currentItem: () => item,
    numbering: () => ({ available: true }),
    openAuthority: async () => ({ stamper, ready: async () => undefined, dispose: () => undefined }),
  });
  async function send(item: FakeComposeItem, settings: Settings) {
    clock = SENT_AT;
    const calls: unknown[] = [];
    const report = await createOnMessageSendHandler({ host: () => hostFor(item, settings), log: () => undefined })({ completed: (options) => calls.push(options) });
    return { report, calls };
  }
  return { log, stamper, recorded, syncRequests, send, setClock: (t: number) => (clock = t) };
}

/** Pat's scenario: stamp "Offer for 12 standing desks", then add To and Cc, change 12 to 14, Send. */
async function stampedThenEdited(d: ReturnType<typeof device>) {
  const item = new FakeComposeItem({ subject: "Offer for 12 standing desks" });
  await d.stamper.stamp(item, OFF);
  item.to = ["dana.buyer@fabrikam.com"];
  item.cc = ["sam.colleague@contoso.com"];
  item.subject = item.subject.replace("12", "14");
  return item;
}

describe("finalize at send", () => {
  it.each<[string, Settings]>([
    ["auto-stamp off", OFF],
    ["auto-stamp on (the draft has its token already)", ON],
  ])("records the final subject, To, Cc and time, and marks it sent: %s", async (_name, settings) => {
    const d = device("answers");
    const item = await stampedThenEdited(d);
    const issued = await d.log.get("CRM:00020001");
    expect(issued).toMatchObject({ status: "issued", subject: "Offer for 12 standing desks CRM:00020001", to: [] });
    const { report, calls } = await d.send(item, settings);
    expect(calls).toEqual([{ allowEvent: true }]);
    expect(report).toMatchObject({ finalized: { status: "finalized", token: "CRM:00020001", recorded: "service" } });
    const sent = await d.log.get("CRM:00020001");
    expect(sent).toMatchObject({
      status: "sent",
      subject: "Offer for 14 standing desks CRM:00020001",
      to: ["dana.buyer@fabrikam.com"],
      cc: ["sam.colleague@contoso.com"],
      sentAt: SENT_AT,
      stampedAt: STAMPED_AT,
      synced: true,
    });
    expect(d.recorded.map((a) => a.status)).toEqual(["issued", "sent"]);
  });

  it("auto-stamp on: a draft without a token is stamped, then finalized as it goes", async () => {
    const d = device("answers");
    const item = new FakeComposeItem({ subject: "Quote", to: ["dana.buyer@fabrikam.com"] });
    const { report, calls } = await d.send(item, ON);
    expect(calls).toEqual([{ allowEvent: true }]);
    expect(report).toMatchObject({ path: "stamped", outcome: { token: "CRM:00020001" }, finalized: { status: "finalized" } });
    expect(await d.log.get("CRM:00020001")).toMatchObject({ status: "sent", subject: "Quote CRM:00020001", sentAt: SENT_AT });
  });

  it("a slow service does not hold the mail: finalized on the device, queued for the sync", async () => {
    const d = device("slow");
    const item = await stampedThenEdited(d);
    const { report, calls } = await d.send(item, OFF);
    expect(calls).toEqual([{ allowEvent: true }]);
    expect(report).toMatchObject({ finalized: { status: "finalized", recorded: "queued" } });
    expect(await d.log.get("CRM:00020001")).toMatchObject({ status: "sent", synced: false });
    // The stamp's record never arrived either: still one activity in the queue, now as sent.
    expect(await d.log.pendingCount()).toBe(1);
    expect(d.syncRequests.count).toBeGreaterThan(0);
  });

  it("the service down: the same, and the queue holds the finalization exactly once", async () => {
    const d = device("down");
    const item = await stampedThenEdited(d);
    const { report, calls } = await d.send(item, OFF);
    expect(calls).toEqual([{ allowEvent: true }]);
    expect(report).toMatchObject({ finalized: { status: "finalized", recorded: "queued" } });
    expect((await d.log.unsynced()).map((a) => [a.token, a.status, a.subject])).toEqual([["CRM:00020001", "sent", "Offer for 14 standing desks CRM:00020001"]]);
  });

  it("standalone: finalized on the device only", async () => {
    const d = device("standalone");
    const item = await stampedThenEdited(d);
    const { report } = await d.send(item, OFF);
    expect(report).toMatchObject({ finalized: { status: "finalized", recorded: "device" } });
    expect(await d.log.get("CRM:00020001")).toMatchObject({ status: "sent", synced: true });
  });

  it("not ours: a reply that only quotes someone's token, or a draft never stamped, finalizes nothing", async () => {
    const d = device("answers");
    const reply = new FakeComposeItem({ subject: "RE: Offer CRM:00030007", to: ["dana.buyer@fabrikam.com"] });
    const { report, calls } = await d.send(reply, OFF);
    expect(calls).toEqual([{ allowEvent: true }]);
    expect(report).toMatchObject({ path: "skipped", finalized: { status: "skipped", reason: "no-activity" } });
    expect(await d.log.all()).toEqual([]);
    expect(d.recorded).toEqual([]);
  });

  it("a token deleted from the subject by hand: the activity stays issued", async () => {
    const d = device("answers");
    const item = await stampedThenEdited(d);
    item.subject = "Offer for 14 standing desks";
    const { report } = await d.send(item, OFF);
    expect(report).toMatchObject({ finalized: { status: "skipped", reason: "token-removed" } });
    expect(await d.log.get("CRM:00020001")).toMatchObject({ status: "issued" });
  });

  it("a discarded draft (never sent) stays issued and answers nothing", async () => {
    const d = device("answers");
    await d.stamper.stamp(new FakeComposeItem({ subject: "Quote for 40 desks" }), OFF);
    expect(await d.log.get("CRM:00020001")).toMatchObject({ status: "issued" });
    expect(d.recorded.map((a) => a.status)).toEqual(["issued"]);
  });

  it("the pane follows an issued draft's subject and recipients; never a sent one", async () => {
    const d = device("standalone");
    const item = await stampedThenEdited(d);
    await d.stamper.follow(item, OFF);
    expect(await d.log.get("CRM:00020001")).toMatchObject({ status: "issued", subject: "Offer for 14 standing desks CRM:00020001", to: ["dana.buyer@fabrikam.com"] });
    await d.send(item, OFF);
    item.subject = "edited after sending";
    await d.stamper.follow(item, OFF);
    expect(await d.log.get("CRM:00020001")).toMatchObject({ status: "sent", subject: "Offer for 14 standing desks CRM:00020001" });
  });
});

describe("finalize at send, where the handler sees another draft key than the pane", () => {
  it("finds the draft's issued activity by the token in its subject", async () => {
    const d = device("answers");
    const paneItem = new FakeComposeItem({ subject: "Offer for 12 standing desks", draftKey: "pane-key" });
    await d.stamper.stamp(paneItem, OFF);
    const sendItem = new FakeComposeItem({ subject: "Offer for 14 standing desks CRM:00020001", draftKey: "handler-key", to: ["dana.buyer@fabrikam.com"] });
    const { report } = await d.send(sendItem, OFF);
    expect(report).toMatchObject({ finalized: { status: "finalized", token: "CRM:00020001" } });
    expect(await d.log.get("CRM:00020001")).toMatchObject({ status: "sent", to: ["dana.buyer@fabrikam.com"] });
  });

  it("never takes a quoted token of a sent mail for this draft's", async () => {
    const d = device("answers");
    const first = new FakeComposeItem({ subject: "Offer" });
    await d.stamper.stamp(first, OFF);
    await d.send(first, OFF);
    const reply = new FakeComposeItem({ subject: "RE: Offer CRM:00020001", draftKey: "another" });
    const { report } = await d.send(reply, OFF);
    expect(report).toMatchObject({ finalized: { status: "skipped", reason: "no-activity" } });
    expect(await d.log.get("CRM:00020001")).toMatchObject({ subject: "Offer CRM:00020001" });
  });
});
