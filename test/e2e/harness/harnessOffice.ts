/**
 * The stamp harness's own Office (stampHarness.ts), over a PaneHost of its own: the compose pane's
 * ports are built over it in a page where Microsoft's office.js has no host to talk to. It is never
 * installed as the page's Office: the panes and the playground run on Microsoft's office.js only.
 * It keeps Office's contracts: every callback is asynchronous, AsyncResult has Office's shape,
 * Office.context exists only once Office is ready, roaming settings are an in-memory copy loaded
 * once per pane, and a pinned read pane hears ItemChanged after mailbox.item has changed.
 */
import { deserializeRoamingSettings, ROAMING_SETTINGS_MAX_CHARACTERS, roamingSettingsSize, serializeRoamingSettings } from "../../../src/playground/model/roamingFormat";
import type { HostChange, ItemSnapshot, PaneHost, Surface } from "../../../src/playground/model/paneHost";
import type { MailAddress, MailMessage } from "../../../src/playground/model/types";
import {
  argumentError,
  argumentOutOfRange,
  ITEM_CHANGED,
  NETWORK_ERROR,
  type OfficeErrorData,
  ROAMING_SETTINGS_TOO_LARGE,
} from "./officeErrors";
import { withoutReplyPrefixes } from "../../../src/core";
import { compareVersions } from "../../../src/core/versions";

export const ITEM_CHANGED_EVENT = "olkItemSelectedChanged";
export const RECIPIENTS_CHANGED_EVENT = "olkRecipientsChanged";
export const MAXIMUM_SUBJECT_LENGTH = 255;

export type FakeAsyncResult<T> = {
  readonly status: "succeeded" | "failed";
  readonly value: T;
  readonly error?: OfficeErrorData;
  readonly asyncContext: unknown;
};

type Callback<T> = (result: FakeAsyncResult<T>) => void;

export type FakeEmailAddressDetails = {
  displayName: string;
  emailAddress: string;
  recipientType: "user" | "externalUser";
};

/** The window the fake lives in: the pane iframe's (or jsdom's in tests). */
export type PaneWindow = Window & typeof globalThis;

export type FakeOfficeOptions = {
  readonly win: PaneWindow;
  readonly host: PaneHost;
  readonly surface: Surface;
};

/** Office's (options?, callback?) argument convention: options may be left out. */
function commonArgs<T>(args: readonly unknown[]): { asyncContext: unknown; callback: Callback<T> | undefined } {
  const [first, second] = args;
  if (typeof first === "function") return { asyncContext: undefined, callback: first as Callback<T> };
  const options = first && typeof first === "object" ? (first as { asyncContext?: unknown }) : undefined;
  return { asyncContext: options?.asyncContext, callback: typeof second === "function" ? (second as Callback<T>) : undefined };
}

/** One conversation per normalized subject (core's reply-prefix rule), like a thread. */
function conversationKey(subject: string): string {
  let hash = 0;
  for (const char of withoutReplyPrefixes(subject).toLowerCase()) hash = (Math.imul(hash, 31) + (char.codePointAt(0) ?? 0)) | 0;
  return (hash >>> 0).toString(16);
}

