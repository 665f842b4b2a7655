/** The OnMessageSend handler against a fake event: completed exactly once, allowEvent true, on every path. */
import type { FinalizeOutcome, StampOutcome } from "../../../src/authority";
import { DEFAULT_SEND_DEADLINE_MS, completeOnce, createOnMessageSendHandler } from "../../../src/commands/onMessageSend";
import type { SendAuthority, SendHost, SendReport } from "../../../src/commands/onMessageSend";
import { DEFAULT_SETTINGS } from "../../../src/core";
import type { NumberingAvailability, Settings } from "../../../src/core";
import type { MailItemPort } from "../../../src/office";
import { FakeComposeItem } from "../../fakes";

class FakeSendEvent {
  readonly calls: unknown[] = [];
  /** When set, completed() throws after recording the call (a host in a bad state). */
  throwOnComplete = false;
  completed(options: { allowEvent: boolean; errorMessage?: string }): void {
    this.calls.push(options);
    if (this.throwOnComplete) throw new Error("The event is gone.");
  }
}

const ON: Settings = { ...DEFAULT_SETTINGS, autoStampOnSend: true, userOrdinal: 2 };
const FINALIZED: FinalizeOutcome = { status: "finalized", token: "CRM:00020001", recorded: "device" };
const STAMPED: StampOutcome = { status: "stamped", token: "CRM:00020001", designator: 0, subject: "Quote CRM:00020001", shortened: false, reused: false };

type HostInit = {
  settings?: Settings;
  item?: MailItemPort | null;
  numbering?: NumberingAvailability;
  stamp?: (item: MailItemPort) => Promise<StampOutcome>;
  finalize?: () => Promise<FinalizeOutcome>;
  ready?: () => Promise<void>;
  openAuthority?: () => Promise<SendAuthority>;
};

function fakeHost(init: HostInit = {}) {
  const probe = { authorityOpened: 0, stamps: 0, finalizes: 0, disposed: 0 };
  const item = init.item === undefined ? new FakeComposeItem({ subject: "Quote" }) : init.item;
  const host: SendHost = {
    settings: { load: () => ({ settings: init.settings ?? ON, problems: [] }) },
    currentItem: () => item,
    numbering: () => init.numbering ?? { available: true },
    openAuthority:
      init.openAuthority ??
      (async () => {
        probe.authorityOpened++;
        return {
          stamper: {
            stamp: (draft) => {
              probe.stamps++;
              return (init.stamp ?? (async () => STAMPED))(draft);
            },
            finalize: () => {
              probe.finalizes++;
              return (init.finalize ?? (async () => FINALIZED))();
            },
          },
          ready: init.ready ?? (async () => undefined),
          dispose: () => {
            probe.disposed++;
          },
        };
      }),
  };
  return { host, probe, item };
}

function handlerFor(host: SendHost | (() => SendHost)) {
  const reports: SendReport[] = [];
  const handler = createOnMessageSendHandler({ host: typeof host === "function" ? host : () => host, log: (r) => reports.push(r) });
  return { handler, reports };
}

const never = <T>() => new Promise<T>(() => undefined);

afterEach(() => {
  jest.useRealTimers();
});

