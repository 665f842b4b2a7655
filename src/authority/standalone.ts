/**
 * Standalone mode (no tracking service): the mailbox is the online authority, the device's
 * counter numbers offline. Service mode (service/serviceMode.ts) builds the same { stamper, monitor }
 * from the service OnlineAuthority, so the panes never change.
 */
import type { RoamingStore } from "../office/ports";
import type { CounterStoreOpening } from "../storage/counterStore";
import type { ActivityLog } from "../storage/ports";
import { createConnectivityMonitor } from "./connectivityMonitor";
import type { ConnectivityEvents, ConnectivityTiming, StandaloneConnectivityMonitor } from "./connectivityMonitor";
import { createLocalAuthority } from "./localAuthority";
import { createMailboxAuthority } from "./mailboxAuthority";
import type { OnlineAuthority } from "./numberAuthority";
import type { LocalCounterState, Stamper } from "./ports";
import { readRoamingPosition, ROAMING_OFFLINE_HWM_KEY } from "./roamingCounters";
import type { Scheduler } from "./scheduler";
import { createStamper } from "./stamper";
import type { LocalNumbering } from "./stamper";

export type StandaloneAuthorityOptions = ConnectivityTiming & {
  /** Roaming settings (createOfficePorts().roaming): holds the online counter. */
  readonly roaming: RoamingStore;
  /** The result of openCounterStore(): the local counter, or why there is none. */
  readonly counters: CounterStoreOpening;
  readonly activityLog: ActivityLog;
  /** The mailbox's address, recorded as each activity's sender. */
  readonly userEmail: string;
  /** Where online/offline events arrive: `window`. */
  readonly events: ConnectivityEvents;
  /** `() => navigator.onLine`. */
  readonly isOnline: () => boolean;
  /** `Date.now`. */
  readonly now: () => number;
  readonly scheduler?: Scheduler;
};

export type TokenAuthority = {
  readonly stamper: Stamper;
  readonly monitor: StandaloneConnectivityMonitor;
  /** The online authority in use; exposed for diagnostics. */
  readonly online: OnlineAuthority;
};

export function createStandaloneAuthority(options: StandaloneAuthorityOptions): TokenAuthority {
  const { roaming, counters, activityLog, now } = options;

  let local: LocalNumbering;
  let online: OnlineAuthority;
  let localCounter: LocalCounterState;
  if (counters.available) {
    const localAuthority = createLocalAuthority({
      counters: counters.store,
      activityLog,
      now,
      offlineHighWater: (user) => readRoamingPosition(roaming, ROAMING_OFFLINE_HWM_KEY, user),
    });
    local = { available: true, authority: localAuthority };
    online = createMailboxAuthority({ roaming, counters: counters.store, activityLog, local: localAuthority, now });
    localCounter = { available: true };
  } else {
    // Without a device counter the mailbox has no guard against a stale roaming copy in another
    // window, so online numbering stops too rather than risk a repeat.
    local = { available: false, reason: counters.reason };
    online = unguardedMailbox(roaming, counters.reason);
    localCounter = { available: false, reason: counters.reason };
  }

  const monitor = createConnectivityMonitor({
    ...pickTiming(options),
    authority: online,
    activityLog,
    events: options.events,
    isOnline: options.isOnline,
    localCounter,
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
  });
  const stamper = createStamper({
    online,
    local,
    monitor,
    activityLog,
    userEmail: options.userEmail,
    now,
    ...(options.pingTimeoutMs !== undefined ? { onlineTimeoutMs: options.pingTimeoutMs } : {}),
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    onActivityRecorded: () => void monitor.refreshPending().catch(() => undefined),
  });
  return { stamper, monitor, online };
}

/** The mailbox answers pings, but issues nothing: numbering needs the device counter as its guard. */
function unguardedMailbox(roaming: RoamingStore, reason: string): OnlineAuthority {
  return {
    kind: "mailbox",
    label: "mailbox",
    issue: () => Promise.reject(new Error(`Numbers from the mailbox need this device's counter as a guard against repeats, and it is missing: ${reason}`)),
    ping: () => roaming.save(),
    syncOffline: async () => undefined,
  };
}

/** The timing fields of `options` that are set (exactOptionalPropertyTypes: no undefined values passed on). */
export function pickTiming(options: ConnectivityTiming): ConnectivityTiming {
  const timing: { -readonly [K in keyof ConnectivityTiming]: ConnectivityTiming[K] } = {};
  if (options.pingTimeoutMs !== undefined) timing.pingTimeoutMs = options.pingTimeoutMs;
  if (options.onlineRecheckMs !== undefined) timing.onlineRecheckMs = options.onlineRecheckMs;
  if (options.offlineFirstRecheckMs !== undefined) timing.offlineFirstRecheckMs = options.offlineFirstRecheckMs;
  if (options.offlineMaxRecheckMs !== undefined) timing.offlineMaxRecheckMs = options.offlineMaxRecheckMs;
  return timing;
}
