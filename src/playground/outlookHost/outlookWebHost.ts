/**
 * Outlook on the web's side of the add-in conversation, played by the playground page for panes
 * that load Microsoft's office.js. The wire format is Microsoft's own: the service endpoint comes
 * from outlook-web-16.01.js (Microsoft.Office.Common.XdmCommunicationManager), loaded into this
 * page; this file only answers the calls. Which call is which, and where in Microsoft's file each
 * shape comes from: README.md beside this file.
 */
import { withoutReplyPrefixes } from "../../core";
import type { HostChange, ItemSnapshot, PaneHost, Surface } from "../model/paneHost";
import type { MailAddress, MailMessage } from "../model/types";

/** The slice of Microsoft.Office.Common this host uses (outlook-web-16.01.debug.js). */
type Send = (result: unknown) => void;
type ServiceEndPoint = {
  registerConversation(conversationId: string, conversationUrl: string): void;
  registerMethod(name: string, method: (params: unknown, send: Send) => void, invokeType: number, blockingOthers: boolean): void;
  registerEvent(name: string, register: (send: Send, params: unknown) => unknown, unregister: (send: Send, params: unknown) => unknown): void;
};
export type MicrosoftCommon = {
  readonly XdmCommunicationManager: { createServiceEndPoint(id: string): ServiceEndPoint };
  readonly InvokeType: { readonly async: number };
};

/** Dispatch ids of ExecuteMethod (outlook-web-16.01.debug.js: the methods named in README.md). */
export const DispatchId = {
  GetInitialData: 1,
  GetRecipients: 15,
  SetSubject: 17,
  GetSubject: 18,
  SaveSettings: 404,
} as const;

/** Dispatch ids of executeMethod, office.js's generic call (OSF.DDA.MethodDispId). */
export const DdaDispatchId = {
  AppCommandInvocationCompleted: 94,
  GetAccessToken: 98,
} as const;

/** Outlook's item types in initial data (HostItemType in outlook-web-16.01.debug.js). */
const HOST_ITEM_TYPE = { Message: 1, MessageCompose: 4 } as const;
/** Permission levels the host reports (calculatePermissionLevel): 3 is read/write item. */
const READ_WRITE_ITEM = 3;
/** OSF.AppName.OutlookWebApp. */
const OUTLOOK_WEB_APP = 64;
/** RecipientFields in outlook-web-16.01.debug.js: to 0, cc 1. */
const RECIPIENT_FIELDS = ["to", "cc"] as const;
/** recipientTypeMap in outlook-web-16.01.debug.js (createEmailAddressDetails). */
const RECIPIENT_TYPE = { User: 2, ExternalUser: 3 } as const;
/** Error codes office.js turns into AsyncResult errors (getErrorArgs). */
const ERROR_CODE = { ItemChanged: 9030, NetworkError: 9041 } as const;
/** OSF.DDA.ErrorCodeManager: success, and SSO's "the host could not get a token" (13007). */
const DDA_ERROR = { Success: 0, SsoTokenFailed: 13007 } as const;

const ITEM_CHANGED_EVENT = "olkItemSelectedChanged";
const RECIPIENTS_CHANGED_EVENT = "olkRecipientsChanged";
/** Every page of office.js registers for it (AppCommandManager.initializeAndChangeOnce); the send event arrives by it. */
const APP_COMMAND_EVENT = "appCommandInvoked";

/** What office.js runs in a frame: a task pane, or the send handler's runtime (commands.html). */
export type OfficeFrame = Surface | "commands";
const FRAMES: readonly OfficeFrame[] = ["compose", "read", "commands"];

/** The id of a frame in the conversation: office.js sends it back as ControlId with every call. */
const controlId = (frame: OfficeFrame) => `playground-${frame}`;
const frameOf = (id: unknown): OfficeFrame | undefined => FRAMES.find((frame) => controlId(frame) === id);
/** The send handler sees the draft being sent, as the compose pane does. */
const surfaceOf = (frame: OfficeFrame | undefined): Surface | undefined => (frame === "commands" ? "compose" : frame);

