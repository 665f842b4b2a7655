/** @jest-environment jsdom */
/**
 * The fake Office against Office's documented behaviour: asynchronous callbacks, AsyncResult's
 * shape, the 255-character subject limit, the 32 KB roaming limit, offline saves, ItemChanged with
 * no item, and onReady's host.
 */
import { createFakeOffice, type FakeAsyncResult, ITEM_CHANGED_EVENT, RECIPIENTS_CHANGED_EVENT, overrideOnLine, type PaneWindow } from "../../../src/playground/fakeOffice/fakeOffice";
import { MailboxModel } from "../../../src/playground/model/mailboxModel";
import { STORAGE_PREFIX } from "../../../src/playground/model/userStorage";
import { SEEDED_ROAMING_SETTINGS } from "../../../src/playground/model/samples";
import type { Surface } from "../../../src/playground/model/paneHost";

function memoryStorage() {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
}

function setup(surface: Surface, prepare: (model: MailboxModel) => void = () => undefined) {
  const storage = memoryStorage();
  const model = new MailboxModel({ storage });
  model.simulator.setOptions({ itemLatencyMs: 0, roamingLatencyMs: 0 });
  prepare(model);
  const fake = createFakeOffice({ win: window as PaneWindow, host: model.host, surface });
  fake.initialize();
  const office = fake.office;
  const context = office.context!;
  return { model, storage, fake, office, context };
}

/** Calls an Office async method and resolves with the AsyncResult, recording whether it came synchronously. */
function call<T>(start: (callback: (result: FakeAsyncResult<T>) => void) => void): Promise<{ result: FakeAsyncResult<T>; synchronous: boolean }> {
  return new Promise((resolve) => {
    let returned = false;
    start((result) => resolve({ result, synchronous: !returned }));
    returned = true;
  });
}

type ComposeLike = {
  subject: { getAsync: (...args: unknown[]) => void; setAsync: (subject: unknown, ...args: unknown[]) => void };
  to: { getAsync: (...args: unknown[]) => void };
  cc: { getAsync: (...args: unknown[]) => void };
};
type ReadLike = { itemId: string; subject: string; dateTimeCreated: Date; from: { emailAddress: string }; to: unknown[]; cc: unknown[] };

const flush = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("Office.onReady and Office.initialize", () => {
  it("resolves onReady with host Outlook and a platform, and calls Office.initialize first", async () => {
    const model = new MailboxModel({ storage: memoryStorage() });
    const fake = createFakeOffice({ win: window as PaneWindow, host: model.host, surface: "read" });
    const order: string[] = [];
    fake.office.initialize = (reason) => order.push(`initialize:${reason}`);
    const ready = fake.office.onReady((info) => order.push(`callback:${info.host}`));
    expect(fake.office.context).toBeUndefined();
    fake.initialize();
    const info = await ready;
    await flush();
    expect(info).toEqual({ host: "Outlook", platform: "OfficeOnline" });
    expect(info.host).toBe(fake.office.HostType.Outlook);
    expect(order).toEqual(["initialize:inserted", "callback:Outlook"]);
    expect(fake.office.context).toBeDefined();
  });
});

describe("callbacks", () => {
  it("are never called synchronously and carry Office's AsyncResult shape with asyncContext", async () => {
    const { context } = setup("compose", (m) => {
      m.mail.composeNew();
      m.mail.updateDraft({ subject: "Quote", to: "Dana <dana.buyer@fabrikam.com>; lee@fabrikam.com" });
    });
    const item = context.mailbox.item as unknown as ComposeLike;
    const got = await call<string>((cb) => item.subject.getAsync({ asyncContext: { n: 1 } }, cb));
    expect(got.synchronous).toBe(false);
    expect(got.result).toEqual({ status: "succeeded", value: "Quote", asyncContext: { n: 1 } });

    const to = await call<unknown[]>((cb) => item.to.getAsync(cb));
    expect(to.synchronous).toBe(false);
    expect(to.result.value).toEqual([
      { displayName: "Dana", emailAddress: "dana.buyer@fabrikam.com", recipientType: "externalUser" },
      { displayName: "lee@fabrikam.com", emailAddress: "lee@fabrikam.com", recipientType: "externalUser" },
    ]);
    const saved = await call<void>((cb) => context.roamingSettings.saveAsync(cb));
    expect(saved.synchronous).toBe(false);
  });

  it("sets the subject on the mailbox's draft (the single source of truth)", async () => {
    const { context, model } = setup("compose", (m) => void m.mail.composeNew());
    const item = context.mailbox.item as unknown as ComposeLike;
    const set = await call<void>((cb) => item.subject.setAsync("Quote CRM:00021004", cb));
    expect(set.result.status).toBe("succeeded");
    expect(model.getState().draft?.subject).toBe("Quote CRM:00021004");
  });

  it("fails with APICallFailedDueToItemChange once the draft was sent or discarded", async () => {
    const { context, model } = setup("compose", (m) => void m.mail.composeNew());
    const item = context.mailbox.item as unknown as ComposeLike;
    const pending = call<void>((cb) => item.subject.setAsync("Late", cb));
    model.mail.discardDraft();
    const { result } = await pending;
    expect(result.status).toBe("failed");
    expect(result.error).toMatchObject({ code: 9030, name: "APICallFailedDueToItemChange" });
  });
});

