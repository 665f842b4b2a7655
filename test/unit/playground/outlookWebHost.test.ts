/** @jest-environment jsdom */
/**
 * The playground's Outlook on the web host: what it answers to the handshake and to each dispatch
 * id, from the playground's mailbox. The endpoint here records what the host registers; in the
 * browser it is Microsoft's (officeJs.e2e.mjs runs office.js against it).
 */
import { MailboxModel } from "../../../src/playground/model/mailboxModel";
import { officeLibraryOf, paneSource } from "../../../src/playground/outlookHost/officeLibrary";
import { DispatchId, type MicrosoftCommon, startOutlookWebHost } from "../../../src/playground/outlookHost/outlookWebHost";

type Send = (result: unknown) => void;

function hostedModel() {
  jest.useFakeTimers();
  const model = new MailboxModel({ storage: window.localStorage });
  const methods = new Map<string, (params: unknown, send: Send) => void>();
  const events = new Map<string, (send: Send, params: unknown) => unknown>();
  const common: MicrosoftCommon = {
    InvokeType: { async: 0 },
    XdmCommunicationManager: {
      createServiceEndPoint: () => ({
        registerConversation: () => undefined,
        registerMethod: (name, method) => void methods.set(name, method),
        registerEvent: (name, register) => void events.set(name, register),
      }),
    },
  };
  startOutlookWebHost({ win: window, common, host: model.host });
  /** Calls a registered method as Microsoft's endpoint does and returns what the host sent. */
  const call = (name: string, params: unknown): unknown => {
    let sent: unknown = "nothing sent";
    methods.get(name)?.(params, (result) => {
      sent = result;
    });
    jest.runAllTimers();
    return sent;
  };
  const execute = (surface: "compose" | "read", dispatchId: number, apiParams?: unknown) =>
    call("ExecuteMethod", { ApiParams: apiParams, MethodData: { ControlId: `playground-${surface}`, DispatchId: dispatchId } });
  return { model, call, execute, events };
}

afterEach(() => {
  jest.useRealTimers();
  window.localStorage.clear();
});

describe("the Outlook on the web host", () => {
  it("answers the handshake with an Outlook Web App context, its requirement sets and the roaming settings", () => {
    const { call, model } = hostedModel();
    const context = call("ContextActivationManager_getAppContextAsync", "playground-compose") as Record<string, unknown>;
    expect(context._appName).toBe(64);
    expect(JSON.parse(String(context._requirementMatrix))).toEqual({ Mailbox: "1.13", NestedAppAuth: "1.1" });
    expect(context._settings).toEqual(model.host.loadRoamingSettings());
  });

  it("gives a read item's initial data for the read pane, and a compose item for the compose pane", () => {
    const { call, model } = hostedModel();
    const message = model.mail.messagesIn("inbox")[0];
    model.mail.selectMessage(message?.id ?? null);
    const read = call("GetInitialData", { MethodData: { ControlId: "playground-read", DispatchId: DispatchId.GetInitialData } }) as Record<string, unknown>;
    expect(read).toMatchObject({ itemType: 1, subject: message?.subject, userEmailAddress: model.user.emailAddress });
    model.mail.composeNew();
    const compose = call("GetInitialData", { MethodData: { ControlId: "playground-compose", DispatchId: DispatchId.GetInitialData } }) as Record<string, unknown>;
    expect(compose).toMatchObject({ itemType: 4, permissionLevel: 3 });
  });

  it("gets and sets the open draft's subject (18, 17), and fails with 9030 once no draft is open", () => {
    const { execute, model } = hostedModel();
    model.mail.composeNew();
    model.mail.updateDraft({ subject: "Quote" });
    expect(execute("compose", DispatchId.GetSubject)).toMatchObject({ wasSuccessful: true, data: "Quote" });
    expect(execute("compose", DispatchId.SetSubject, { subject: "Quote CRM:00021004" })).toMatchObject({ wasSuccessful: true });
    expect(model.mail.getState().draft?.subject).toBe("Quote CRM:00021004");
    model.mail.discardDraft();
    expect(execute("compose", DispatchId.GetSubject)).toMatchObject({ error: true, errorCode: 9030 });
  });

  it("gets To and Cc (15) as Outlook's address records", () => {
    const { execute, model } = hostedModel();
    model.mail.composeNew();
    model.mail.updateDraft({ to: "Dana Buyer <dana.buyer@fabrikam.com>" });
    expect(execute("compose", DispatchId.GetRecipients, { recipientField: 0 })).toMatchObject({
      data: [{ name: "Dana Buyer", address: "dana.buyer@fabrikam.com", recipientType: 3 }],
    });
    expect(execute("compose", DispatchId.GetRecipients, { recipientField: 1 })).toMatchObject({ data: [] });
  });

  it("saves roaming settings (404), and fails them with 9041 when the playground works offline", () => {
    const { execute, model } = hostedModel();
    expect(execute("read", DispatchId.SaveSettings, [{ prefix: '"ACME:"' }])).toMatchObject({ wasSuccessful: true });
    expect(model.host.loadRoamingSettings()).toEqual({ prefix: '"ACME:"' });
    model.simulator.setOffline(true);
    expect(execute("read", DispatchId.SaveSettings, [{ prefix: '"CRM:"' }])).toMatchObject({ error: true, errorCode: 9041 });
  });

  it("tells the read pane that registered for ItemChanged about a new selection, with the new item", () => {
    const { events, model } = hostedModel();
    const heard: unknown[] = [];
    events.get("olkItemSelectedChanged")?.((data) => heard.push(data), { controlId: "playground-read" });
    const second = model.mail.messagesIn("inbox")[1];
    model.mail.selectMessage(second?.id ?? null);
    expect(heard).toEqual([expect.objectContaining({ itemType: 1, subject: second?.subject })]);
  });

  it("tells the compose pane that registered for RecipientsChanged, with the fields as office.js parses them", () => {
    const { events, model } = hostedModel();
    model.mail.composeNew();
    const heard: unknown[] = [];
    events.get("olkRecipientsChanged")?.((data) => heard.push(data), { controlId: "playground-compose" });
    model.mail.updateDraft({ to: "dana.buyer@fabrikam.com" });
    expect(heard.map((data) => JSON.parse(String((data as unknown[])[0])) as unknown)).toEqual([{ to: true, cc: true, bcc: false }]);
  });
});

describe("which Office.js the panes load", () => {
  it("is the fake by default, Microsoft's with ?office=microsoft, whose pane URLs carry the host's info", () => {
    const origin = "https://localhost:3000";
    expect(officeLibraryOf({ search: "" })).toBe("fake");
    // Like Outlook, the URL names the display language, so the pane fetches its catalogue before Office.js is ready.
    expect(paneSource("read", { search: "", origin })).toBe("/playground/read.html?_host_Info=Outlook%7CWeb%7C16.01%7Cen-US%7Cplayground-read%7C%7C%7C0");
    expect(paneSource("read", { search: "", origin }, "ja-JP")).toContain("%7Cja-JP%7C");
    const url = paneSource("compose", { search: "?office=microsoft", origin });
    expect(url.startsWith("/playground/office-js/compose.html?_host_Info=Outlook%7CWeb%7C16.01%7C")).toBe(true);
    expect(url.endsWith(`#&_xdm_Info=playground-compose|playground-compose|${origin}`)).toBe(true);
  });
});
