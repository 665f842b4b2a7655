/**
 * Which mode the next token uses (docs/DESIGN.md §3). navigator.onLine === false is a sure sign of offline;
 * true is only a hint, confirmed by pinging the authority under a short timeout. Re-checks with
 * backoff while offline and periodically while online; on reconnect, syncs queued offline
 * activities once. A stamp whose online request fails reports it, and that counts as a failed ping.
 */
import type { ActivityLog } from "../storage/ports";
import type { Connectivity, ConnectivityMonitor, LocalCounterState } from "./ports";
import { isAccessTokenError } from "../office/tokenErrors";
import { AuthorityTimeoutError } from "./errors";
import type { OnlineAuthority } from "./numberAuthority";
import { systemScheduler, withTimeout } from "./scheduler";
import type { Scheduler } from "./scheduler";

/** The browser's online/offline events: `window`, or a plain EventTarget in tests. */
export type ConnectivityEvents = Pick<EventTarget, "addEventListener" | "removeEventListener">;

export type ConnectivityTiming = {
  /** How long a ping may take before the authority counts as offline; at most 1000. @default 800 */
  readonly pingTimeoutMs?: number;
  /** Re-check interval while online: how soon an idle pane notices an outage. @default 30000 */
  readonly onlineRecheckMs?: number;
  /** First re-check after going offline; doubles each time. @default 2000 */
  readonly offlineFirstRecheckMs?: number;
  /** Longest wait between re-checks while offline. @default 60000 */
  readonly offlineMaxRecheckMs?: number;
};

export type ConnectivityMonitorOptions = ConnectivityTiming & {
  readonly authority: Pick<OnlineAuthority, "kind" | "label" | "ping" | "syncOffline">;
  readonly activityLog: ActivityLog;
  readonly events: ConnectivityEvents;
  /** navigator.onLine, read each time. */
  readonly isOnline: () => boolean;
  readonly localCounter: LocalCounterState;
  readonly scheduler?: Scheduler;
  /** Called when a sync fails (the activities stay queued); for logging. */
  readonly onSyncError?: (error: unknown) => void;
};

/** The monitor plus what the stamper needs to keep the pending count and checks current. */
export type StandaloneConnectivityMonitor = ConnectivityMonitor & {
  /** Re-reads the number of queued offline activities (after a stamp). */
  refreshPending(): Promise<void>;
  /** Sends queued activities to the authority now (an online one failed to record); failures stay queued. */
  sync(): Promise<void>;
  /**
   * The online authority just failed a request (a stamp's issue timed out or was refused): offline
   * at once with `reason`, then re-check with backoff. The failure is fresh evidence, so no ping
   * (and no second timeout) stands between it and the badge.
   */
  reportOnlineFailure(reason: string): void;
  /** Resolves when no check or sync is running (tests, and the send handler before it finishes). */
  idle(): Promise<void>;
};

export const MAX_PING_TIMEOUT_MS = 1000;
const BROWSER_OFFLINE = "The browser reports no network.";