/** The query and hash that tell office.js it runs in Outlook on the web, in which language, and where its host is. */
export function outlookWebPaneUrl(path: string, frame: OfficeFrame, hostOrigin: string, displayLanguage: string): string {
  // _host_Info: host|platform|version|locale|correlation id|dialog|logging|flags (office.debug.js,
  // _retrieveHostInfo); the locale also picks the strings office.js loads (<locale>/office_strings.js).
  // "disableLogging": office.js sends no telemetry to Microsoft from the playground (there is no network
  // for it, and its performance report throws when the page's resource timings lack its scripts).
  const hostInfo = `Outlook|Web|16.01|${displayLanguage}|${controlId(frame)}||disableLogging|0`;
  // _xdm_Info: conversation|control id|host URL (setAgaveHostCommunication); the URL as is (it has ":").
  return `${path}?_host_Info=${encodeURIComponent(hostInfo)}#&_xdm_Info=${controlId(frame)}|${controlId(frame)}|${hostOrigin}`;
}

/**
 * The frame's window.name, as Outlook on the web names its add-in frames: JSON whose baseFrameName
 * keys office.js's session storage (OSF.OUtil.parseInfoFromWindowName). office.js parses it when it
 * opens the Office dialog (showDialog: JSON.parse(window.name)) and fails on a frame without one.
 */
export const frameName = (frame: OfficeFrame): string => JSON.stringify({ baseFrameName: controlId(frame) });

/** What the handler's runtime answered to a launch event: office.js's status (0: the handler called event.completed) and the options it passed. */
export type LaunchEventAnswer = { readonly status: number; readonly completedContext: { readonly allowEvent?: boolean; readonly errorMessage?: string } | undefined };

export type OutlookWebHost = {
  /**
   * Dispatches the event-based activation `functionName` to the next runtime that registers for
   * app commands (the send handler's frame, which the caller then loads). `onAnswer` hears every
   * event.completed of this event, the first one first.
   */
  launchEvent(functionName: string, eventType: string, onAnswer: (answer: LaunchEventAnswer) => void): { cancel(): void };
};

