/**
 * The settings model (docs/DESIGN.md §6): defaults, limits and validation with one problem per invalid
 * field, as a code the panes put in the user's words (docs/DESIGN.md §9).
 */
import { InvalidSettingsError } from "./errors";
import type { PrefixSubject, SeenChar, SeenValue, SettingsProblem } from "./settingsProblem";
import type { Settings, ValidationError, ValidationResult } from "./types";

/** Every settings key, in display order. */
export const SETTINGS_FIELDS = [
  "trackingEnabled",
  "prefix",
  "prefixHistory",
  "userDigits",
  "counterDigits",
  "deploymentBase",
  "userOrdinal",
  "serviceUrl",
  "activeDays",
  "autoStampOnSend",
] as const satisfies readonly (keyof Settings)[];

// Compile-time check that SETTINGS_FIELDS names every key of Settings.
type MissingField = Exclude<keyof Settings, (typeof SETTINGS_FIELDS)[number]>;
const _allFieldsListed: MissingField extends never ? true : never = true;

/** The ranges validateSettings enforces; panes use them for input bounds. */
export const SETTINGS_LIMITS = {
  prefixLength: { min: 1, max: 20 },
  userDigits: { min: 1, max: 10 },
  counterDigits: { min: 1, max: 9 },
  activeDays: { min: 1, max: 3650 },
} as const;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  trackingEnabled: true,
  prefix: "CRM:",
  prefixHistory: Object.freeze([]) as readonly string[],
  userDigits: 3,
  counterDigits: 4,
  deploymentBase: 0,
  userOrdinal: null,
  serviceUrl: "",
  activeDays: 30,
  autoStampOnSend: false,
});

/** 1 + userDigits + counterDigits: the length of a token's digit run. */
export function tokenDigitCount(settings: Settings): number {
  return 1 + settings.userDigits + settings.counterDigits;
}

/** The user number written in this user's tokens, or undefined until the user has an ordinal. */
export function tokenUserNumber(settings: Settings): number | undefined {
  return settings.userOrdinal === null ? undefined : settings.deploymentBase + settings.userOrdinal;
}

/** Lower-cases ASCII letters only: prefixes compare without regard to ASCII case, and nothing else. */
export function asciiLowerCase(text: string): string {
  return text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}

/** Why `value` is not a valid prefix (`who` says which one); undefined when it is valid. */
export function prefixProblem(value: unknown, who: PrefixSubject = { kind: "prefix" }): SettingsProblem | undefined {
  const { max } = SETTINGS_LIMITS.prefixLength;
  if (typeof value !== "string") return { code: "prefix-not-text", who, got: seen(value) };
  if (value.length === 0) return { code: "prefix-empty", who };
  const chars = Array.from(value);
  if (chars.length > max) return { code: "prefix-too-long", who, length: chars.length };
  for (const [i, ch] of chars.entries()) {
    const code = ch.codePointAt(0) ?? 0;
    const at = { who, char: seenChar(ch), position: i + 1 };
    if (/\s/.test(ch)) return { code: "prefix-whitespace", ...at };
    if (/\p{Cc}|\p{Cf}/u.test(ch)) return { code: "prefix-invisible", ...at };
    if (code >= 0xd800 && code <= 0xdfff) return { code: "prefix-broken", ...at };
  }
  const last = chars[chars.length - 1] ?? "";
  if (/\p{Nd}/u.test(last)) return { code: "prefix-ends-in-digit", who, char: seenChar(last) };
  return undefined;
}

/**
 * Validates settings read from storage or typed by the user. Missing fields take their defaults;
 * every invalid field gets its own error. Never throws.
 */