export function createConnectivityMonitor(options: ConnectivityMonitorOptions): StandaloneConnectivityMonitor {
  const { authority, activityLog, events, isOnline, localCounter } = options;
  const scheduler = options.scheduler ?? systemScheduler;
  const pingTimeoutMs = Math.min(options.pingTimeoutMs ?? 800, MAX_PING_TIMEOUT_MS);
  // docs/DESIGN.md §3: periodic re-checks. 30 s bounds how long an idle pane shows Online during an outage;
  // a stamp in between does not wait for it (it reports its own failure).
  const onlineRecheckMs = options.onlineRecheckMs ?? 30_000;
  const offlineFirstMs = options.offlineFirstRecheckMs ?? 2_000;
  const offlineMaxMs = options.offlineMaxRecheckMs ?? 60_000;

  let state: Connectivity = { status: "checking", pending: 0 };
  let pending = 0;
  let generation = 0; // a newer check or event makes older ping results stale
  let offlineDelay = offlineFirstMs;
  let timer: unknown;
  let disposed = false;
  const listeners = new Set<(state: Connectivity) => void>();
  const running = new Set<Promise<unknown>>();
  let syncing: Promise<void> | undefined;
  let syncAgain = false;
  /** Every activity the authority refused for good in this pane's life; shown until the pane closes. */
  const rejected = new Map<string, string>();
  const notes = (): { syncProblem?: string } => (rejected.size > 0 ? { syncProblem: describeRejected(rejected) } : {});

  const emit = (next: Connectivity): void => {
    if (disposed || sameState(state, next)) return;
    state = next;
    for (const listener of [...listeners]) listener(state);
  };
  const goOffline = (reason: string): void => emit({ status: "offline", reason, pending, localCounter, ...notes() });
  const goOnline = (): void => emit({ status: "online", authority: authority.kind, pending, ...notes() });

  const schedule = (ms: number): void => {
    scheduler.clearTimeout(timer);
    if (!disposed) timer = scheduler.setTimeout(() => track(check()), ms);
  };
  const scheduleOfflineRecheck = (): void => {
    schedule(offlineDelay);
    offlineDelay = Math.min(offlineDelay * 2, offlineMaxMs);
  };
  const track = <T>(work: Promise<T>): Promise<T> => {
    running.add(work);
    void work.finally(() => running.delete(work)).catch(() => undefined);
    return work;
  };

  const refreshPending = async (): Promise<void> => {
    const count = await activityLog.pendingCount();
    if (count === pending) return;
    pending = count;
    emit({ ...state, pending });
  };

  // One sync at a time; a request during a sync runs once more after it, never alongside it.
  const sync = (): Promise<void> => {
    if (syncing) {
      syncAgain = true;
      return syncing;
    }
    syncing = (async () => {
      do {
        syncAgain = false;
        const queued = await activityLog.unsynced();
        if (queued.length === 0) break;
        const report = await authority.syncOffline(queued);
        // Refused ones are marked too: sending them again would be refused again. They are reported instead.
        for (const activity of queued) await activityLog.markSynced(activity.token);
        if (report && report.rejected.length > 0) {
          for (const { token, reason } of report.rejected) rejected.set(token, reason);
          emit({ ...state, ...notes() });
        }
      } while (syncAgain && !disposed);
    })()
      .catch((error: unknown) => options.onSyncError?.(error))
      .finally(() => {
        syncing = undefined;
      })
      .then(refreshPending);
    return syncing;
  };

  /** `announce`: show "checking" meanwhile (a user's Retry, a reconnect); scheduled checks keep the current state. */
  async function check(announce = false): Promise<void> {
    if (disposed) return;
    const mine = ++generation;
    scheduler.clearTimeout(timer);
    if (!isOnline()) {
      goOffline(BROWSER_OFFLINE);
      scheduleOfflineRecheck();
      return;
    }
    if (announce) emit({ status: "checking", pending, ...notes() });
    try {
      await withTimeout(authority.ping(), pingTimeoutMs, scheduler, () => new AuthorityTimeoutError(authority.label, pingTimeoutMs));
    } catch (error) {
      if (mine !== generation || disposed) return;
      goOffline(offlineReason(authority.label, error));
      scheduleOfflineRecheck();
      return;
    }
    if (mine !== generation || disposed) return;
    offlineDelay = offlineFirstMs;
    goOnline();
    schedule(onlineRecheckMs);
    await sync();
  }

  const onOnline = (): void => {
    offlineDelay = offlineFirstMs;
    track(check(true));
  };
  const onOffline = (): void => {
    generation++; // whatever ping is in flight no longer counts
    goOffline(BROWSER_OFFLINE);
    scheduleOfflineRecheck();
  };
  events.addEventListener("online", onOnline);
  events.addEventListener("offline", onOffline);
  track(refreshPending().catch(() => undefined).then(() => check()));

  return {
    current: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    recheck() {
      offlineDelay = offlineFirstMs;
      track(check(true));
    },
    reportOnlineFailure(reason) {
      // Already offline: that state's own reason and backoff re-checks stand.
      if (disposed || state.status === "offline") return;
      generation++; // a ping still in flight predates the failure: its answer no longer counts
      goOffline(reason);
      scheduleOfflineRecheck();
    },
    refreshPending: () => track(refreshPending()),
    sync: () => track(sync()),
    async idle() {
      while (running.size > 0 || syncing) await Promise.allSettled([...running, syncing]);
    },
    dispose() {
      disposed = true;
      generation++;
      scheduler.clearTimeout(timer);
      events.removeEventListener("online", onOnline);
      events.removeEventListener("offline", onOffline);
      listeners.clear();
    },
  };
}

function offlineReason(label: string, error: unknown): string {
  if (error instanceof AuthorityTimeoutError) return error.message;
  // Sign-in failed before anything was asked: its message says what happened and what to do.
  if (isAccessTokenError(error)) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `The ${label} did not answer: ${detail}`;
}

function describeRejected(rejected: ReadonlyMap<string, string>): string {
  const reasons = [...rejected.values()];
  if (reasons.length === 1) return reasons[0] ?? "";
  return `${reasons.length} activities were refused by the authority and will not be sent again: ${reasons.join(" ")}`;
}

function sameState(a: Connectivity, b: Connectivity): boolean {
  if (a.status !== b.status || a.pending !== b.pending || a.syncProblem !== b.syncProblem) return false;
  if (a.status === "online" && b.status === "online") return a.authority === b.authority;
  if (a.status === "offline" && b.status === "offline") return a.reason === b.reason && a.localCounter === b.localCounter;
  return true;
}
