/**
 * How a runtime opens this device's stores (the offline counter and the activity log): IndexedDB
 * where there is one (indexedDbStorage), none in Office's JavaScript-only runtime (noDeviceStorage).
 * Injected, so the send handler's bundle for that runtime carries no IndexedDB code at all
 * (docs/AUTO-STAMP.md, docs/BENCHMARKS.md).
 */
import type { CounterStoreOpening } from "./counterStore";
import type { ActivityLogOpening } from "./indexedDbActivityLog";

export type DeviceStorage = {
  openCounterStore(): Promise<CounterStoreOpening>;
  openActivityLog(): Promise<ActivityLogOpening>;
};

/** A runtime without device storage: both stores unavailable, for `reason`. */
export function noDeviceStorage(reason: string): DeviceStorage {
  return {
    openCounterStore: async () => ({ available: false, reason }),
    openActivityLog: async () => ({ available: false, reason }),
  };
}
