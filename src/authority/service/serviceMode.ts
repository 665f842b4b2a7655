/**
 * Service mode (settings.serviceUrl set): the tracking service is the online authority and assigns
 * the user number; the device's counter numbers offline under the user number the service gave
 * last. The same { stamper, monitor } as standalone, so the panes never change.
 */
import { createConnectivityMonitor } from "../connectivityMonitor";
import { createLocalAuthority } from "../localAuthority";
import type { LocalAuthority } from "../localAuthority";
import type { LocalCounterState } from "../ports";
import { readRoamingPosition, ROAMING_OFFLINE_HWM_KEY } from "../roamingCounters";
import { createStamper } from "../stamper";
import type { LocalNumbering } from "../stamper";
import { pickTiming } from "../standalone";
import type { StandaloneAuthorityOptions, TokenAuthority } from "../standalone";
import type { ServiceClient } from "./client";
import { createServiceAuthority } from "./serviceAuthority";

export type ServiceModeOptions = StandaloneAuthorityOptions & {
  /** The tracking service at settings.serviceUrl. */
  readonly client: ServiceClient;
};

export function createServiceModeAuthority(options: ServiceModeOptions): TokenAuthority {
  const { roaming, counters, activityLog, now, client } = options;

  let local: LocalNumbering;
  let localCounter: LocalCounterState;
  let positions: LocalAuthority | null = null;
  if (counters.available) {
    // Offline numbers stay above the high-water mark in the mailbox, so losing this device's storage cannot repeat them.
    const localAuthority = createLocalAuthority({
      counters: counters.store,
      activityLog,
      now,
      offlineHighWater: (user) => readRoamingPosition(roaming, ROAMING_OFFLINE_HWM_KEY, user),
    });
    local = { available: true, authority: localAuthority };
    localCounter = { available: true };
    positions = localAuthority;
  } else {
    local = { available: false, reason: counters.reason };
    localCounter = { available: false, reason: counters.reason };
  }
  // Unlike the mailbox, the service allocates atomically for every device: online numbering needs no device counter as a guard.
  const online = createServiceAuthority({ client, mailbox: options.userEmail, activityLog, counters: counters.available ? counters.store : null, roaming, local: positions });

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
    onRecordFailed: () => void monitor.sync().catch(() => undefined),
  });
  return { stamper, monitor, online };
}
