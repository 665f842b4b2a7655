/**
 * RoamingStore over Office.context.roamingSettings. Outlook keeps at most 32 KB of roaming settings
 * per add-in (error 9057 past that); the size is checked before saving, so the message can name it.
 */
import { fromAsyncResult, OfficeError } from "./asyncResult";
import { RoamingSaveError } from "./errors";
import type { RoamingSettingsLike } from "./officeTypes";
import type { RoamingStore } from "./ports";

/** Outlook's limit for all roaming settings of one add-in. */
export const ROAMING_SETTINGS_LIMIT_BYTES = 32 * 1024;

/** Office error codes for roaming saves (Office Common API error codes; OfficeDev/office-js#3060, #3983). */
export const ROAMING_ERROR_CODES = {
  /** GenericSettingsError: "An internal error has occurred." Intermittent; the same save usually succeeds on retry. */
  internal: 9019,
  /** Network error: the user is no longer connected. */
  offline: 9041,
  /** Size Limit Exceeded: more than 32 KB of settings for the add-in. */
  tooLarge: 9057,
} as const;

export type RoamingStoreOptions = {
  /**
   * Keys saved earlier that this session may not touch: Office cannot list its keys, so the size
   * check counts these plus every key read or written through this store. @default []
   */
  readonly knownKeys?: readonly string[];
  /** Waits before each retry of a transient failure; at most two retries. @default [250, 750] */
  readonly retryDelaysMs?: readonly number[];
  readonly sleep?: (ms: number) => Promise<void>;
};

export function createRoamingStore(roamingSettings: RoamingSettingsLike, options: RoamingStoreOptions = {}): RoamingStore {
  const keys = new Set(options.knownKeys ?? []);
  const retryDelays = (options.retryDelaysMs ?? [250, 750]).slice(0, 2);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  const saveOnce = (): Promise<void> => fromAsyncResult<void>((callback) => roamingSettings.saveAsync(callback));

  return {
    get(key) {
      const value = roamingSettings.get(key);
      if (value !== undefined && value !== null) keys.add(key);
      return value;
    },
    set(key, value) {
      keys.add(key);
      roamingSettings.set(key, value);
    },
    remove(key) {
      keys.delete(key);
      roamingSettings.remove(key);
    },
    async save() {
      const bytes = roamingSize(roamingSettings, keys);
      if (bytes > ROAMING_SETTINGS_LIMIT_BYTES) {
        throw new RoamingSaveError(
          `Roaming settings would take ${formatBytes(bytes)}, more than Outlook's ${formatBytes(ROAMING_SETTINGS_LIMIT_BYTES)} per add-in; nothing was saved. Shorten the prefix history or other long settings.`,
          "too-large",
        );
      }
      for (let attempt = 0; ; attempt++) {
        try {
          await saveOnce();
          return;
        } catch (cause) {
          const error = describeSaveFailure(cause);
          // Only retry the known intermittent failure; size and network failures would fail again.
          const delay = retryDelays[attempt];
          if (error.failure !== "internal" || delay === undefined) throw error;
          await sleep(delay);
        }
      }
    },
  };
}

/** UTF-8 size of the settings as Office stores them: one JSON object of every key. */
export function roamingSize(roamingSettings: Pick<RoamingSettingsLike, "get">, keys: Iterable<string>): number {
  const all: Record<string, unknown> = {};
  for (const key of keys) {
    const value = roamingSettings.get(key);
    if (value !== undefined) all[key] = value;
  }
  return new TextEncoder().encode(JSON.stringify(all)).length;
}

/** Turns an Office failure of saveAsync into a RoamingSaveError with a message a user can act on. */
export function describeSaveFailure(cause: unknown): RoamingSaveError {
  if (!(cause instanceof OfficeError)) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return new RoamingSaveError(`Outlook could not save the add-in's settings to the mailbox: ${message}`, "unknown", undefined, { cause });
  }
  switch (Number(cause.code)) {
    case ROAMING_ERROR_CODES.tooLarge:
      return new RoamingSaveError(
        `Outlook refused to save the add-in's settings: together they exceed its ${formatBytes(ROAMING_SETTINGS_LIMIT_BYTES)} limit per add-in (error 9057). Shorten the prefix history or other long settings.`,
        "too-large",
        cause.code,
        { cause },
      );
    case ROAMING_ERROR_CODES.offline:
      return new RoamingSaveError("The mailbox cannot be reached: the network is gone (error 9041). Settings were not saved.", "offline", cause.code, { cause });
    case ROAMING_ERROR_CODES.internal:
      return new RoamingSaveError(
        `Outlook could not save the add-in's settings because of an internal error (error 9019: ${cause.message}). Try again in a moment.`,
        "internal",
        cause.code,
        { cause },
      );
    default:
      return new RoamingSaveError(`Outlook could not save the add-in's settings: ${cause.message} (error ${String(cause.code)}).`, "unknown", cause.code, { cause });
  }
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(1).replace(/\.0$/, "")} KB (${bytes} bytes)`;
}
