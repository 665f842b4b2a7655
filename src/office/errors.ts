/** Typed errors of the Office layer: callers tell a too-large save from a dropped network without parsing text. */
import type { ValidationError } from "../core";

/**
 * Why a roaming save failed:
 * - "too-large": over Outlook's 32 KB per add-in (checked before saving, or Office's 9057);
 * - "offline": Office's 9041, the network is gone;
 * - "internal": Office's 9019 GenericSettingsError, an intermittent host failure that often passes on retry;
 * - "unknown": anything else, reported with Office's own message.
 */
export type RoamingSaveFailure = "too-large" | "offline" | "internal" | "unknown";

export class RoamingSaveError extends Error {
  override name = "RoamingSaveError";
  constructor(
    message: string,
    readonly failure: RoamingSaveFailure,
    /** Office's error code when Office reported the failure; undefined for the size check made before saving. */
    readonly code?: number | string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Settings that fail validation are never saved; `errors` holds one problem per invalid field (the form words them). */
export class SettingsInvalidError extends Error {
  override name = "SettingsInvalidError";
  constructor(readonly errors: readonly ValidationError[]) {
    super(`Settings were not saved: ${errors.map((e) => `${e.field} (${e.problem.code})`).join(", ")}`);
  }
}
