/**
 * The handler over the real Office host adapter, standalone authority and IndexedDB storage (fake
 * Office objects, fake-indexeddb, in-process Web Locks): the path a browser runtime takes, and the
 * path classic Outlook on Windows takes, where there is no IndexedDB.
 */
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { createOfficeSendHost, deviceCounterSupport, noConnectivityEvents } from "../../../src/commands/officeSendHost";
import type { SendEnvironment } from "../../../src/commands/officeSendHost";
import { createOnMessageSendHandler } from "../../../src/commands/onMessageSend";
import type { SendReport } from "../../../src/commands/onMessageSend";
import type { OfficeLike } from "../../../src/office";
import { createServiceClient } from "../../../src/authority/service";
import { FakeLockManager } from "../../fakes";
import { indexedDbStorage } from "../../../src/storage/indexedDbStorage";
import { ContractServer, TestTokens } from "../authority/service/contractServer";
import { failed, officeComposeItem, succeeded } from "../office/officeFakes";

type RoamingBehaviour = "ok" | "offline" | "hang";

function fakeOffice(subject: string, settings: Record<string, unknown>, roaming: { behaviour: RoamingBehaviour }) {
  const compose = officeComposeItem({ subject, to: [{ emailAddress: "dana@fabrikam.com" }] });
  const values: Record<string, unknown> = { settings };
  const office: OfficeLike = {
    context: {
      mailbox: {
        item: compose.item,
        userProfile: { emailAddress: "pat@contoso.com" },
        addHandlerAsync: (_type, _handler, callback) => callback?.(succeeded(undefined)),
      },
      roamingSettings: {
        get: (name) => values[name],
        set: (name, value) => {
          values[name] = value;
        },
        remove: (name) => {
          delete values[name];
        },
        saveAsync: (callback) => {
          if (roaming.behaviour === "hang") return;
          setTimeout(() => callback?.(roaming.behaviour === "ok" ? succeeded(undefined) : failed(9041, "NetworkError", "The network is gone.")), 1);
        },
      },
      requirements: { isSetSupported: (name, version) => name === "Mailbox" && Number(version ?? "1.1") <= 1.13 },
    },
    EventType: { ItemChanged: "olkItemSelectedChanged" },
  };
  return { office, compose };
}

/** Runs `work` as classic Outlook's JavaScript-only runtime would: no indexedDB global (Node has no navigator.locks either). */
async function withoutGlobalIndexedDb<T>(work: () => Promise<T>): Promise<T> {
  const global = globalThis as { indexedDB?: unknown };
  const saved = global.indexedDB;
  delete global.indexedDB;
  try {
    return await work();
  } finally {
    global.indexedDB = saved;
  }
}

const autoStampOn = { prefix: "CRM:", userOrdinal: 2, autoStampOnSend: true };

type SendOptions = {
  online?: boolean;
  roaming?: RoamingBehaviour;
  storage?: SendEnvironment["storage"] | null;
  settings?: Record<string, unknown>;
  serviceClient?: SendEnvironment["serviceClient"];
};

async function send(subject: string, options: SendOptions = {}) {
  const { office, compose } = fakeOffice(subject, options.settings ?? autoStampOn, { behaviour: options.roaming ?? "ok" });
  const storage = options.storage === null ? undefined : (options.storage ?? { indexedDB: new IDBFactory(), locks: new FakeLockManager() });
  const events = new EventTarget();
  const calls: unknown[] = [];
  const handler = createOnMessageSendHandler({
    host: () =>
      createOfficeSendHost(office, {
        events: storage ? events : noConnectivityEvents,
        isOnline: () => options.online ?? true,
        now: () => 1_700_000_000_000,
        ...(storage ? { storage } : {}),
        deviceStorage: indexedDbStorage(storage ?? {}),
        ...(options.serviceClient ? { serviceClient: options.serviceClient } : {}),
      }),
    log: () => undefined,
  });
  const report: SendReport = await handler({ completed: (o) => calls.push(o) });
  return { report, subject: compose.state.subject, calls };
}

