/** The playground mailbox: seeding, replies, sending (with the OnMessageSend hook) and the settings layout. */
import { SETTINGS_KEY } from "../../../src/office/settingsPort";
import { parseAddressField } from "../../../src/playground/model/addressField";
import { MailboxModel } from "../../../src/playground/model/mailboxModel";
import { STORAGE_PREFIX } from "../../../src/playground/model/userStorage";
import { SEEDED_ROAMING_SETTINGS } from "../../../src/playground/model/samples";

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return { values, getItem: (k: string) => values.get(k) ?? null, setItem: (k: string, v: string) => void values.set(k, v), removeItem: (k: string) => void values.delete(k) };
}

describe("MailboxModel", () => {
  it("seeds the roaming settings under src/office's settings key, and only when nothing is stored", () => {
    expect(Object.keys(SEEDED_ROAMING_SETTINGS)).toEqual([SETTINGS_KEY]);
    const fresh = new MailboxModel({ storage: memoryStorage() });
    expect(JSON.parse(fresh.storage.loadRoamingSettings()[SETTINGS_KEY] ?? "null")).toEqual({ prefix: "CRM:", prefixHistory: ["ACME:"], userOrdinal: 2 });
    const key = `${STORAGE_PREFIX}roaming:${fresh.user.emailAddress}`;
    const kept = new MailboxModel({ storage: memoryStorage({ [key]: JSON.stringify({ counter: "5" }) }) });
    expect(kept.storage.loadRoamingSettings()).toEqual({ counter: "5" });
  });

  it("replies with RE: once, to the sender, copying the other recipients but not the user", () => {
    const model = new MailboxModel({ storage: memoryStorage() });
    const draft = model.mail.reply("inbox-history");
    // A subject that already starts with RE: gets no second one.
    expect(draft.subject).toBe("RE: RE: Delivery dates ACME:00020017");
    const quote = model.mail.reply("inbox-ours");
    expect(quote.subject).toBe("RE: Quote for 200 chairs CRM:00021003");
    expect(parseAddressField(quote.to).map((a) => a.emailAddress)).toEqual(["dana.buyer@fabrikam.com"]);
    expect(parseAddressField(quote.cc).map((a) => a.emailAddress)).toEqual(["lee@fabrikam.com"]);
  });

  it("replies to our own sent mail to its recipients again, naming nobody twice", () => {
    const model = new MailboxModel({ storage: memoryStorage() });
    const draft = model.mail.reply("sent-quote");
    expect(parseAddressField(draft.to).map((a) => a.emailAddress)).toEqual(["dana.buyer@fabrikam.com"]);
    expect(parseAddressField(draft.cc).map((a) => a.emailAddress)).toEqual(["lee@fabrikam.com"]);
    expect(draft.body).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it("sends through the OnMessageSend hook, which may block or change the subject; sent mail persists", async () => {
    const storage = memoryStorage();
    const model = new MailboxModel({ storage, now: () => new Date("2025-06-01T10:00:00Z") });
    model.mail.composeNew();
    expect(await model.mail.send()).toEqual({ status: "blocked", reason: "Add at least one recipient in To." });
    model.mail.updateDraft({ to: "dana.buyer@fabrikam.com", subject: "Quote" });
    model.mail.setSendHandler(async () => ({ allowEvent: false, errorMessage: "No token yet." }));
    expect(await model.mail.send()).toEqual({ status: "blocked", reason: "No token yet." });
    model.mail.setSendHandler(async (draft) => {
      model.host.setDraftSubject(draft.id, `${draft.subject} CRM:00021005`);
      return { allowEvent: true };
    });
    const result = await model.mail.send();
    expect(result.status).toBe("sent");
    expect(model.getState().draft).toBeNull();
    const reloaded = new MailboxModel({ storage });
    expect(reloaded.mail.messagesIn("sent").map((m) => m.subject)).toContain("Quote CRM:00021005");
  });
});
