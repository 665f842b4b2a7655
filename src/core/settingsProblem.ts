/**
 * What is wrong with a setting, as a code and its parameters, never as a sentence: core is
 * language-free, and each pane says it in the user's language (docs/DESIGN.md §9).
 */

/** A value as validation saw it, safe to show: a short literal, or what kind of thing it was. */
export type SeenValue =
  /** JSON text of a string (cut at 40 characters, then "…"), a number or a boolean, or `null`. */
  | { readonly kind: "literal"; readonly text: string }
  | { readonly kind: "list" }
  | { readonly kind: "nothing" }
  /** An object, a function or a symbol: `type` is its typeof. */
  | { readonly kind: "other"; readonly type: string };

/** A character named so that invisible ones stay visible: `code` is "U+00A0". */
export type SeenChar =
  | { readonly kind: "space" | "tab"; readonly code: string }
  | { readonly kind: "invisible"; readonly code: string }
  | { readonly kind: "visible"; readonly char: string };

/** Which prefix a prefix problem is about: the current one, or an earlier one (1-based). */
export type PrefixSubject = { readonly kind: "prefix" } | { readonly kind: "earlier-prefix"; readonly position: number };

export type SettingsProblem =
  | { readonly code: "not-an-object"; readonly got: SeenValue }
  /** What roaming settings hold is not a record of fields (`found` is its typeof): the defaults are in use. */
  | { readonly code: "saved-unreadable"; readonly found: string }
  | { readonly code: "unknown-setting"; readonly key: string; readonly known: readonly string[] }
  | { readonly code: "prefix-not-text"; readonly who: PrefixSubject; readonly got: SeenValue }
  | { readonly code: "prefix-empty"; readonly who: PrefixSubject }
  | { readonly code: "prefix-too-long"; readonly who: PrefixSubject; readonly length: number }
  | { readonly code: "prefix-whitespace" | "prefix-invisible" | "prefix-broken"; readonly who: PrefixSubject; readonly char: SeenChar; readonly position: number }
  | { readonly code: "prefix-ends-in-digit"; readonly who: PrefixSubject; readonly char: SeenChar }
  | { readonly code: "history-not-list"; readonly got: SeenValue }
  /** `first`: the 0-based index of the entry it repeats. */
  | { readonly code: "history-repeats"; readonly position: number; readonly prefix: string; readonly first: number }
  | { readonly code: "history-is-current"; readonly position: number; readonly prefix: string }
  | { readonly code: "integer-range"; readonly setting: "userDigits" | "counterDigits" | "activeDays"; readonly min: number; readonly max: number; readonly got: SeenValue }
  /** `max` and `userDigits` are absent while userDigits is itself invalid. */
  | { readonly code: "base-range"; readonly max?: number; readonly userDigits?: number; readonly got: SeenValue }
  | { readonly code: "ordinal-invalid"; readonly got: SeenValue }
  | { readonly code: "ordinal-no-room"; readonly ordinal: number; readonly base: number; readonly userDigits: number }
  | { readonly code: "ordinal-range"; readonly max: number; readonly base: number; readonly userDigits: number; readonly userMax: number; readonly ordinal: number }
  | { readonly code: "service-url-not-text"; readonly got: SeenValue }
  | { readonly code: "service-url-spaces" | "service-url-credentials" }
  | { readonly code: "service-url-not-address" | "service-url-http" | "service-url-scheme"; readonly value: string }
  | { readonly code: "tracking-not-boolean" | "auto-stamp-not-boolean"; readonly got: SeenValue }
  /** Reported by the panes: the settings could not be read, or not used for decoding; `detail` says why. */
  | { readonly code: "settings-unreadable" | "settings-undecodable"; readonly detail: string }
  /** The tracking service's deployment failed validation; the user's own settings stay in use. */
  | { readonly code: "service-settings-unusable"; readonly serviceUrl: string; readonly reasons: readonly SettingsProblem[] };

export type SettingsProblemCode = SettingsProblem["code"];