/** Builds the Office namespace for one pane. Nothing is installed on the window here. */
export function createFakeOffice({ win, host, surface }: FakeOfficeOptions) {
  const userDomain = host.user.emailAddress.split("@")[1]?.toLowerCase() ?? "";

  /** Builds data in this window's realm, so instanceof Date / Array.isArray hold in the pane. */
  const details = (a: MailAddress): FakeEmailAddressDetails => ({
    displayName: a.displayName,
    emailAddress: a.emailAddress,
    recipientType: a.emailAddress.toLowerCase().endsWith(`@${userDomain}`) ? "user" : "externalUser",
  });

  /** Office never calls back synchronously: every result is delivered from the pane's own task queue. */
  function deliver<T>(callback: Callback<T> | undefined, delayMs: number, settle: () => { value: T } | { error: OfficeErrorData }, asyncContext: unknown): void {
    win.setTimeout(() => {
      const outcome = settle();
      const result: FakeAsyncResult<T> =
        "error" in outcome
          ? { status: "failed", value: undefined as T, error: { ...outcome.error }, asyncContext }
          : { status: "succeeded", value: outcome.value, asyncContext };
      callback?.(result);
    }, delayMs);
  }

  const itemLatency = () => host.options().itemLatencyMs;

  function readItem(message: MailMessage) {
    const created = new win.Date(message.sentAt);
    return {
      itemType: "message",
      itemClass: "IPM.Note",
      itemId: `AAMkAGPlayground${message.id}`,
      conversationId: `AAQkAGPlayground${conversationKey(message.subject)}`,
      internetMessageId: `<${message.id}@playground.example>`,
      subject: message.subject,
      normalizedSubject: withoutReplyPrefixes(message.subject),
      from: details(message.from),
      sender: details(message.from),
      to: message.to.map(details),
      cc: message.cc.map(details),
      dateTimeCreated: created,
      dateTimeModified: new win.Date(created.getTime()),
      attachments: [],
    };
  }

  function composeItem(draftId: string) {
    /** Settles only while this draft is still the open one, as Outlook fails calls on a closed item. */
    const onDraft =
      <T>(read: () => T | undefined) =>
      (): { value: T } | { error: OfficeErrorData } => {
        const value = read();
        return value === undefined ? { error: ITEM_CHANGED } : { value };
      };
    const recipients = (field: "to" | "cc") => ({
      getAsync(...args: unknown[]) {
        const { asyncContext, callback } = commonArgs<FakeEmailAddressDetails[]>(args);
        deliver(callback, itemLatency(), onDraft(() => host.draftRecipients(draftId, field)?.map(details)), asyncContext);
      },
    });
    // No itemId: in compose, Mailbox 1.1 has none (a saved draft's id needs getItemIdAsync, 1.8).
    return {
      itemType: "message",
      // Item-level events (Mailbox 1.7): only RecipientsChanged is dispatched here.
      addHandlerAsync(eventType: unknown, handler: unknown, ...args: unknown[]): void {
        const { asyncContext, callback } = commonArgs<void>(args);
        if (eventType !== RECIPIENTS_CHANGED_EVENT || !supports("Mailbox", "1.7")) throw argumentError("eventType");
        if (typeof handler !== "function") throw argumentError("handler");
        recipientsHandlers.set(draftId, [...(recipientsHandlers.get(draftId) ?? []), handler as (event: { type: string }) => void]);
        deliver(callback, 0, () => ({ value: undefined }), asyncContext);
      },
      removeHandlerAsync(eventType: unknown, ...args: unknown[]): void {
        const { asyncContext, callback } = commonArgs<void>(args);
        if (eventType !== RECIPIENTS_CHANGED_EVENT) throw argumentError("eventType");
        recipientsHandlers.delete(draftId);
        deliver(callback, 0, () => ({ value: undefined }), asyncContext);
      },
      subject: {
        getAsync(...args: unknown[]) {
          const { asyncContext, callback } = commonArgs<string>(args);
          deliver(callback, itemLatency(), onDraft(() => host.draftSubject(draftId)), asyncContext);
        },
        setAsync(subject: unknown, ...args: unknown[]) {
          const { asyncContext, callback } = commonArgs<void>(args);
          if (typeof subject !== "string") throw argumentError("subject");
          // office.js checks the length before anything is sent (setSubject_validateParameters).
          if (subject.length > MAXIMUM_SUBJECT_LENGTH) throw argumentOutOfRange("subject");
          deliver(callback, itemLatency(), () => (host.setDraftSubject(draftId, subject) ? { value: undefined } : { error: ITEM_CHANGED }), asyncContext);
        },
      },
      to: recipients("to"),
      cc: recipients("cc"),
    };
  }

  type ReadItem = ReturnType<typeof readItem>;
  type ComposeItem = ReturnType<typeof composeItem>;
  const itemFor = (snapshot: ItemSnapshot | null): ReadItem | ComposeItem | null =>
    snapshot === null ? null : snapshot.kind === "read" ? readItem(snapshot.message) : composeItem(snapshot.draftId);
  const identity = (snapshot: ItemSnapshot | null) => (snapshot === null ? null : snapshot.kind === "read" ? snapshot.message.id : snapshot.draftId);

  // ---- roaming settings: the pane's in-memory copy, loaded once when the pane loads ----
  const roamingValues = deserializeRoamingSettings(host.loadRoamingSettings());
  const roamingSettings = {
    get(name: string): unknown {
      return roamingValues[name];
    },
    set(name: string, value: unknown): void {
      if (typeof name !== "string") throw argumentError("name");
      roamingValues[name] = value;
    },
    remove(name: string): void {
      delete roamingValues[name];
    },
    saveAsync(...args: unknown[]): void {
      const { asyncContext, callback } = commonArgs<void>(args);
      const serialized = serializeRoamingSettings(roamingValues);
      if (roamingSettingsSize(serialized) > ROAMING_SETTINGS_MAX_CHARACTERS) {
        // office.js refuses before it reaches the mailbox; the stored settings stay as they were.
        deliver(callback, 0, () => ({ error: ROAMING_SETTINGS_TOO_LARGE }), asyncContext);
        return;
      }
      deliver(callback, host.options().roamingLatencyMs, () => (host.saveRoamingSettings(serialized) ? { value: undefined } : { error: NETWORK_ERROR }), asyncContext);
    },
  };

  // ---- the mailbox: the current item, the user, ItemChanged ----
  let currentSnapshotId = identity(host.currentItem(surface));
  const itemChangedHandlers: ((event: { type: string }) => void)[] = [];
  const recipientsHandlers = new Map<string, ((event: { type: string }) => void)[]>();
  const supports = (name: string, minVersion?: string | number) => {
    const wanted = minVersion === undefined ? "1.1" : String(minVersion);
    // NestedAppAuth 1.1 is the only version there is (docs/DEPLOY.md, step 1); the bridge is naaBridge.ts.
    if (name.toLowerCase() === "nestedappauth") return host.options().nestedAppAuth !== "unsupported" && compareVersions("1.1", wanted) >= 0;
    return name.toLowerCase() === "mailbox" && compareVersions(host.options().mailboxVersion, wanted) >= 0;
  };

  const checkEventType = (eventType: unknown) => {
    // office.js rejects an event the host does not dispatch before anything is queued.
    if (eventType !== ITEM_CHANGED_EVENT || !supports("Mailbox", "1.5")) throw argumentError("eventType");
  };

  const mailbox = {
    item: itemFor(host.currentItem(surface)),
    userProfile: {
      displayName: host.user.displayName,
      emailAddress: host.user.emailAddress,
      timeZone: host.user.timeZone,
      accountType: "enterprise",
    },
    diagnostics: { hostName: "OutlookWebApp", hostVersion: "16.0.0.0", OWAView: "ThreeColumns" },
    addHandlerAsync(eventType: unknown, handler: unknown, ...args: unknown[]): void {
      const { asyncContext, callback } = commonArgs<void>(args);
      checkEventType(eventType);
      if (typeof handler !== "function") throw argumentError("handler");
      itemChangedHandlers.push(handler as (event: { type: string }) => void);
      deliver(callback, 0, () => ({ value: undefined }), asyncContext);
    },
    /** Outlook removes every handler of the event type. */
    removeHandlerAsync(eventType: unknown, ...args: unknown[]): void {
      const { asyncContext, callback } = commonArgs<void>(args);
      checkEventType(eventType);
      itemChangedHandlers.length = 0;
      deliver(callback, 0, () => ({ value: undefined }), asyncContext);
    },
  };

  function onHostChange(change: HostChange): void {
    if (change.kind === "connectivity") {
      win.dispatchEvent(new win.Event(change.offline ? "offline" : "online"));
      return;
    }
    if (change.kind === "recipients") {
      const handlers = [...(recipientsHandlers.get(change.draftId) ?? [])];
      win.setTimeout(() => {
        for (const handler of handlers) handler({ type: RECIPIENTS_CHANGED_EVENT });
      }, 0);
      return;
    }
    const snapshot = host.currentItem(surface);
    const id = identity(snapshot);
    if (id === currentSnapshotId) return;
    currentSnapshotId = id;
    // Outlook replaces mailbox.item first, then tells the pinned pane.
    mailbox.item = itemFor(snapshot);
    if (surface !== "read") return;
    const handlers = [...itemChangedHandlers];
    win.setTimeout(() => {
      for (const handler of handlers) handler({ type: ITEM_CHANGED_EVENT });
    }, 0);
  }

  const context = {
    mailbox,
    roamingSettings,
    requirements: { isSetSupported: supports },
    diagnostics: { host: "Outlook", platform: "OfficeOnline", version: "16.0.0.0" },
    officeTheme: { bodyBackgroundColor: "#ffffff", bodyForegroundColor: "#242424", controlBackgroundColor: "#ffffff", controlForegroundColor: "#242424" },
    // The simulator's one field: a pane reloaded after a switch reads the new language.
    get displayLanguage() {
      return host.options().displayLanguage;
    },
    contentLanguage: "en-US",
  };

  // ---- Office itself ----
  let resolveReady: (info: { host: string; platform: string }) => void = () => undefined;
  const ready = new win.Promise<{ host: string; platform: string }>((resolve) => {
    resolveReady = resolve;
  });

  const office = {
    HostType: { Outlook: "Outlook", Word: "Word", Excel: "Excel", PowerPoint: "PowerPoint", OneNote: "OneNote", Project: "Project", Access: "Access" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { ItemChanged: ITEM_CHANGED_EVENT, RecipientsChanged: RECIPIENTS_CHANGED_EVENT },
    InitializationReason: { Inserted: "inserted", DocumentOpened: "documentOpened" },
    MailboxEnums: {
      ItemType: { Message: "message", Appointment: "appointment" },
      RecipientType: { DistributionList: "distributionList", User: "user", ExternalUser: "externalUser", Other: "other" },
    },
    /** Undefined until Office is ready, as in office.js. */
    context: undefined as typeof context | undefined,
    /** A pane may assign it; Office calls it once, when ready, before onReady resolves. */
    initialize: undefined as ((reason: string) => void) | undefined,
    onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }> {
      if (callback) void ready.then(callback);
      return ready;
    },
  };

  const unsubscribe = host.subscribe(onHostChange);

  /** Office is ready: context appears, Office.initialize runs, onReady resolves. */
  function initialize(): void {
    office.context = context;
    const info = { host: office.HostType.Outlook, platform: office.PlatformType.OfficeOnline };
    try {
      office.initialize?.(office.InitializationReason.Inserted);
    } finally {
      resolveReady(info);
    }
  }

  // ---- OfficeRuntime.auth: single sign-on, answered by the host (a development token in the playground) ----
  const runtime = {
    auth: {
      getAccessToken(_options?: { allowSignInPrompt?: boolean; allowConsentPrompt?: boolean; forMSGraphAccess?: boolean }): Promise<string> {
        // Office rejects with { name, message, code }; 13000: SSO is not available here,
        // 13007: the token request failed.
        const ssoError = (code: number, message: string) => Object.assign(new win.Error(message), { name: "SSO error", code });
        return new win.Promise<string>((resolve, reject) => {
          if (!host.accessToken) return reject(ssoError(13000, "Single sign-on is not available in this host."));
          host.accessToken().then(
            (token) => {
              host.recordSignIn?.("legacy SSO");
              resolve(String(token));
            },
            (error: unknown) => reject(ssoError(13007, error instanceof Error ? error.message : String(error))),
          );
        });
      },
    },
  };

  return { office, runtime, initialize, dispose: unsubscribe };
}

export type FakeOffice = ReturnType<typeof createFakeOffice>["office"];
