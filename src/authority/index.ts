/** Where numbers come from, and the rules that stamp them. Panes use createStandaloneAuthority. */
export type * from "./ports";
export { createStandaloneAuthority } from "./standalone";
export type { StandaloneAuthorityOptions, TokenAuthority } from "./standalone";
export { createStamper } from "./stamper";
export type { LocalNumbering, StamperOptions } from "./stamper";
export { createConnectivityMonitor, MAX_PING_TIMEOUT_MS } from "./connectivityMonitor";
export type { ConnectivityEvents, ConnectivityMonitorOptions, ConnectivityTiming, StandaloneConnectivityMonitor } from "./connectivityMonitor";
export { createMailboxAuthority, onlineHighWaterName } from "./mailboxAuthority";
export type { MailboxAuthorityOptions } from "./mailboxAuthority";
export { createLocalAuthority, offlineCounterName } from "./localAuthority";
export type { LocalAuthority, LocalAuthorityOptions } from "./localAuthority";
export type { IssuedNumber, NumberAuthority, OnlineAuthority } from "./numberAuthority";
export { ROAMING_OFFLINE_HWM_KEY, ROAMING_ONLINE_KEY, readRoamingPosition } from "./roamingCounters";
export { advance, decodePosition, encodePosition, later } from "./position";
export type { CounterPosition } from "./position";
export { AuthoritySaveError, AuthorityTimeoutError, CounterExhaustedError } from "./errors";
export { systemScheduler, withTimeout } from "./scheduler";
export type { Scheduler } from "./scheduler";
