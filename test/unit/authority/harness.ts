/** A device for numbering tests: windows that share IndexedDB, Web Locks and the mailbox's roaming settings. */
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { DEFAULT_SETTINGS, tokenUserNumber } from "../../../src/core";
import type { Settings } from "../../../src/core";
import { createLocalAuthority, createMailboxAuthority, createStamper, readRoamingPosition, ROAMING_OFFLINE_HWM_KEY, } from "../../../src/authority";
import { createOfflineReserve } from "../../../src/authority/offlineReserve";
import type { OfflineReserve, TakenReserve } from "../../../src/authority/offlineReserve";
import { createReserveKeeper } from "../../../src/authority/reserveKeeper";
import type { ReserveKeeper } from "../../../src/authority/reserveKeeper";
import type { LocalAuthority, OnlineAuthority, Stamper } from "../../../src/authority";
import type { Scheduler } from "../../../src/authority";
import { openActivityLog, openCounterStore } from "../../../src/storage";
import type { ActivityLog, CounterStore } from "../../../src/storage";
import { FakeConnectivityMonitor, FakeLockManager, FakeMailboxSettings } from "../../fakes";
import type { FakeRoamingStore } from "../../fakes";

export const settingsFor = (overrides: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, userOrdinal: 2, ...overrides });

/** One device: its IndexedDB and lock manager; `mailbox` may be shared with other devices. */
export class Device {
  factory = new IDBFactory();
  readonly locks = new FakeLockManager();
  constructor(readonly mailbox: FakeMailboxSettings = new FakeMailboxSettings()) {}

  /** Losing local storage: the browser's data for the add-in is gone. */
  wipeLocalStorage(): void {
    this.factory = new IDBFactory();
  }

  async openWindow(options: WindowOptions = {}): Promise<Window> {
    const opening = await openCounterStore({ indexedDB: this.factory, locks: this.locks });
    const logOpening = await openActivityLog({ indexedDB: this.factory });
    if (!opening.available || !logOpening.available) throw new Error("storage unavailable");
    return new Window(this.mailbox.open(), opening.store, logOpening.log, options);
  }
}

/** `withoutReserve`: offline stamps use the device's own counter only (as before reserves). `onReserve`: sees each reserve taken. */
export type WindowOptions = {
  now?: () => number;
  scheduler?: Scheduler;
  onlineTimeoutMs?: number;
  withoutReserve?: boolean;
  onReserve?: (user: number, taken: TakenReserve) => void;
};

/** One pane: its own roaming copy (read when it opened), the device's counters and log. */
export class Window {
  readonly monitor = new FakeConnectivityMonitor();
  readonly local: LocalAuthority;
  readonly online: OnlineAuthority;
  readonly stamper: Stamper;
  readonly reserve: OfflineReserve;
  readonly keeper: ReserveKeeper;
  clock = 1_700_000_000_000;

  constructor(
    readonly roaming: FakeRoamingStore,
    readonly counters: CounterStore,
    readonly log: ActivityLog,
    options: WindowOptions,
  ) {
    const now = options.now ?? (() => this.clock);
    this.reserve = createOfflineReserve(counters, log, now);
    this.local = createLocalAuthority({
      counters,
      activityLog: log,
      now,
      offlineHighWater: (user) => readRoamingPosition(roaming, ROAMING_OFFLINE_HWM_KEY, user),
      ...(options.withoutReserve ? {} : { reserve: this.reserve }),
    });
    this.online = createMailboxAuthority({ roaming, counters, activityLog: log, local: this.local, now, currentUser: () => tokenUserNumber(settingsFor()) });
    const source = this.online.reserves!;
    const { onReserve } = options;
    this.keeper = createReserveKeeper({
      source: onReserve ? { take: async (s, user) => { const taken = await source.take(s, user); onReserve(user, taken); return taken; } } : source,
      reserve: this.reserve,
      local: this.local,
    });
    this.stamper = createStamper({
      online: this.online,
      local: { available: true, authority: this.local },
      monitor: this.monitor,
      activityLog: log,
      userEmail: "me@example.com",
      now,
      ...(options.scheduler ? { scheduler: options.scheduler } : {}),
      ...(options.onlineTimeoutMs !== undefined ? { onlineTimeoutMs: options.onlineTimeoutMs } : {}),
    });
  }
}

/** Takes this window's offline reserve now, as the pane does when it is online. */
export async function takeReserve(window: Window, settings: Settings): Promise<void> {
  await window.keeper.topUp(settings, tokenUserNumber(settings) ?? 0);
}

/** A scheduler whose timers fire only when the test says so. */
export class ManualScheduler implements Scheduler {
  private next = 1;
  /** Time passed on this scheduler's clock, in ms. */
  private elapsed = 0;
  readonly timers = new Map<number, { callback: () => void; ms: number; due: number }>();
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.set(id, { callback, ms, due: this.elapsed + ms });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  fireAll(): void {
    const due = [...this.timers.values()];
    this.timers.clear();
    for (const t of due) t.callback();
  }
  /** Lets `ms` pass: fires, in order, the timers that fall due by then. */
  advance(ms: number): void {
    this.elapsed += ms;
    for (const [id, t] of [...this.timers].sort((a, b) => a[1].due - b[1].due)) {
      if (t.due > this.elapsed || !this.timers.has(id)) continue;
      this.timers.delete(id);
      t.callback();
    }
  }
}
