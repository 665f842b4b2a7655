/** Two users in the playground: who is signed in, mail delivered between them, the customer's reply, the service setting. */
import { MailboxModel } from "../../../src/playground/model/mailboxModel";
import { STORAGE_PREFIX, type KeyValueStorage } from "../../../src/playground/model/userStorage";
import { COLLEAGUE_USER, PLAYGROUND_USER } from "../../../src/playground/model/samples";
import { modelOptionsFor, readSession } from "../../../src/playground/session";

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const noFetch = (() => Promise.reject(new Error("no network in this test"))) as typeof fetch;

describe("playground session", () => {
  it("signs in as the user the URL names, remembers them and the service, and defaults to Pat", () => {
    const storage = memoryStorage();
    expect(readSession({ search: "" }, storage)).toEqual({ user: PLAYGROUND_USER, serviceUrl: "", serviceOn: false, device: "laptop" });
    expect(readSession({ search: "?user=sam&service=http://127.0.0.1:3002/" }, storage)).toEqual({ user: COLLEAGUE_USER, serviceUrl: "http://127.0.0.1:3002", serviceOn: true, device: "laptop" });
    expect(readSession({ search: "" }, storage)).toMatchObject({ user: COLLEAGUE_USER, serviceUrl: "http://127.0.0.1:3002" });
    expect(readSession({ search: "?service=" }, storage)).toMatchObject({ serviceUrl: "", serviceOn: false });
  });

  it("delivers mail to a colleague in Cc, and the customer's reply-all to both", () => {
    const storage = memoryStorage();
    const session = { user: PLAYGROUND_USER, serviceUrl: "", serviceOn: false, device: "laptop" as const };
    const pat = new MailboxModel(modelOptionsFor(session, storage, noFetch));
    pat.mail.composeNew();
    pat.mail.updateDraft({ to: "Dana Buyer <dana.buyer@fabrikam.com>", cc: COLLEAGUE_USER.emailAddress, subject: "Quote CRM:00010001" });
    return pat.mail.send().then((result) => {
      if (result.status !== "sent") throw new Error(result.reason);
      const reply = pat.mail.simulateCustomerReply(result.message.id);
      expect(reply).toMatchObject({ folder: "inbox", subject: "RE: Quote CRM:00010001", from: { emailAddress: "dana.buyer@fabrikam.com" } });
      expect(reply.cc.map((a) => a.emailAddress)).toEqual([COLLEAGUE_USER.emailAddress]);
      expect(pat.getState().selectedId).toBe(reply.id);

      const sam = new MailboxModel(modelOptionsFor({ ...session, user: COLLEAGUE_USER }, storage, noFetch));
      expect(sam.mail.messagesIn("inbox").map((m) => m.subject)).toEqual(expect.arrayContaining(["Quote CRM:00010001", "RE: Quote CRM:00010001"]));
      expect(sam.mail.messagesIn("sent")).toEqual([]);
      // Pat's mailbox is unchanged by Sam's: his own settings, seeded with ordinal 3.
      expect(JSON.parse(sam.storage.loadRoamingSettings()["settings"] ?? "{}")).toMatchObject({ userOrdinal: 3 });
      expect(storage.data.has(`${STORAGE_PREFIX}inbox:${COLLEAGUE_USER.emailAddress}`)).toBe(true);
    });
  });

  it("sets the service URL in the user's stored settings, keeping the rest", () => {
    const storage = memoryStorage();
    const model = new MailboxModel(modelOptionsFor({ user: PLAYGROUND_USER, serviceUrl: "http://127.0.0.1:3002", serviceOn: true, device: "laptop" }, storage, noFetch));
    model.settings.setServiceUrl("http://127.0.0.1:3002");
    expect(model.settings.serviceUrl()).toBe("http://127.0.0.1:3002");
    expect(JSON.parse(model.storage.loadRoamingSettings()["settings"] ?? "{}")).toMatchObject({ prefix: "CRM:", userOrdinal: 2, serviceUrl: "http://127.0.0.1:3002" });
    model.settings.setServiceUrl("");
    expect(model.settings.serviceUrl()).toBe("");
  });
});

describe("the device switch", () => {
  it("opens on the laptop, follows ?device=phone and remembers it, and ignores unknown devices", () => {
    const storage = memoryStorage();
    expect(readSession({ search: "" }, storage).device).toBe("laptop");
    expect(readSession({ search: "?device=phone" }, storage).device).toBe("phone");
    expect(readSession({ search: "" }, storage).device).toBe("phone");
    expect(readSession({ search: "?device=toaster" }, storage).device).toBe("laptop");
  });
});
