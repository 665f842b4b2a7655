/** The Office layer: the only code that touches Office.context. Everything else sees these ports. */
export type * from "./ports";
export type * from "./officeTypes";
export { fromAsyncResult, OfficeError } from "./asyncResult";
export type { AsyncResultLike } from "./asyncResult";
export { RoamingSaveError, SettingsInvalidError } from "./errors";
export type { RoamingSaveFailure } from "./errors";
export { canSetSubject, createComposeItem, draftKeyFor, emailAddresses } from "./composeItem";
export type { ComposeItemOptions } from "./composeItem";
export { createReadMessage } from "./readMessage";
export { createMailbox } from "./mailbox";
export type { MailboxOptions } from "./mailbox";
export { createRoamingStore, describeSaveFailure, roamingSize, ROAMING_ERROR_CODES, ROAMING_SETTINGS_LIMIT_BYTES } from "./roamingStore";
export type { RoamingStoreOptions } from "./roamingStore";
export { createSettingsPort, loadSettings, SETTINGS_KEY } from "./settingsPort";
export { createOfficePorts, ROAMING_KEYS } from "./officePorts";
export type { OfficePorts } from "./officePorts";
export { AccessTokenError, createOfficeAccessTokenSource, describeSsoError } from "./accessToken";
export type { AccessTokenSource, OfficeRuntimeLike } from "./accessToken";
