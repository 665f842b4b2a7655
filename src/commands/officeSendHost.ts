/**
 * The send handler's host over Office.js: the same ports and the same choice of authority as the
 * compose pane's button (both open it with authority/openAuthority.ts): the tracking service when
 * settings name one, else standalone (the mailbox online, the device counter offline).
 *
 * Where it runs decides what it can do. Outlook on the web, new Outlook on Windows and Outlook on
 * Mac run the handler in a browser runtime (commands.html): IndexedDB and Web Locks are there, the
 * device counter works, and the mail is stamped online or offline as the button would.
 * Classic Outlook on Windows runs commands.js in a JavaScript-only runtime that has no IndexedDB,
 * no localStorage and no cookies (Microsoft: "Runtimes in Office Add-ins"). There is no counter
 * there that is atomic across windows and shared with the panes, and the mailbox counter needs
 * that device counter as its guard against a stale roaming copy in an open pane (standalone.ts).
 * A counter of its own (OfficeRuntime.storage, Office.sessionData) would not be shared with the
 * panes' IndexedDB counter, so both could issue the same offline number. So there the handler
 * numbers nothing and the mail goes unstamped: a missing token is recoverable (smart matching,
 * the button), a repeated one is not. With a tracking service, online numbers need no device
 * counter (the service allocates atomically), so the handler stamps there while the service answers.
 */
import type { NumberingClient } from "../authority/service/client";
import { officeServiceClient } from "../authority/service/officeServiceClient";
import { createServiceModeAuthority } from "../authority/service/serviceMode";
import { openAuthority } from "../authority/openAuthority";
import type { ConnectivityEvents, StandaloneConnectivityMonitor } from "../authority/connectivityMonitor";
import { systemScheduler } from "../authority/scheduler";
import type { Scheduler } from "../authority/scheduler";
import { numberingMode } from "../core/numberingMode";
import type { NumberingAvailability, Settings } from "../core";
import { createOfficePorts } from "../office/officePorts";
import type { OfficeLike } from "../office/officeTypes";
import { environmentIndexedDb } from "../storage/environment";
import { environmentLocks } from "../storage/locks";
import type { DeviceStorage } from "../storage/deviceStorage";
import type { LockManagerLike } from "../storage/locks";
import type { SendAuthority, SendHost } from "./onMessageSend";

/** The connectivity ping during a send: at most 1 s (MAX_PING_TIMEOUT_MS), so the deadline holds. */
export const SEND_PING_TIMEOUT_MS = 800;

export type SendEnvironment = {
  /** `window` in a browser runtime; a JavaScript-only runtime has none (see noConnectivityEvents). */
  readonly events: ConnectivityEvents;
  /** `() => navigator.onLine`, true where there is no navigator. */
  readonly isOnline: () => boolean;
  readonly now: () => number;
  readonly scheduler?: Scheduler;
  /** IndexedDB and Web Locks, for whether this runtime has a device counter. @default the runtime's own, read when an event arrives */
  readonly storage?: { readonly indexedDB?: IDBFactory; readonly locks?: LockManagerLike };
  /** How this runtime opens the device's stores: IndexedDB in commands.html (web.ts), none in the JavaScript-only runtime (index.ts). */
  readonly deviceStorage: DeviceStorage;
  /** The tracking service client for settings.serviceUrl. @default fetch and Office SSO, as the panes use */
  readonly serviceClient?: (serviceUrl: string) => NumberingClient;
};

/** Online/offline events for a runtime without `window`: none arrive, the ping decides. */
export const noConnectivityEvents: ConnectivityEvents = {
  addEventListener: () => undefined,
  removeEventListener: () => undefined,
};

export function createOfficeSendHost(office: OfficeLike, env: SendEnvironment): SendHost {
  const { mailbox, roaming, settings } = createOfficePorts(office);
  return {
    settings,
    currentItem: () => mailbox.currentItem(),
    numbering: (current) => (numberingMode(current.serviceUrl).kind === "service" ? { available: true } : deviceCounterSupport(env.storage)),
    async openAuthority(current: Settings): Promise<SendAuthority> {
      const { stamper, monitor } = await openAuthority(
        numberingMode(current.serviceUrl),
        {
          roaming,
          userEmail: mailbox.userEmail,
          events: env.events,
          isOnline: env.isOnline,
          now: env.now,
          pingTimeoutMs: SEND_PING_TIMEOUT_MS,
          ...(env.scheduler ? { scheduler: env.scheduler } : {}),
          storage: env.deviceStorage,
          onDeployment: (known) => void settings.adoptDeployment(known).catch(() => undefined),
        },
        async (url) => (options) => createServiceModeAuthority({ ...options, client: (env.serviceClient ?? officeServiceClient)(url) }),
      );
      return {
        stamper,
        ready: () => firstCheck(monitor, SEND_PING_TIMEOUT_MS + 200, env.scheduler ?? systemScheduler),
        dispose: () => monitor.dispose(),
      };
    },
  };
}

/**
 * The standalone authority's choice, without I/O: it numbers only with a device counter
 * (IndexedDB + Web Locks). (A tracking service numbers online without one; see createOfficeSendHost.)
 */
export function deviceCounterSupport(storage: SendEnvironment["storage"] = {}): NumberingAvailability {
  if ((storage.indexedDB ?? environmentIndexedDb()) && (storage.locks ?? environmentLocks())) return { available: true };
  return {
    available: false,
    reason:
      "This runtime has no IndexedDB or Web Locks (classic Outlook on Windows runs send handlers in a JavaScript-only runtime), " +
      "so it has no counter that is safe from repeats. The message is sent without a token; the Tracking token button can add one.",
  };
}

/** Resolves when the monitor has left "checking", or after `maxMs`, whichever comes first. */
function firstCheck(monitor: StandaloneConnectivityMonitor, maxMs: number, scheduler: Scheduler): Promise<void> {
  if (monitor.current().status !== "checking") return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = (): void => {
      unsubscribe();
      scheduler.clearTimeout(timer);
      resolve();
    };
    const unsubscribe = monitor.subscribe((state) => {
      if (state.status !== "checking") done();
    });
    const timer = scheduler.setTimeout(done, maxMs);
  });
}
