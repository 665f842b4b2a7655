/** @jest-environment jsdom */
/**
 * The playground's Outlook on the web host: what it answers to the handshake and to each dispatch
 * id, from the playground's mailbox. The endpoint here records what the host registers; in the
 * browser it is Microsoft's (officeJs.e2e.mjs runs office.js against it).
 */
import { MailboxModel } from "../../../src/playground/model/mailboxModel";
import { paneSource } from "../../../src/playground/outlookHost/officeLibrary";
import { DdaDispatchId, DispatchId, type MicrosoftCommon, startOutlookWebHost } from "../../../src/playground/outlookHost/outlookWebHost";

type Send = (result: unknown) => void;

function hostedModel(accessTokens?: () => Promise<string>) {
  jest.useFakeTimers();
  const model = new MailboxModel({ storage: window.localStorage, ...(accessTokens ? { accessTokens } : {}) });
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
  const outlook = startOutlookWebHost({ win: window, common, host: model.host });
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
  /** office.js's generic call (executeMethod): { DdaMethod: { DispatchId }, ...arguments }. */
  const executeDda = async (dispatchId: number, args: Record<string, unknown> = {}): Promise<unknown> => {
    let sent: unknown = "nothing sent";
    methods.get("executeMethod")?.({ ...args, DdaMethod: { ControlId: "playground-compose", Version: 1, DispatchId: dispatchId } }, (result) => {
      sent = result;
    });
    // The host answers SSO after a promise: let it settle.
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
    jest.runAllTimers();
    return sent;
  };
  return { model, call, execute, executeDda, events, outlook };
}

afterEach(() => {
  jest.useRealTimers();
  window.localStorage.clear();
});

describe("the Outlook on the web host", () => {
  it("answers the handshake with an Outlook Web App context, its requirement sets, the display language and the roaming settings", () => {
    const { call, model } = hostedModel();
    model.simulator.setOptions({ displayLanguage: "de-DE" });
    const context = call("ContextActivationManager_getAppContextAsync", "playground-compose") as Record<string, unknown>;
    expect(context._appName).toBe(64);
    expect(context._appUILocale).toBe("de-DE");
    expect(JSON.parse(String(context._requirementMatrix))).toEqual({ Mailbox: "1.13", NestedAppAuth: "1.1" });
    expect(context._settings).toEqual(model.host.loadRoamingSettings());
  });

  it("answers nothing at all while switched to never answer, as a hung Outlook", () => {
    const { call, model } = hostedModel();
    model.simulator.setOptions({ hostAnswers: false });
    expect(call("ContextActivationManager_getAppContextAsync", "playground-compose")).toBe("nothing sent");
    expect(call("GetInitialData", { MethodData: { ControlId: "playground-read", DispatchId: DispatchId.GetInitialData } })).toBe("nothing sent");
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

  it("tells the read pane of a selection made between its initial data and its registration for ItemChanged", () => {
    const { call, events, model } = hostedModel();
    const [first, second] = model.mail.messagesIn("inbox");
    model.mail.selectMessage(first?.id ?? null);
    call("GetInitialData", { MethodData: { ControlId: "playground-read", DispatchId: DispatchId.GetInitialData } });
    model.mail.selectMessage(second?.id ?? null);
    const heard: unknown[] = [];
    events.get("olkItemSelectedChanged")?.((data) => heard.push(data), { controlId: "playground-read" });
    jest.runAllTimers();
    expect(heard).toEqual([expect.objectContaining({ subject: second?.subject })]);
  });

  it("tells the compose pane that registered for RecipientsChanged, with the fields as office.js parses them", () => {
    const { events, model } = hostedModel();
    model.mail.composeNew();
    const heard: unknown[] = [];
    events.get("olkRecipientsChanged")?.((data) => heard.push(data), { controlId: "playground-compose" });
    model.mail.updateDraft({ to: "dana.buyer@fabrikam.com" });
    expect(heard.map((data) => JSON.parse(String((data as unknown[])[0])) as unknown)).toEqual([{ to: true, cc: true, bcc: false }]);
  });


  it("dispatches a launch event to the handler's runtime once it registers for app commands, and hears event.completed (94)", async () => {
    const { events, executeDda, outlook } = hostedModel();
    const answers: unknown[] = [];
    outlook.launchEvent("onMessageSendHandler", "olkBeforeMessageSend", (answer) => answers.push(answer));
    const dispatched: unknown[] = [];
    // The compose pane registers too; only the handler's runtime gets the event.
    events.get("appCommandInvoked")?.((data) => dispatched.push(["compose", data]), { controlId: "playground-compose" });
    events.get("appCommandInvoked")?.((data) => dispatched.push(["commands", data]), { controlId: "playground-commands" });
    jest.runAllTimers();
    expect(dispatched).toEqual([["commands", ["playground-launch-1", "onMessageSendHandler", JSON.stringify({ type: "olkBeforeMessageSend" })]]]);
    const completed = JSON.stringify({ type: "olkBeforeMessageSend", completedContext: { allowEvent: true } });
    expect(await executeDda(DdaDispatchId.AppCommandInvocationCompleted, { 0: "playground-launch-1", 1: 0, 2: completed })).toMatchObject({ Error: 0 });
    expect(answers).toEqual([{ status: 0, completedContext: { allowEvent: true } }]);
  });

  it("answers legacy single sign-on (98) with the playground's token, and with 13007 when it has none", async () => {
    const standalone = hostedModel();
    expect(await standalone.executeDda(DdaDispatchId.GetAccessToken, { allowSignInPrompt: true })).toEqual({ Version: 1, Error: 13007 });
    const withService = hostedModel(() => Promise.resolve("dev-token"));
    expect(await withService.executeDda(DdaDispatchId.GetAccessToken, { allowSignInPrompt: true })).toEqual({ Version: 1, Error: 0, accessToken: "dev-token" });
    expect(withService.model.getState().signInPath).toBe("legacy SSO");
  });
});

describe("the pane URLs", () => {
  it("carry what Outlook on the web puts there: the host's info with the display language, and the conversation", () => {
    const origin = "https://localhost:3000";
    const url = paneSource("compose", { origin }, "fr-FR");
    expect(url.startsWith("/playground/office-js/compose.html?_host_Info=Outlook%7CWeb%7C16.01%7Cfr-FR%7C")).toBe(true);
    expect(url.endsWith(`#&_xdm_Info=playground-compose|playground-compose|${origin}`)).toBe(true);
    expect(paneSource("commands", { origin }, "en-US").startsWith("/playground/office-js/commands.html?")).toBe(true);
  });
});
