/** In-memory fakes of the ports, for every layer's tests (panes included). */
export { FakeComposeItem } from "./composeItem";
export type { FakeComposeItemInit } from "./composeItem";
export { FakeMailbox } from "./mailbox";
export { FakeMailboxSettings, FakeRoamingStore } from "./roamingStore";
export type { FakeRoamingMode } from "./roamingStore";
export { FakeConnectivityMonitor } from "./connectivityMonitor";
export { FakeLockManager } from "./lockManager";
export { makeActivity } from "./activities";
export { FakeActivityLog } from "./activityLog";
export { createMemoryActivityLog, createMemoryCounterStore } from "../../src/storage";
export type { MemoryCounterStore } from "../../src/storage";
export { FakeServiceWorker, FakeServiceWorkerContainer } from "./serviceWorker";
export { FakeNestableClient } from "./nestableClient";
export type { FakeMsalOutcome } from "./nestableClient";
export { FakeSettingsPort } from "./settingsPort";
export { FakeSettingsHub } from "./settingsChannel";
export { FakeDialogHost } from "./dialogHost";
export type { FakeDialogScript } from "./dialogHost";
