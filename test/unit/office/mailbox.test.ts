import { createMailbox, createOfficePorts } from "../../../src/office";
import type { OfficeLike, ReadItemLike } from "../../../src/office";
import { failed, officeComposeItem, succeeded, supportsMailbox11 } from "./officeFakes";

function fakeOffice(item: OfficeLike["context"]["mailbox"]["item"], addFails = false) {
  const handlers: Array<() => void> = [];
  const office = {
    EventType: { ItemChanged: "olkItemSelectedChanged" },
    context: {
      requirements: supportsMailbox11,
      roamingSettings: { get: () => undefined, set: () => undefined, remove: () => undefined, saveAsync: (cb?: (r: never) => void) => cb?.(succeeded(undefined) as never) },
      mailbox: {
        item,
        userProfile: { emailAddress: "me@example.com" },
        addHandlerAsync: jest.fn((type: unknown, handler: () => void, cb?: (r: ReturnType<typeof succeeded<void>>) => void) => {
          expect(type).toBe("olkItemSelectedChanged");
          if (addFails) return cb?.(failed(5000, "APINotSupported", "Not supported"));
          handlers.push(handler);
          cb?.(succeeded(undefined));
        }),
      },
    },
  };
  return { office: office as unknown as OfficeLike & typeof office, fire: () => handlers.forEach((h) => h()), handlers };
}

const readItem: ReadItemLike = { subject: "Hello CRM:00021003", from: { emailAddress: "c@example.com" }, to: [], cc: [] };

describe("createMailbox", () => {
  it("gives null when nothing is selected (pinned pane)", () => {
    expect(createMailbox(fakeOffice(null).office).currentItem()).toBeNull();
  });

  it("tells read from compose items and keeps one compose port per draft", () => {
    const { office } = fakeOffice(readItem);
    const mailbox = createMailbox(office);
    expect(mailbox.userEmail).toBe("me@example.com");
    expect(mailbox.currentItem()).toMatchObject({ mode: "read", subject: "Hello CRM:00021003", from: "c@example.com" });
    const compose = officeComposeItem().item;
    (office.context.mailbox as { item: unknown }).item = compose;
    const first = mailbox.currentItem();
    expect(first).toMatchObject({ mode: "compose", canSetSubject: true });
    expect(mailbox.currentItem()).toBe(first);
  });

  it("registers one ItemChanged handler and fans out to every listener until unsubscribed", async () => {
    const { office, fire } = fakeOffice(null);
    const mailbox = createMailbox(office);
    const a = jest.fn();
    const b = jest.fn();
    const offA = await mailbox.onItemChanged(a);
    await mailbox.onItemChanged(b);
    expect(office.context.mailbox.addHandlerAsync).toHaveBeenCalledTimes(1);
    fire();
    offA();
    fire();
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
  });

  it("never lets a failing listener throw into Office", async () => {
    const { office, fire } = fakeOffice(null);
    const mailbox = createMailbox(office);
    const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const after = jest.fn();
    await mailbox.onItemChanged(() => {
      throw new Error("listener bug");
    });
    await mailbox.onItemChanged(after);
    expect(fire).not.toThrow();
    expect(after).toHaveBeenCalled();
    error.mockRestore();
  });

  it("rejects when Office refuses the handler, and lets a later call try again", async () => {
    const { office } = fakeOffice(null, true);
    const mailbox = createMailbox(office);
    await expect(mailbox.onItemChanged(() => undefined)).rejects.toMatchObject({ name: "OfficeError", code: 5000 });
    await expect(mailbox.onItemChanged(() => undefined)).rejects.toMatchObject({ code: 5000 });
    expect(office.context.mailbox.addHandlerAsync).toHaveBeenCalledTimes(2);
  });

  it("builds every port from one Office object", () => {
    const ports = createOfficePorts(fakeOffice(null).office);
    expect(ports.mailbox.currentItem()).toBeNull();
    expect(ports.settings.load().problems).toEqual([]);
    expect(ports.roaming.get("settings")).toBeUndefined();
  });
});