describe("subject.setAsync past 255 characters", () => {
  it("fails with DataExceedsMaximumSize and leaves the subject unchanged (as documented)", async () => {
    const { context, model } = setup("compose", (m) => {
      m.mail.composeNew();
      m.mail.updateDraft({ subject: "Before" });
    });
    const item = context.mailbox.item as unknown as ComposeLike;
    const ok = await call<void>((cb) => item.subject.setAsync("x".repeat(255), cb));
    expect(ok.result.status).toBe("succeeded");
    model.mail.updateDraft({ subject: "Before" });

    const { result, synchronous } = await call<void>((cb) => item.subject.setAsync("x".repeat(256), { asyncContext: "ctx" }, cb));
    expect(synchronous).toBe(false);
    expect(result.status).toBe("failed");
    expect(result.asyncContext).toBe("ctx");
    expect(result.error).toEqual({ code: "DataExceedsMaximumSize", name: "DataExceedsMaximumSize", message: expect.stringContaining("255") });
    expect(model.getState().draft?.subject).toBe("Before");
  });

  it("throws Sys.ArgumentOutOfRangeException synchronously when set to office.js's behaviour", () => {
    const { context, model } = setup("compose", (m) => {
      m.mail.composeNew();
      m.simulator.setOptions({ subjectLimit: "throws" });
    });
    const item = context.mailbox.item as unknown as ComposeLike;
    const callback = jest.fn();
    expect(() => item.subject.setAsync("x".repeat(256), callback)).toThrow(expect.objectContaining({ name: "Sys.ArgumentOutOfRangeException" }));
    expect(callback).not.toHaveBeenCalled();
    expect(model.getState().draft?.subject).toBe("");
  });
});

describe("roaming settings", () => {
  it("start from the seeded settings and persist under the user's key", async () => {
    const { context, storage, model } = setup("read");
    expect(context.roamingSettings.get("settings")).toEqual(SEEDED_ROAMING_SETTINGS.settings);
    context.roamingSettings.set("counter", 1004);
    context.roamingSettings.remove("settings");
    await call<void>((cb) => context.roamingSettings.saveAsync(cb));
    expect(JSON.parse(storage.values.get(`${STORAGE_PREFIX}roaming:${model.user.emailAddress}`) ?? "{}")).toEqual({ counter: "1004" });
  });

  it("are an in-memory copy loaded when the pane loads: another pane's save is not seen until reload", async () => {
    const { context: first, model } = setup("read");
    const second = createFakeOffice({ win: window as PaneWindow, host: model.host, surface: "compose" });
    second.initialize();
    first.roamingSettings.set("counter", 7);
    await call<void>((cb) => first.roamingSettings.saveAsync(cb));
    expect(second.office.context!.roamingSettings.get("counter")).toBeUndefined();
  });

  it("fail past 32 KB with Office's settings error and keep what was stored", async () => {
    const { context, storage, model } = setup("read");
    const key = `${STORAGE_PREFIX}roaming:${model.user.emailAddress}`;
    const before = storage.values.get(key);
    context.roamingSettings.set("log", "x".repeat(32 * 1024));
    const { result, synchronous } = await call<void>((cb) => context.roamingSettings.saveAsync({ asyncContext: 3 }, cb));
    expect(synchronous).toBe(false);
    expect(result).toMatchObject({ status: "failed", asyncContext: 3, error: { code: 9019, name: "GenericSettingsError" } });
    expect(result.error?.message).toMatch(/32 KB/);
    expect(storage.values.get(key)).toBe(before);
  });

  it("fail like a network failure while the mailbox works offline", async () => {
    const { context, storage, model } = setup("read");
    const key = `${STORAGE_PREFIX}roaming:${model.user.emailAddress}`;
    const before = storage.values.get(key);
    model.simulator.setOffline(true);
    context.roamingSettings.set("counter", 9);
    const offline = await call<void>((cb) => context.roamingSettings.saveAsync(cb));
    expect(offline.result).toMatchObject({ status: "failed", error: { code: 9041, name: "NetworkError" } });
    expect(storage.values.get(key)).toBe(before);
    model.simulator.setOffline(false);
    const online = await call<void>((cb) => context.roamingSettings.saveAsync(cb));
    expect(online.result.status).toBe("succeeded");
  });
});

