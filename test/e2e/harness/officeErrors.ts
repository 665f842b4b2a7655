/**
 * The Office errors the harness's Office reports, with the codes, names and messages of office.js 1.1.110
 * (node_modules/@microsoft/office-js/dist/outlook-web-16.01.debug.js and en-us/outlook_strings.js).
 */

export type OfficeErrorData = { readonly code: number | string; readonly name: string; readonly message: string };

/**
 * roamingSettings.saveAsync past 32 KB. office.js checks the size before it saves and calls back
 * with 9019 (the reference for RoamingSettings.set names 9057; the shipped code uses 9019).
 */
export const ROAMING_SETTINGS_TOO_LARGE: OfficeErrorData = {
  code: 9019,
  name: "GenericSettingsError",
  message: "Invalid parameter size. Roaming settings can't exceed the 32 KB size limit.",
};

/** Any call that needs the server while the mailbox is offline. */
export const NETWORK_ERROR: OfficeErrorData = {
  code: 9041,
  name: "NetworkError",
  message: "The user is no longer connected to the network. Please check your network connection and try again.",
};

/** A call on an item that is no longer the current one (the draft was sent or closed meanwhile). */
export const ITEM_CHANGED: OfficeErrorData = {
  code: 9030,
  name: "APICallFailedDueToItemChange",
  message: "The selected item has been changed.",
};

/** office.js's own argument checks throw these synchronously, before any callback. */
export function argumentOutOfRange(paramName: string): Error {
  const error = new Error(`Sys.ArgumentOutOfRangeException: Specified argument was out of the range of valid values.\nParameter name: ${paramName}`);
  error.name = "Sys.ArgumentOutOfRangeException";
  return error;
}

export function argumentError(paramName: string): Error {
  const error = new Error(`Sys.ArgumentException: Value does not fall within the expected range.\nParameter name: ${paramName}`);
  error.name = "Sys.ArgumentException";
  return error;
}