export function validateSettings(input: unknown): ValidationResult {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ field: "settings", problem: { code: "not-an-object", got: seen(input) } }] };
  }
  const record = input as Record<string, unknown>;
  const errors: ValidationError[] = [];
  const fail = (field: string, problem: SettingsProblem): void => {
    errors.push({ field, problem });
  };
  // A missing (or undefined) field takes its default, so partial settings merge over the defaults.
  const read = <K extends keyof Settings>(key: K): unknown => (record[key] === undefined ? DEFAULT_SETTINGS[key] : record[key]);

  for (const key of Object.keys(record)) {
    if (!(SETTINGS_FIELDS as readonly string[]).includes(key)) {
      fail(key, { code: "unknown-setting", key, known: SETTINGS_FIELDS });
    }
  }

  const prefix = read("prefix");
  const prefixError = prefixProblem(prefix);
  if (prefixError !== undefined) fail("prefix", prefixError);

  const history = read("prefixHistory");
  if (!Array.isArray(history)) {
    fail("prefixHistory", { code: "history-not-list", got: seen(history) });
  } else {
    const seen = new Map<string, number>();
    history.forEach((entry: unknown, i) => {
      const field = `prefixHistory[${i}]`;
      const entryError = prefixProblem(entry, { kind: "earlier-prefix", position: i + 1 });
      if (entryError !== undefined) return fail(field, entryError);
      const key = asciiLowerCase(entry as string);
      const first = seen.get(key);
      if (first !== undefined) {
        return fail(field, { code: "history-repeats", position: i + 1, prefix: String(entry), first });
      }
      seen.set(key, i);
      if (typeof prefix === "string" && key === asciiLowerCase(prefix)) {
        fail(field, { code: "history-is-current", position: i + 1, prefix: String(entry) });
      }
    });
  }

  const userDigits = read("userDigits");
  const userDigitsOk = checkInteger(fail, "userDigits", userDigits, SETTINGS_LIMITS.userDigits);
  checkInteger(fail, "counterDigits", read("counterDigits"), SETTINGS_LIMITS.counterDigits);

  // The user number (base + ordinal) must fit userDigits; skip the dependent checks when that is itself invalid.
  const userLimit = userDigitsOk ? 10 ** (userDigits as number) : undefined;
  const base = read("deploymentBase");
  const baseMax = userLimit === undefined ? Number.MAX_SAFE_INTEGER : userLimit - 1;
  const baseOk = isInteger(base) && base >= 0 && base <= baseMax;
  if (!baseOk) fail("deploymentBase", userLimit === undefined ? { code: "base-range", got: seen(base) } : { code: "base-range", max: baseMax, userDigits: userDigits as number, got: seen(base) });

  const ordinal = read("userOrdinal");
  if (ordinal !== null) {
    if (!isInteger(ordinal) || ordinal < 1) {
      fail("userOrdinal", { code: "ordinal-invalid", got: seen(ordinal) });
    } else if (userLimit !== undefined && baseOk) {
      const maxOrdinal = userLimit - 1 - (base as number);
      if (ordinal > maxOrdinal) {
        const fit = { ordinal, base: base as number, userDigits: userDigits as number };
        fail("userOrdinal", maxOrdinal < 1 ? { code: "ordinal-no-room", ...fit } : { code: "ordinal-range", ...fit, max: maxOrdinal, userMax: userLimit - 1 });
      }
    }
  }

  const serviceUrlError = serviceUrlProblem(read("serviceUrl"));
  if (serviceUrlError !== undefined) fail("serviceUrl", serviceUrlError);

  checkInteger(fail, "activeDays", read("activeDays"), SETTINGS_LIMITS.activeDays);

  const tracking = read("trackingEnabled");
  if (typeof tracking !== "boolean") fail("trackingEnabled", { code: "tracking-not-boolean", got: seen(tracking) });

  const autoStamp = read("autoStampOnSend");
  if (typeof autoStamp !== "boolean") fail("autoStampOnSend", { code: "auto-stamp-not-boolean", got: seen(autoStamp) });

  if (errors.length > 0) return { ok: false, errors };
  const settings: Settings = Object.freeze({
    trackingEnabled: tracking as boolean,
    prefix: prefix as string,
    prefixHistory: Object.freeze([...(history as string[])]),
    userDigits: userDigits as number,
    counterDigits: read("counterDigits") as number,
    deploymentBase: base as number,
    userOrdinal: ordinal as number | null,
    serviceUrl: read("serviceUrl") as string,
    activeDays: read("activeDays") as number,
    autoStampOnSend: autoStamp as boolean,
  });
  return { ok: true, settings };
}

