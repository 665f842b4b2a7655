/** The tracking service (docs/DESIGN.md §7) as the add-in sees it: the client, the online authority, the read pane's directory. */
export { createServiceClient, jwtExpiry, MAX_QUICK_TIMEOUT_MS } from "./client";
export type { CorrelateRequest, FetchLike, ServiceClient, ServiceClientOptions } from "./client";
export { DeploymentMismatchError, TrackingOffError, ServiceError, ServiceProtocolError, ServiceTimeoutError, ServiceUnreachableError } from "./errors";
export { activityRecord, createServiceAuthority, deploymentMismatch, ROAMING_SERVICE_USER_KEY, serviceUserCounterName } from "./serviceAuthority";
export type { ServiceAuthority, ServiceAuthorityOptions } from "./serviceAuthority";
export { createServiceModeAuthority } from "./serviceMode";
export type { ServiceModeOptions } from "./serviceMode";
export { createServiceDirectory } from "./directory";
export type { ActivityDirectory, DirectoryActivity, DirectoryMatch } from "./directory";
export type { ActivityRequest, Allocation, Correlation, Deployment, Health, RecordResult, ServiceActivity, ServiceUser } from "./types";