/** One conversation per frame, all answered from the same PaneHost (the playground's mailbox). */
export function startOutlookWebHost({ win, common, host }: { win: Window; common: MicrosoftCommon; host: PaneHost }): OutlookWebHost {
  const endPoint = common.XdmCommunicationManager.createServiceEndPoint("playground-outlook-web");
  for (const frame of FRAMES) endPoint.registerConversation(controlId(frame), win.location.origin);
  /** Every call goes through here: a host switched to never answer drops it, as a hung Outlook would. */
  const answer = (name: string, method: (params: unknown, send: Send) => void) =>
    endPoint.registerMethod(
      name,
      (params, send) => {
        if (host.options().hostAnswers) method(params, send);
      },
      common.InvokeType.async,
      false,
    );
  const userDomain = host.user.emailAddress.split("@")[1]?.toLowerCase() ?? "";

  const later = (ms: number, run: () => void) => win.setTimeout(run, ms);
  const succeed = (data: unknown) => ({ wasSuccessful: true, error: false, data });
  const fail = (errorCode: number) => ({ wasSuccessful: false, error: true, errorCode });

  const address = (a: MailAddress) => ({
    name: a.displayName,
    address: a.emailAddress,
    recipientType: a.emailAddress.toLowerCase().endsWith(`@${userDomain}`) ? RECIPIENT_TYPE.User : RECIPIENT_TYPE.ExternalUser,
  });
  const readData = (message: MailMessage) => ({
    itemType: HOST_ITEM_TYPE.Message,
    itemClass: "IPM.Note",
    id: `AAMkAGPlayground${message.id}`,
    internetMessageId: `<${message.id}@playground.example>`,
    subject: message.subject,
    normalizedSubject: withoutReplyPrefixes(message.subject),
    from: address(message.from),
    sender: address(message.from),
    to: message.to.map(address),
    cc: message.cc.map(address),
    // office.js makes the Dates (new Date(value)) in the pane.
    dateTimeCreated: message.sentAt,
    dateTimeModified: message.sentAt,
  });
  /** GetInitialData: the item and the user (OutlookAppOm.initialize reads these keys). */
  const initialData = (snapshot: ItemSnapshot | null) => ({
    ...(snapshot?.kind === "read" ? readData(snapshot.message) : snapshot?.kind === "compose" ? { itemType: HOST_ITEM_TYPE.MessageCompose } : {}),
    permissionLevel: READ_WRITE_ITEM,
    userDisplayName: host.user.displayName,
    userEmailAddress: host.user.emailAddress,
    userTimeZone: host.user.timeZone,
    userProfileType: "enterprise",
    hostVersion: "16.0.0.0",
    owaView: "ThreeColumns",
  });

  answer(
    "ContextActivationManager_getAppContextAsync",
    (id, send) => {
      const options = host.options();
      const requirements: Record<string, string> = { Mailbox: options.mailboxVersion };
      if (options.nestedAppAuth !== "unsupported") requirements.NestedAppAuth = "1.1";
      send({
        _id: id,
        _appName: OUTLOOK_WEB_APP,
        _appVersion: "16.0.0.0",
        _appMinorVersion: 1,
        // Office.context.displayLanguage and contentLanguage.
        _appUILocale: options.displayLanguage,
        _dataLocale: options.displayLanguage,
        _docUrl: "",
        _clientMode: 1,
        // Roaming settings travel with the app context, serialized as the mailbox keeps them.
        _settings: { ...host.loadRoamingSettings() },
        _reason: 1,
        _osfControlType: 0,
        _eToken: "",
        _correlationId: String(id),
        _appInstanceId: String(id),
        _requirementMatrix: JSON.stringify(requirements),
        _hostFullVersion: "16.0.0.0",
      });
    },
  );
  answer("ContextActivationManager_notifyHost", (_params, send) => send(null));
  /** Which item the read pane was last told of, so a selection made while it loads is not lost. */
  let readPaneItem: string | null | undefined;
  const identity = (item: ItemSnapshot | null) => (item === null ? null : item.kind === "read" ? item.message.id : item.draftId);
  answer(
    "GetInitialData",
    (params, send) => {
      const surface = surfaceOf(frameOf((params as { MethodData?: { ControlId?: unknown } }).MethodData?.ControlId));
      const item = surface ? host.currentItem(surface) : null;
      if (surface === "read") readPaneItem = identity(item);
      send(initialData(item));
    },
  );

  const openDraft = (surface: Surface | undefined) => {
    const item = surface ? host.currentItem(surface) : null;
    return item?.kind === "compose" ? item.draftId : undefined;
  };
  answer(
    "ExecuteMethod",
    (params, send) => {
      const { ApiParams: api, MethodData: method } = params as { ApiParams?: Record<string, unknown> | unknown[]; MethodData: { ControlId: string; DispatchId: number } };
      const surface = surfaceOf(frameOf(method.ControlId));
      const draftId = openDraft(surface);
      const itemLatency = host.options().itemLatencyMs;
      switch (method.DispatchId) {
        case DispatchId.GetSubject: {
          const subject = draftId === undefined ? undefined : host.draftSubject(draftId);
          return later(itemLatency, () => send(subject === undefined ? fail(ERROR_CODE.ItemChanged) : succeed(subject)));
        }
        case DispatchId.SetSubject: {
          const subject = String((api as { subject?: unknown } | undefined)?.subject ?? "");
          return later(itemLatency, () => send(draftId !== undefined && host.setDraftSubject(draftId, subject) ? succeed(null) : fail(ERROR_CODE.ItemChanged)));
        }
        case DispatchId.GetRecipients: {
          const field = RECIPIENT_FIELDS[Number((api as { recipientField?: unknown } | undefined)?.recipientField)];
          const recipients = draftId === undefined || field === undefined ? undefined : host.draftRecipients(draftId, field);
          return later(itemLatency, () => send(recipients === undefined ? fail(ERROR_CODE.ItemChanged) : succeed(recipients.map(address))));
        }
        case DispatchId.SaveSettings: {
          const [settings] = (api as unknown[] | undefined) ?? [];
          return later(host.options().roamingLatencyMs, () =>
            send(host.saveRoamingSettings((settings ?? {}) as Record<string, string>) ? succeed(null) : fail(ERROR_CODE.NetworkError)),
          );
        }
        default:
          // A dispatch id this host does not play: Outlook answers "not supported" (ooeOperationNotSupported).
          return send({ wasSuccessful: false });
      }
    },
  );

  // The send event (event-based activation): dispatched by appCommandInvoked, answered by executeMethod 94.
  type PendingLaunch = { readonly id: string; readonly functionName: string; readonly eventType: string; readonly onAnswer: (answer: LaunchEventAnswer) => void };
  let nextLaunch: PendingLaunch | undefined;
  const launched = new Map<string, PendingLaunch>();
  let launchCount = 0;
  const dispatchLaunch = (send: Send) => {
    const launch = nextLaunch;
    if (!launch) return;
    nextLaunch = undefined;
    launched.set(launch.id, launch);
    // AppCommandInvokedEventKeys: [appCommandId, callbackName, eventObjStr]; office.js builds the event from the JSON.
    send([launch.id, launch.functionName, JSON.stringify({ type: launch.eventType })]);
  };

  // office.js's generic calls (OSF.DDA.WAC.Delegate.executeAsync): { DdaMethod: { DispatchId }, ...arguments }; answers { Version, Error, ... }.
  answer(
    "executeMethod",
    (params, send) => {
      const call = params as Record<string, unknown> & { DdaMethod?: { DispatchId?: number } };
      switch (call.DdaMethod?.DispatchId) {
        case DdaDispatchId.AppCommandInvocationCompleted: {
          // AppCommandCompletedMethodParameterKeys: 0 the id, 1 office.js's status, 2 the event as JSON with completedContext.
          const launch = launched.get(String(call["0"]));
          let completedContext: LaunchEventAnswer["completedContext"];
          try {
            completedContext = (JSON.parse(String(call["2"] || "{}")) as { completedContext?: LaunchEventAnswer["completedContext"] }).completedContext;
          } catch {
            completedContext = undefined;
          }
          launch?.onAnswer({ status: Number(call["1"]), completedContext });
          return send({ Version: 1, Error: DDA_ERROR.Success });
        }
        case DdaDispatchId.GetAccessToken: {
          // Legacy single sign-on (OfficeRuntime.auth.getAccessToken): the token travels as accessToken (AccessTokenResultKeys).
          const token = host.accessToken?.() ?? Promise.reject(new Error("no single sign-on"));
          token.then(
            (accessToken) => {
              host.recordSignIn?.("legacy SSO");
              send({ Version: 1, Error: DDA_ERROR.Success, accessToken });
            },
            () => send({ Version: 1, Error: DDA_ERROR.SsoTokenFailed }),
          );
          return;
        }
        default:
          // ooeOperationNotSupported: what Outlook answers for a call it does not implement.
          return send({ Version: 1, Error: 5000 });
      }
    },
  );

  // Events: office.js registers by event type; the host keeps the pane's send and calls it on changes.
  const subscribers = new Map<string, Map<string, Send>>();
  for (const name of [ITEM_CHANGED_EVENT, RECIPIENTS_CHANGED_EVENT, APP_COMMAND_EVENT]) {
    subscribers.set(name, new Map());
    endPoint.registerEvent(
      name,
      (send, params) => {
        const id = String((params as { controlId?: unknown } | null)?.controlId);
        subscribers.get(name)?.set(id, send);
        // The handler's runtime is ready once office.js registered for app commands: Outlook dispatches then.
        if (name === APP_COMMAND_EVENT && id === controlId("commands")) win.setTimeout(() => dispatchLaunch(send), 0);
        // The selection moved between the read pane's initial data and its registration: tell it now.
        if (name === ITEM_CHANGED_EVENT && id === controlId("read") && readPaneItem !== undefined) win.setTimeout(() => tellReadPane(send), 0);
        return { Error: 0 };
      },
      (_send, params) => {
        subscribers.get(name)?.delete(String((params as { controlId?: unknown } | null)?.controlId));
        return { Error: 0 };
      },
    );
  }
  /** The new item's initial data travels with the event (OlkItemSelectedChangedEventArgs), once per change. */
  function tellReadPane(send: Send | undefined): void {
    const item = host.currentItem("read");
    if (!send || identity(item) === readPaneItem) return;
    readPaneItem = identity(item);
    send(initialData(item));
  }
  host.subscribe((change: HostChange) => {
    if (change.kind === "selection") {
      tellReadPane(subscribers.get(ITEM_CHANGED_EVENT)?.get(controlId("read")));
    } else if (change.kind === "recipients") {
      // OlkRecipientsChangedEventArgs parses the first element: the changed fields, as JSON.
      subscribers.get(RECIPIENTS_CHANGED_EVENT)?.get(controlId("compose"))?.([JSON.stringify({ to: true, cc: true, bcc: false })]);
    }
  });
  return {
    launchEvent(functionName, eventType, onAnswer) {
      launchCount += 1;
      const launch = { id: `playground-launch-${launchCount}`, functionName, eventType, onAnswer };
      nextLaunch = launch;
      return {
        cancel: () => {
          if (nextLaunch === launch) nextLaunch = undefined;
          launched.delete(launch.id);
        },
      };
    },
  };
}