describe("the send handler over Office, the standalone authority and IndexedDB", () => {
  it("online: stamps with designator 0 from the mailbox counter", async () => {
    const { report, subject, calls } = await send("Quote for Q3");
    expect(report).toMatchObject({ path: "stamped", outcome: { designator: 0 } });
    expect(subject).toMatch(/^Quote for Q3 CRM:0002\d{4}$/);
    expect(calls).toEqual([{ allowEvent: true }]);
  });

  it("offline (navigator.onLine false): stamps with designator 1 from the device counter", async () => {
    const { report, subject, calls } = await send("Quote for Q3", { online: false, roaming: "offline" });
    expect(report).toMatchObject({ path: "stamped", outcome: { designator: 1 } });
    expect(subject).toMatch(/^Quote for Q3 CRM:1002\d{4}$/);
    expect(calls).toEqual([{ allowEvent: true }]);
  });

  it("the mailbox does not answer the ping: falls back to offline numbering within the deadline", async () => {
    // The mailbox never answers: only the ping's deadline lets the send go on.
    const { report, subject, calls } = await send("Quote", { roaming: "hang" });
    expect(report).toMatchObject({ path: "stamped", outcome: { designator: 1 } });
    expect(subject).toMatch(/^Quote CRM:1002\d{4}$/);
    expect(calls).toEqual([{ allowEvent: true }]);
  });

  it("leaves a message that has a token of ours alone", async () => {
    const { report, subject } = await send("RE: Quote CRM:00031003");
    expect(report).toMatchObject({ path: "skipped", decision: { reason: "already-stamped" } });
    expect(subject).toBe("RE: Quote CRM:00031003");
  });

  it("does nothing when auto-stamp is off (the default)", async () => {
    const { report, subject, calls } = await send("Quote", { settings: { prefix: "CRM:", userOrdinal: 2 } });
    expect(report).toMatchObject({ path: "skipped", decision: { reason: "setting-off" } });
    expect(subject).toBe("Quote");
    expect(calls).toEqual([{ allowEvent: true }]);
  });

  it("a JavaScript-only runtime (no IndexedDB, no window): sends unstamped, never with an unsafe counter", async () => {
    const { report, subject, calls } = await withoutGlobalIndexedDb(() => send("Quote", { storage: null }));
    expect(report).toMatchObject({ path: "skipped", decision: { reason: "no-numbering" } });
    expect(subject).toBe("Quote");
    expect(calls).toEqual([{ allowEvent: true }]);
  });

  it("no user number yet: sends unstamped", async () => {
    const { report, subject } = await send("Quote", { settings: { prefix: "CRM:", autoStampOnSend: true } });
    expect(report).toMatchObject({ path: "not-stamped", outcome: { status: "blocked", kind: "no-user-number" } });
    expect(subject).toBe("Quote");
  });
});

describe("the send handler with a tracking service in settings (the button's choice too)", () => {
  let server: ContractServer;
  beforeEach(async () => {
    server = await new ContractServer().start();
  });
  afterEach(async () => {
    await server.stop();
  });

  const serviceClient = () => createServiceClient({ baseUrl: server.url, fetch: (url, init) => fetch(url, init), tokens: new TestTokens("pat@contoso.com", "Pat"), retryDelayMs: 10 });

  it("numbers online from the service, even in a JavaScript-only runtime (no device counter)", async () => {
    const { report, subject, calls } = await withoutGlobalIndexedDb(() =>
      send("Quote", { storage: null, settings: { prefix: "CRM:", autoStampOnSend: true, serviceUrl: server.url }, serviceClient }),
    );
    expect(report).toMatchObject({ path: "stamped", outcome: { designator: 0 } });
    expect(subject).toMatch(/^Quote CRM:0\d{7}$/);
    expect(calls).toEqual([{ allowEvent: true }]);
  });

  it("service down and no device counter: sends unstamped, within the deadline", async () => {
    await server.stop();
    const { report, subject, calls } = await withoutGlobalIndexedDb(() =>
      send("Quote", { storage: null, settings: { prefix: "CRM:", autoStampOnSend: true, serviceUrl: "http://127.0.0.1:9" }, serviceClient }),
    );
    expect(["not-stamped", "deadline"]).toContain(report.path);
    expect(subject).toBe("Quote");
    expect(calls).toEqual([{ allowEvent: true }]);
    server = await new ContractServer().start();
  });
});

describe("deviceCounterSupport", () => {
  it("needs both IndexedDB and Web Locks", async () => {
    expect(deviceCounterSupport({ indexedDB: new IDBFactory(), locks: new FakeLockManager() })).toEqual({ available: true });
    expect(await withoutGlobalIndexedDb(async () => deviceCounterSupport({}))).toMatchObject({ available: false, reason: expect.stringContaining("JavaScript-only runtime") });
    expect(deviceCounterSupport({ indexedDB: new IDBFactory() })).toMatchObject({ available: false });
  });
});
