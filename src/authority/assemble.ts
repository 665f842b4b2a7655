/**
 * What every mode shares: the device's offline numbering, and joining it with an online authority
 * into the { stamper, monitor } the panes and the send handler use. Standalone (standalone.ts) and
 * service mode (service/serviceMode.ts) differ only in their online authority.
 */
import { tokenUserNumber } from "../core";
import type { Settings } from "../core";
import type { RoamingStore } from "../office/ports";
import type { CounterStoreOpening } from "../storage/counterStore";
import type { ActivityLog } from "../storage/ports";
import { createConnectivityMonitor } from "./connectivityMonitor";
import type { ConnectivityEvents, ConnectivityTiming, StandaloneConnectivityMonitor } from "./connectivityMonitor";
import { createLocalAuthority } from "./localAuthority";
import type { LocalAuthority } from "./localAuthority";
import type { OnlineAuthority } from "./numberAuthority";
import { createOfflineReserve } from "./offlineReserve";
import type { OfflineReserve } from "./offlineReserve";
import { createReserveKeeper } from "./reserveKeeper";
import type { LocalCounterState, Stamper } from "./ports";
import { readRoamingPosition, ROAMING_OFFLINE_HWM_KEY } from "./roamingCounters";
import { systemScheduler, withTimeout } from "./scheduler";
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
  /** The settings in force, read when the device comes online to top up its offline reserve; without it, stamps alone top up. */
  readonly settings?: () => Settings;
};

export type TokenAuthority = {
  readonly stamper: Stamper;
  readonly monitor: StandaloneConnectivityMonitor;
  /** The online authority in use; exposed for diagnostics. */
  readonly online: OnlineAuthority;
};

/** This device's offline numbering, or why there is none. */
export type DeviceNumbering = {
  readonly local: LocalNumbering;
  readonly localCounter: LocalCounterState;
  /** The offline counter itself, when there is one (online authorities carry its high-water mark). */
  readonly authority: LocalAuthority | null;
  /** The offline numbers reserved for this device, when it keeps a counter store. */
  readonly reserve: OfflineReserve | null;
};

export function deviceNumbering({ roaming, counters, activityLog, now }: StandaloneAuthorityOptions): DeviceNumbering {
  if (!counters.available) {
    return { local: { available: false, reason: counters.reason }, localCounter: { available: false, reason: counters.reason }, authority: null, reserve: null };
  }
  // Offline numbers stay above the high-water mark in the mailbox, so losing this device's storage cannot repeat them.
  const reserve = createOfflineReserve(counters.store, activityLog, now);
  const authority = createLocalAuthority({
    counters: counters.store,
    activityLog,
    now,
    reserve,
    offlineHighWater: (user) => readRoamingPosition(roaming, ROAMING_OFFLINE_HWM_KEY, user),
  });
  return { local: { available: true, authority }, localCounter: { available: true }, authority, reserve };
}

/** How long a stamp waits for a reserve that is being taken. */
const RESERVE_WAIT_MS = 1000;

/** Joins `online` and the device's numbering: the monitor watches `online`, the stamper uses both. */
export function assembleAuthority(online: OnlineAuthority, device: DeviceNumbering, options: StandaloneAuthorityOptions): TokenAuthority {
  const monitor = createConnectivityMonitor({
    ...pickTiming(options),
    authority: online,
    activityLog: options.activityLog,
    events: options.events,
    isOnline: options.isOnline,
    localCounter: device.localCounter,
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
  });
  const stamper = createStamper({
    online,
    local: device.local,
    monitor,
    activityLog: options.activityLog,
    userEmail: options.userEmail,
    now: options.now,
    ...(options.pingTimeoutMs !== undefined ? { onlineTimeoutMs: options.pingTimeoutMs } : {}),
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
    onActivityRecorded: () => void monitor.refreshPending().catch(() => undefined),
    // An online activity the authority did not take (service mode): the sync queue sends it now.
    onRecordFailed: () => void monitor.sync().catch(() => undefined),
  });
  const keeper = online.reserves && device.reserve && device.authority ? createReserveKeeper({ source: online.reserves, reserve: device.reserve, local: device.authority }) : null;
  if (keeper === null) return { stamper, monitor, online };

  const topUp = async (settings: Settings): Promise<void> => {
    const assigned = online.userNumber ? await online.userNumber.current(settings).catch(() => undefined) : undefined;
    const user = online.userNumber ? assigned?.user : tokenUserNumber(settings);
    if (user !== undefined) await keeper.topUp(assigned?.settings ?? settings, user);
  };
  // Online again (or for the first time): take a reserve before the device may need it.
  monitor.subscribe((state) => {
    if (state.status === "online" && options.settings) void topUp(options.settings()).catch(() => undefined);
  });
  const keptStamper: Stamper = {
    ...stamper,
    async stamp(item, settings) {
      // A reserve on its way is worth a short wait: without it an offline stamp would fall back.
      await withTimeout(keeper.idle(), RESERVE_WAIT_MS, options.scheduler ?? systemScheduler, () => new Error("reserve still on its way")).catch(() => undefined);
      const outcome = await stamper.stamp(item, settings);
      if (monitor.current().status === "online") void topUp(settings).catch(() => undefined);
      return outcome;
    },
  };
  return { stamper: keptStamper, monitor, online };
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
