/** Local persistence: the counter store (IndexedDB + Web Locks) and the activity log. */
export type * from "./ports";
export { CounterCorruptError, CounterStoreError } from "./errors";
export type { CounterStore, CounterStoreOpening, LockedCounter, LockedRecord } from "./counterStore";
export { openCounterStore, createIndexedDbCounterStore } from "./indexedDbCounterStore";
export type { CounterStoreEnvironment } from "./indexedDbCounterStore";
export { createMemoryCounterStore } from "./memoryCounterStore";
export type { MemoryCounterStore } from "./memoryCounterStore";
export { openActivityLog, createIndexedDbActivityLog } from "./indexedDbActivityLog";
export type { ActivityLogEnvironment, ActivityLogOpening } from "./indexedDbActivityLog";
export { createMemoryActivityLog } from "./memoryActivityLog";
export { noDeviceStorage } from "./deviceStorage";
export type { DeviceStorage } from "./deviceStorage";
export { indexedDbStorage } from "./indexedDbStorage";
export { openTrackingDatabase, DEFAULT_DATABASE_NAME } from "./database";
export type { LockManagerLike } from "./locks";
