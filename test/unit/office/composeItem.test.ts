import { createComposeItem, OfficeError } from "../../../src/office";
import { failed, officeComposeItem, supportsMailbox11, supportsNothing } from "./officeFakes";

describe("createComposeItem", () => {
  it("reads and sets the subject through Office callbacks", async () => {
    const { item, state } = officeComposeItem({ subject: "Quote" });
    const port = createComposeItem(item, { requirements: supportsMailbox11 });
    expect(port.mode).toBe("compose");
    expect(await port.getSubject()).toBe("Quote");
    await port.setSubject("Quote CRM:00020001");
    expect(state.subject).toBe("Quote CRM:00020001");
  });

  it("rejects with an OfficeError carrying Office's code when setAsync fails", async () => {
    const { item } = officeComposeItem({ setFails: failed(9000, "DataExceedsMaximumSize", "The data is too long.") });
    const port = createComposeItem(item, { requirements: supportsMailbox11 });
    const attempt = port.setSubject("x".repeat(300));
    await expect(attempt).rejects.toBeInstanceOf(OfficeError);
    await expect(attempt).rejects.toMatchObject({ code: 9000, officeName: "DataExceedsMaximumSize" });
  });

  it("gives recipients as plain addresses", async () => {
    const { item } = officeComposeItem({
      to: [{ emailAddress: "a@example.com", displayName: "A" }, { emailAddress: "" }],
      cc: [{ emailAddress: "c@example.com" }],
    });
    expect(await createComposeItem(item, { requirements: supportsMailbox11 }).getRecipients()).toEqual({ to: ["a@example.com"], cc: ["c@example.com"] });
  });

  it("can set the subject only with Mailbox 1.1 and subject.setAsync", async () => {
    expect(createComposeItem(officeComposeItem().item, { requirements: supportsMailbox11 }).canSetSubject).toBe(true);
    expect(createComposeItem(officeComposeItem().item, { requirements: supportsNothing }).canSetSubject).toBe(false);
    expect(createComposeItem(officeComposeItem().item).canSetSubject).toBe(false);
    const noSet = createComposeItem(officeComposeItem({ withSetAsync: false }).item, { requirements: supportsMailbox11 });
    expect(noSet.canSetSubject).toBe(false);
    await expect(noSet.setSubject("x")).rejects.toThrow(/cannot change the subject/);
  });

  it("keys a saved draft by its item id, an unsaved one by a key made once per item object", () => {
    expect(createComposeItem(officeComposeItem({ itemId: "AAMk1" }).item).draftKey).toBe("AAMk1");
    const { item } = officeComposeItem();
    let n = 0;
    const randomKey = () => `k${++n}`;
    const first = createComposeItem(item, { randomKey }).draftKey;
    expect(createComposeItem(item, { randomKey }).draftKey).toBe(first);
    expect(createComposeItem(officeComposeItem().item, { randomKey }).draftKey).not.toBe(first);
  });

  it("turns a synchronous throw from Office into a rejection", async () => {
    const { item } = officeComposeItem();
    const throwing = { ...item, subject: { getAsync: () => { throw new Error("API not available"); } } };
    await expect(createComposeItem(throwing).getSubject()).rejects.toThrow("API not available");
  });
});
