/** The codec's typed errors: callers can tell a bad token from bad settings without parsing messages. */
import type { ValidationError } from "./types";

/** A token could not be formatted (a part out of range) or a text is not a token of ours. */
export class TokenFormatError extends Error {
  override name = "TokenFormatError";
}

/**
 * The settings handed to the codec are not valid. A programming error: settings are validated
 * (validateSettings) before they are saved or used, so this only fires when that step is skipped.
 */
export class InvalidSettingsError extends Error {
  override name = "InvalidSettingsError";
  readonly errors: readonly ValidationError[];

  constructor(errors: readonly ValidationError[]) {
    // For developers (settings skipped validation): the codes, not the user's words.
    super(`Invalid settings: ${errors.map((e) => `${e.field} (${e.problem.code})`).join(", ")}`);
    this.errors = errors;
  }
}