/**
 * A prefix change keeps the old prefix as an earlier one (its tokens stay ours), and the new prefix
 * leaves the history. Only on a change: a prefix the user removed from the history stays removed.
 */
export function keepEarlierPrefix<T extends { readonly prefix: unknown; readonly prefixHistory: unknown }>(saved: Pick<Settings, "prefix">, next: T): T {
  // An invalid new prefix is reported as it is; the history changes only with a prefix that will be saved.
  if (typeof next.prefix !== "string" || prefixProblem(next.prefix) !== undefined || !Array.isArray(next.prefixHistory)) return next;
  const newKey = asciiLowerCase(next.prefix);
  if (asciiLowerCase(saved.prefix) === newKey) return next;
  const history = (next.prefixHistory as unknown[]).filter((entry) => typeof entry !== "string" || asciiLowerCase(entry) !== newKey);
  const kept = history.some((entry) => typeof entry === "string" && asciiLowerCase(entry) === asciiLowerCase(saved.prefix)) ? history : [saved.prefix, ...history];
  return { ...next, prefixHistory: kept };
}

const checkedSettings = new WeakSet<Settings>();

/**
 * Throws InvalidSettingsError unless the fields the codec reads (prefix, history, digit widths)
 * are valid. Remembers objects already checked, so hot paths pay a WeakSet lookup.
 */
export function assertCodecSettings(settings: Settings): void {
  if (checkedSettings.has(settings)) return;
  const { prefix, prefixHistory, userDigits, counterDigits } = settings;
  const result = validateSettings({ prefix, prefixHistory, userDigits, counterDigits });
  if (!result.ok) throw new InvalidSettingsError(result.errors);
  checkedSettings.add(settings);
}

function serviceUrlProblem(value: unknown): SettingsProblem | undefined {
  if (typeof value !== "string") return { code: "service-url-not-text", got: seen(value) };
  if (value === "") return undefined;
  if (value.trim() !== value || /\s/.test(value)) return { code: "service-url-spaces" };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { code: "service-url-not-address", value };
  }
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol === "http:" && !local) return { code: "service-url-http", value };
  if (url.protocol !== "https:" && url.protocol !== "http:") return { code: "service-url-scheme", value };
  if (url.username !== "" || url.password !== "") return { code: "service-url-credentials" };
  return undefined;
}

function checkInteger(
  fail: (field: string, problem: SettingsProblem) => void,
  setting: "userDigits" | "counterDigits" | "activeDays",
  value: unknown,
  range: { readonly min: number; readonly max: number },
): boolean {
  if (isInteger(value) && value >= range.min && value <= range.max) return true;
  fail(setting, { code: "integer-range", setting, min: range.min, max: range.max, got: seen(value) });
  return false;
}

function isInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value);
}

/** A short, safe record of an arbitrary value for a problem's message. */
function seen(value: unknown): SeenValue {
  if (value === null) return { kind: "literal", text: "null" };
  if (Array.isArray(value)) return { kind: "list" };
  switch (typeof value) {
    case "string":
      return { kind: "literal", text: value.length > 40 ? `${JSON.stringify(value.slice(0, 40))}…` : JSON.stringify(value) };
    case "number":
    case "boolean":
    case "bigint":
      return { kind: "literal", text: String(value) };
    case "undefined":
      return { kind: "nothing" };
    default:
      return { kind: "other", type: typeof value };
  }
}

/** A character named so that invisible ones are still visible in a message: `"7"`, `U+00A0`. */
function seenChar(ch: string): SeenChar {
  const code = `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
  if (ch === " ") return { kind: "space", code };
  if (ch === "\t") return { kind: "tab", code };
  // \p{C} less Cn (unassigned): Cn is most of \p{C}'s ranges, and the send handler's ES2016 build
  // spells every range out (docs/AUTO-STAMP.md, "Classic Outlook's runtime").
  return /[\s\p{Cc}\p{Cf}\p{Co}\p{Cs}]/u.test(ch) ? { kind: "invisible", code } : { kind: "visible", char: ch };
}