describe("ItemChanged (a pinned read pane)", () => {
  it("updates mailbox.item first, then calls the handler asynchronously; null when nothing is selected", async () => {
    const { context, office, model } = setup("read", (m) => m.mail.selectMessage("inbox-ours"));
    expect((context.mailbox.item as unknown as ReadLike).subject).toBe("RE: Quote for 200 chairs CRM:00021003");
    const seen: (string | null)[] = [];
    const added = await call<void>((cb) =>
      context.mailbox.addHandlerAsync(
        office.EventType.ItemChanged,
        (event: { type: string }) => {
          expect(event.type).toBe(ITEM_CHANGED_EVENT);
          seen.push((context.mailbox.item as unknown as ReadLike | null)?.subject ?? null);
        },
        cb,
      ),
    );
    expect(added.result.status).toBe("succeeded");

    model.mail.selectMessage("inbox-history");
    expect(seen).toEqual([]);
    expect((context.mailbox.item as unknown as ReadLike).subject).toBe("RE: RE: Delivery dates ACME:00020017");
    await flush();
    expect(seen).toEqual(["RE: RE: Delivery dates ACME:00020017"]);

    model.mail.selectMessage(null);
    await flush();
    expect(context.mailbox.item).toBeNull();
    expect(seen).toEqual(["RE: RE: Delivery dates ACME:00020017", null]);
  });

  it("gives read items Mailbox 1.1's shape: subject string, address details, a Date", () => {
    const { context } = setup("read", (m) => m.mail.selectMessage("inbox-ours"));
    const item = context.mailbox.item as unknown as ReadLike;
    expect(item.dateTimeCreated).toBeInstanceOf(Date);
    expect(item.dateTimeCreated.toISOString()).toBe("2025-05-14T09:12:00.000Z");
    expect(item.from.emailAddress).toBe("dana.buyer@fabrikam.com");
    expect(Array.isArray(item.to) && Array.isArray(item.cc)).toBe(true);
    expect(typeof item.itemId).toBe("string");
  });

  it("rejects ItemChanged on hosts below Mailbox 1.5, where the event does not exist", () => {
    const { context, office } = setup("read", (m) => m.simulator.setOptions({ mailboxVersion: "1.4" }));
    expect(context.requirements.isSetSupported("Mailbox", "1.5")).toBe(false);
    expect(context.requirements.isSetSupported("Mailbox", 1.1)).toBe(true);
    expect(() => context.mailbox.addHandlerAsync(office.EventType.ItemChanged, () => undefined)).toThrow(expect.objectContaining({ name: "Sys.ArgumentException" }));
  });
});

describe("NestedAppAuth 1.1", () => {
  it("is supported unless the host's sign-in is set to unsupported, read on each call", () => {
    const { context, model } = setup("compose");
    expect(context.requirements.isSetSupported("NestedAppAuth", "1.1")).toBe(true);
    expect(context.requirements.isSetSupported("NestedAppAuth", "1.2")).toBe(false);
    model.simulator.setOptions({ nestedAppAuth: "unsupported" });
    expect(context.requirements.isSetSupported("NestedAppAuth", "1.1")).toBe(false);
  });
});

describe("RecipientsChanged (Mailbox 1.7, on the draft)", () => {
  type WithEvents = { addHandlerAsync: (eventType: unknown, handler: unknown, callback?: unknown) => void };

  it("calls the draft's handler asynchronously when To or Cc change, not when the subject does", async () => {
    const { context, office, model } = setup("compose", (m) => void m.mail.composeNew());
    const item = context.mailbox.item as unknown as WithEvents;
    const seen: string[] = [];
    const added = await call<void>((cb) => item.addHandlerAsync(office.EventType.RecipientsChanged, (event: { type: string }) => seen.push(event.type), cb));
    expect(added.result.status).toBe("succeeded");
    model.mail.updateDraft({ subject: "Offer" });
    model.mail.updateDraft({ to: "dana.buyer@fabrikam.com" });
    expect(seen).toEqual([]);
    await flush();
    expect(seen).toEqual([RECIPIENTS_CHANGED_EVENT]);
    model.mail.updateDraft({ cc: "sam.colleague@contoso.com" });
    await flush();
    expect(seen).toHaveLength(2);
  });

  it("rejects it below Mailbox 1.7", () => {
    const { context, office } = setup("compose", (m) => {
      m.simulator.setOptions({ mailboxVersion: "1.5" });
      void m.mail.composeNew();
    });
    const item = context.mailbox.item as unknown as WithEvents;
    expect(() => item.addHandlerAsync(office.EventType.RecipientsChanged, () => undefined)).toThrow(expect.objectContaining({ name: "Sys.ArgumentException" }));
  });
});

describe("Work offline", () => {
  it("makes navigator.onLine false and dispatches offline/online on the pane's window", () => {
    const { model } = setup("read");
    overrideOnLine(window as PaneWindow, model.host);
    const events: string[] = [];
    const listener = (event: Event) => events.push(event.type);
    window.addEventListener("offline", listener);
    window.addEventListener("online", listener);
    expect(navigator.onLine).toBe(true);
    model.simulator.setOffline(true);
    expect(navigator.onLine).toBe(false);
    model.simulator.setOffline(false);
    expect(navigator.onLine).toBe(true);
    expect(events).toEqual(["offline", "online"]);
    window.removeEventListener("offline", listener);
    window.removeEventListener("online", listener);
  });
});
