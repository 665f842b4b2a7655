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

const ITEM_CHANGED_EVENT = "olkItemSelectedChanged";
const RECIPIENTS_CHANGED_EVENT = "olkRecipientsChanged";

/** The id of a pane in the conversation: office.js sends it back as ControlId with every call. */
const controlId = (surface: Surface) => `playground-${surface}`;
const surfaceOf = (id: unknown): Surface | undefined => (id === controlId("compose") ? "compose" : id === controlId("read") ? "read" : undefined);

/** The query and hash that tell office.js it runs in Outlook on the web and where its host is. */
export function outlookWebPaneUrl(path: string, surface: Surface, hostOrigin: string, displayLanguage = "en-US"): string {
  // _host_Info: host|platform|version|locale|correlation id (office.debug.js, _retrieveHostInfo).
  const hostInfo = `Outlook|Web|16.01|${displayLanguage}|${controlId(surface)}|||0`;
  // _xdm_Info: conversation|control id|host URL (setAgaveHostCommunication); the URL as is (it has ":").
  return `${path}?_host_Info=${encodeURIComponent(hostInfo)}#&_xdm_Info=${controlId(surface)}|${controlId(surface)}|${hostOrigin}`;
}

/** One conversation per pane surface, all answered from the same PaneHost (the playground's mailbox). */
export function startOutlookWebHost({ win, common, host }: { win: Window; common: MicrosoftCommon; host: PaneHost }): void {
  const endPoint = common.XdmCommunicationManager.createServiceEndPoint("playground-outlook-web");
  for (const surface of ["compose", "read"] as const) endPoint.registerConversation(controlId(surface), win.location.origin);
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

  endPoint.registerMethod(
    "ContextActivationManager_getAppContextAsync",
    (id, send) => {
      const requirements: Record<string, string> = { Mailbox: host.options().mailboxVersion };
      if (host.options().nestedAppAuth !== "unsupported") requirements.NestedAppAuth = "1.1";
      send({
        _id: id,
        _appName: OUTLOOK_WEB_APP,
        _appVersion: "16.0.0.0",
        _appMinorVersion: 1,
        _appUILocale: host.options().displayLanguage,
        _dataLocale: "en-US",
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
    common.InvokeType.async,
    false,
  );
  endPoint.registerMethod("ContextActivationManager_notifyHost", (_params, send) => send(null), common.InvokeType.async, false);
  endPoint.registerMethod(
    "GetInitialData",
    (params, send) => {
      const surface = surfaceOf((params as { MethodData?: { ControlId?: unknown } }).MethodData?.ControlId);
      send(initialData(surface ? host.currentItem(surface) : null));
    },
    common.InvokeType.async,
    false,
  );

  const openDraft = (surface: Surface | undefined) => {
    const item = surface ? host.currentItem(surface) : null;
    return item?.kind === "compose" ? item.draftId : undefined;
  };
  endPoint.registerMethod(
    "ExecuteMethod",
    (params, send) => {
      const { ApiParams: api, MethodData: method } = params as { ApiParams?: Record<string, unknown> | unknown[]; MethodData: { ControlId: string; DispatchId: number } };
      const surface = surfaceOf(method.ControlId);
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
    common.InvokeType.async,
    false,
  );

  // Events: office.js registers by event type; the host keeps the pane's send and calls it on changes.
  const subscribers = new Map<string, Map<string, Send>>();
  const events = { [ITEM_CHANGED_EVENT]: "read", [RECIPIENTS_CHANGED_EVENT]: "compose" } as const;
  for (const name of Object.keys(events)) {
    subscribers.set(name, new Map());
    endPoint.registerEvent(
      name,
      (send, params) => {
        subscribers.get(name)?.set(String((params as { controlId?: unknown } | null)?.controlId), send);
        return { Error: 0 };
      },
      (_send, params) => {
        subscribers.get(name)?.delete(String((params as { controlId?: unknown } | null)?.controlId));
        return { Error: 0 };
      },
    );
  }
  host.subscribe((change: HostChange) => {
    if (change.kind === "selection") {
      const send = subscribers.get(ITEM_CHANGED_EVENT)?.get(controlId("read"));
      // The new item's initial data travels with the event (OlkItemSelectedChangedEventArgs).
      send?.(initialData(host.currentItem("read")));
    } else if (change.kind === "recipients") {
      // OlkRecipientsChangedEventArgs parses the first element: the changed fields, as JSON.
      subscribers.get(RECIPIENTS_CHANGED_EVENT)?.get(controlId("compose"))?.([JSON.stringify({ to: true, cc: true, bcc: false })]);
    }
  });
}