describe("the OnMessageSend handler: completed exactly once, allowEvent true", () => {
  it("with tracking tokens off, stamps nothing (auto-stamp on or not), still finalizes a token stamped before, and lets the message go", async () => {
    // The record stays true: a draft stamped before tokens were turned off still goes out with its token.
    const { host, probe } = fakeHost({ settings: { ...ON, trackingEnabled: false } });
    const event = new FakeSendEvent();
    const report = await handlerFor(host).handler(event);
    expect(report).toEqual({ path: "skipped", decision: { action: "skip", reason: "tracking-off" }, finalized: FINALIZED });
    expect(event.calls).toEqual([{ allowEvent: true }]);
    expect(probe).toEqual({ authorityOpened: 1, stamps: 0, finalizes: 1, disposed: 1 });
  });

  it("stamps a draft without a token, then lets it go", async () => {
    const { host, probe } = fakeHost();
    const event = new FakeSendEvent();
    let completedBeforeStamp = false;
    const { handler } = handlerFor({
      ...host,
      openAuthority: async (settings) => {
        const authority = await host.openAuthority(settings);
        return {
          ...authority,
          stamper: {
            stamp: (item, s) => ((completedBeforeStamp = event.calls.length > 0), authority.stamper.stamp(item, s)),
            finalize: (item, s) => authority.stamper.finalize(item, s),
          },
        };
      },
    });
    const report = await handler(event);
    expect(report).toEqual({ path: "stamped", outcome: STAMPED, finalized: FINALIZED });
    expect(event.calls).toEqual([{ allowEvent: true }]);
    expect(completedBeforeStamp).toBe(false);
    expect(probe).toEqual({ authorityOpened: 1, stamps: 1, finalizes: 1, disposed: 1 });
  });

  it.each<[string, HostInit, SendReport["path"], string]>([
    ["the setting is off", { settings: { ...ON, autoStampOnSend: false } }, "skipped", "setting-off"],
    ["the draft already has a token of ours", { item: new FakeComposeItem({ subject: "RE: Quote CRM:00031003" }) }, "skipped", "already-stamped"],
    ["no safe counter in this runtime", { numbering: { available: false, reason: "No IndexedDB." } }, "skipped", "no-numbering"],
  ])("does not stamp when %s, and still finalizes", async (_name, init, path, reason) => {
    const { host, probe } = fakeHost(init);
    const event = new FakeSendEvent();
    const report = await handlerFor(host).handler(event);
    expect(report).toMatchObject({ path, decision: { reason }, finalized: FINALIZED });
    expect(event.calls).toEqual([{ allowEvent: true }]);
    expect(probe).toMatchObject({ stamps: 0, finalizes: 1, disposed: 1 });
  });

  it("lets a message go when setAsync fails (the number is burned, never reused)", async () => {
    const { host } = fakeHost({
      stamp: async () => ({ status: "failed", reason: "Outlook did not accept the new subject.", burnedToken: "CRM:00020001" }),
    });
    const event = new FakeSendEvent();
    const report = await handlerFor(host).handler(event);
    expect(report).toMatchObject({ path: "not-stamped", outcome: { status: "failed", burnedToken: "CRM:00020001" } });
    expect(event.calls).toEqual([{ allowEvent: true }]);
  });

  it("lets a message go when stamping is blocked (no user number, counter exhausted)", async () => {
    const { host } = fakeHost({ stamp: async () => ({ status: "blocked", kind: "no-user-number", reason: "Set your user number." }) });
    const event = new FakeSendEvent();
    expect(await handlerFor(host).handler(event)).toMatchObject({ path: "not-stamped" });
    expect(event.calls).toEqual([{ allowEvent: true }]);
  });

  it("does nothing for an item that is not a draft, or no item", async () => {
    const read: MailItemPort = { mode: "read", itemId: null, subject: "x", from: null, to: [], cc: [], received: null };
    for (const item of [null, read]) {
      const event = new FakeSendEvent();
      expect(await handlerFor(fakeHost({ item }).host).handler(event)).toEqual({ path: "no-draft" });
      expect(event.calls).toEqual([{ allowEvent: true }]);
    }
  });

  describe("unexpected exceptions", () => {
    it.each<[string, () => SendHost]>([
      ["building the host throws (Office.context missing)", () => {
        throw new TypeError("Cannot read properties of undefined (reading 'mailbox')");
      }],
      ["reading the subject fails", () => fakeHost({ item: new FakeComposeItem().failGetSubject() }).host],
      ["loading settings throws", () => ({ ...fakeHost().host, settings: { load: () => { throw new Error("roaming settings unreadable"); } } })],
      ["opening the authority rejects", () => fakeHost({ openAuthority: () => Promise.reject(new Error("IndexedDB blocked")) }).host],
      ["the stamper throws", () => fakeHost({ stamp: () => Promise.reject(new Error("bug")) }).host],
      ["finalizing throws", () => fakeHost({ settings: { ...ON, autoStampOnSend: false }, finalize: () => Promise.reject(new Error("bug")) }).host],
    ])("%s: completed once, reported as an error", async (_name, build) => {
      const event = new FakeSendEvent();
      const report = await handlerFor(build).handler(event);
      expect(report.path).toBe("error");
      expect(event.calls).toEqual([{ allowEvent: true }]);
    });

    it("disposes the authority when stamping throws", async () => {
      const { host, probe } = fakeHost({ stamp: () => Promise.reject(new Error("bug")) });
      await handlerFor(host).handler(new FakeSendEvent());
      expect(probe.disposed).toBe(1);
    });

    it("still settles when event.completed itself throws, and never calls it twice", async () => {
      const event = new FakeSendEvent();
      event.throwOnComplete = true;
      const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
      try {
        expect(await handlerFor(fakeHost().host).handler(event)).toMatchObject({ path: "stamped" });
      } finally {
        warn.mockRestore();
      }
      expect(event.calls).toHaveLength(1);
    });

    it("settles even when the logger throws", async () => {
      const event = new FakeSendEvent();
      const handler = createOnMessageSendHandler({ host: () => fakeHost().host, log: () => { throw new Error("log full"); } });
      expect(await handler(event)).toMatchObject({ path: "stamped" });
      expect(event.calls).toEqual([{ allowEvent: true }]);
    });
  });

  describe("the deadline", () => {
    it.each<[string, HostInit]>([
      ["the authority never answers", { stamp: () => never() }],
      ["the first connectivity check never ends", { ready: () => never() }],
      ["opening storage never ends", { openAuthority: () => never() }],
      ["finalizing never ends (auto-stamp off)", { settings: { ...ON, autoStampOnSend: false }, finalize: () => never() }],
    ])("%s: completes at the deadline, once", async (_name, init) => {
      jest.useFakeTimers();
      const event = new FakeSendEvent();
      const done = handlerFor(fakeHost(init).host).handler(event);
      await jest.advanceTimersByTimeAsync(DEFAULT_SEND_DEADLINE_MS - 1);
      expect(event.calls).toEqual([]);
      await jest.advanceTimersByTimeAsync(1);
      expect(event.calls).toEqual([{ allowEvent: true }]);
      expect(await done).toEqual({ path: "deadline", afterMs: DEFAULT_SEND_DEADLINE_MS });
    });

    it("is well under Outlook's 5 s long-running alert", () => {
      expect(DEFAULT_SEND_DEADLINE_MS).toBeLessThan(5000);
    });

    it("a stamp that finishes after the deadline does not complete again", async () => {
      jest.useFakeTimers();
      let finishStamp: (outcome: StampOutcome) => void = () => undefined;
      const { host, probe } = fakeHost({ stamp: () => new Promise((resolve) => (finishStamp = resolve)) });
      const event = new FakeSendEvent();
      const { handler, reports } = handlerFor(host);
      const done = handler(event);
      await jest.advanceTimersByTimeAsync(DEFAULT_SEND_DEADLINE_MS);
      expect(await done).toMatchObject({ path: "deadline" });
      finishStamp(STAMPED);
      await jest.advanceTimersByTimeAsync(0);
      expect(event.calls).toEqual([{ allowEvent: true }]);
      expect(reports.map((r) => r.path)).toEqual(["deadline"]);
      expect(probe.disposed).toBe(1);
    });

    it("a fast path clears the deadline timer", async () => {
      jest.useFakeTimers();
      const event = new FakeSendEvent();
      await handlerFor(fakeHost({ settings: { ...ON, autoStampOnSend: false } }).host).handler(event);
      expect(jest.getTimerCount()).toBe(0);
    });
  });
});

describe("completeOnce", () => {
  it("calls event.completed({ allowEvent: true }) the first time only", () => {
    const event = new FakeSendEvent();
    const complete = completeOnce(event);
    complete();
    complete();
    complete();
    expect(event.calls).toEqual([{ allowEvent: true }]);
  });
});
