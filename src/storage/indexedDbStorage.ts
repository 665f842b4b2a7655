/** The device's stores on IndexedDB (and Web Locks): browsers, and Office's browser runtimes. */
import type { DeviceStorage } from "./deviceStorage";
import { openActivityLog } from "./indexedDbActivityLog";
import type { ActivityLogEnvironment } from "./indexedDbActivityLog";
import { openCounterStore } from "./indexedDbCounterStore";
import type { CounterStoreEnvironment } from "./indexedDbCounterStore";

export function indexedDbStorage(env: CounterStoreEnvironment & ActivityLogEnvironment = {}): DeviceStorage {
  return { openCounterStore: () => openCounterStore(env), openActivityLog: () => openActivityLog(env) };
}
