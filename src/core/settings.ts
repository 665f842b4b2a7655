/** The settings model (docs/DESIGN.md §6): defaults, limits and validation with one clear message per invalid field. */
import { InvalidSettingsError } from "./errors";
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

/** Why `value` is not a valid prefix, as a sentence starting with `label`; undefined when it is valid. */
export function prefixProblem(value: unknown, label = "Prefix"): string | undefined {
  const { min, max } = SETTINGS_LIMITS.prefixLength;
  const rule = `use ${min}-${max} characters without spaces, not ending in a digit (e.g. "CRM:")`;
  if (typeof value !== "string") return `${label} must be text: ${rule}; got ${describe(value)}.`;
  if (value.length === 0) return `${label} must not be empty: ${rule}.`;
  const chars = Array.from(value);
  if (chars.length > max) return `${label} is ${chars.length} characters long; ${rule}.`;
  for (const [i, ch] of chars.entries()) {
    const code = ch.codePointAt(0) ?? 0;
    if (/\s/.test(ch)) return `${label} must not contain whitespace (${describeChar(ch)} at position ${i + 1}); ${rule}.`;
    if (/\p{Cc}|\p{Cf}/u.test(ch)) return `${label} must not contain invisible or control characters (${describeChar(ch)} at position ${i + 1}); ${rule}.`;
    if (code >= 0xd800 && code <= 0xdfff) return `${label} contains a broken character (lone surrogate ${describeChar(ch)} at position ${i + 1}); ${rule}.`;
  }
  const last = chars[chars.length - 1] ?? "";
  if (/\p{Nd}/u.test(last)) {
    return `${label} must not end in a digit (it ends in ${describeChar(last)}, which would run into the token's digits); ${rule}.`;
  }
  return undefined;
}

/**
 * Validates settings read from storage or typed by the user. Missing fields take their defaults;
 * every invalid field gets its own error. Never throws.
 */
export function validateSettings(input: unknown): ValidationResult {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ field: "settings", message: `Settings must be an object of named fields; got ${describe(input)}.` }] };
  }
  const record = input as Record<string, unknown>;
  const errors: ValidationError[] = [];
  const fail = (field: string, message: string): void => {
    errors.push({ field, message });
  };
  // A missing (or undefined) field takes its default, so partial settings merge over the defaults.
  const read = <K extends keyof Settings>(key: K): unknown => (record[key] === undefined ? DEFAULT_SETTINGS[key] : record[key]);

  for (const key of Object.keys(record)) {
    if (!(SETTINGS_FIELDS as readonly string[]).includes(key)) {
      fail(key, `"${key}" is not a setting; the settings are ${SETTINGS_FIELDS.join(", ")}.`);
    }
  }

  const prefix = read("prefix");
  const prefixError = prefixProblem(prefix);
  if (prefixError !== undefined) fail("prefix", prefixError);

  const history = read("prefixHistory");
  if (!Array.isArray(history)) {
    fail("prefixHistory", `Prefix history must be a list of earlier prefixes (possibly empty); got ${describe(history)}.`);
  } else {
    const seen = new Map<string, number>();
    history.forEach((entry: unknown, i) => {
      const field = `prefixHistory[${i}]`;
      const entryError = prefixProblem(entry, `Earlier prefix ${i + 1}`);
      if (entryError !== undefined) return fail(field, entryError);
      const key = asciiLowerCase(entry as string);
      const first = seen.get(key);
      if (first !== undefined) {
        return fail(field, `Earlier prefix ${i + 1} ("${String(entry)}") repeats prefixHistory[${first}]; list each earlier prefix once (letter case is ignored).`);
      }
      seen.set(key, i);
      if (typeof prefix === "string" && key === asciiLowerCase(prefix)) {
        fail(field, `Earlier prefix ${i + 1} ("${String(entry)}") is the current prefix; the history lists only prefixes used before (letter case is ignored).`);
      }
    });
  }

  const userDigits = read("userDigits");
  const userDigitsOk = checkInteger(fail, "userDigits", "User digits", userDigits, SETTINGS_LIMITS.userDigits);
  checkInteger(fail, "counterDigits", "Counter digits", read("counterDigits"), SETTINGS_LIMITS.counterDigits);

  // The user number (base + ordinal) must fit userDigits; skip the dependent checks when that is itself invalid.
  const userLimit = userDigitsOk ? 10 ** (userDigits as number) : undefined;
  const base = read("deploymentBase");
  const baseMax = userLimit === undefined ? Number.MAX_SAFE_INTEGER : userLimit - 1;
  const baseRange = userLimit === undefined ? "a whole number of at least 0" : `a whole number from 0 to ${baseMax} (it must fit in ${userDigits as number} user digits)`;
  const baseOk = isInteger(base) && base >= 0 && base <= baseMax;
  if (!baseOk) fail("deploymentBase", `Deployment base must be ${baseRange}; got ${describe(base)}.`);

  const ordinal = read("userOrdinal");
  if (ordinal !== null) {
    if (!isInteger(ordinal) || ordinal < 1) {
      fail("userOrdinal", `User number must be empty (not set) or a whole number of at least 1; got ${describe(ordinal)}.`);
    } else if (userLimit !== undefined && baseOk) {
      const maxOrdinal = userLimit - 1 - (base as number);
      if (ordinal > maxOrdinal) {
        fail(
          "userOrdinal",
          maxOrdinal < 1
            ? `User number ${ordinal} cannot fit: deployment base ${base as number} leaves no room in ${userDigits as number} user digits; lower the base or raise user digits.`
            : `User number must be from 1 to ${maxOrdinal} (deployment base ${base as number} + user number must fit in ${userDigits as number} user digits, at most ${userLimit - 1}); got ${ordinal}.`,
        );
      }
    }
  }

  const serviceUrlError = serviceUrlProblem(read("serviceUrl"));
  if (serviceUrlError !== undefined) fail("serviceUrl", serviceUrlError);

  checkInteger(fail, "activeDays", "Active days", read("activeDays"), SETTINGS_LIMITS.activeDays);

  const tracking = read("trackingEnabled");
  if (typeof tracking !== "boolean") fail("trackingEnabled", `Tracking tokens must be on (true) or off (false); got ${describe(tracking)}.`);

  const autoStamp = read("autoStampOnSend");
  if (typeof autoStamp !== "boolean") fail("autoStampOnSend", `Auto-stamp on send must be true or false; got ${describe(autoStamp)}.`);

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

function serviceUrlProblem(value: unknown): string | undefined {
  const rule = "use an https:// address (http:// only for localhost or 127.0.0.1), or leave it empty to work without a service";
  if (typeof value !== "string") return `Service URL must be text: ${rule}; got ${describe(value)}.`;
  if (value === "") return undefined;
  if (value.trim() !== value || /\s/.test(value)) return `Service URL must not contain spaces; ${rule}.`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `Service URL "${value}" is not a web address; ${rule}.`;
  }
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol === "http:" && !local) return `Service URL must use https:// (http:// is allowed only for localhost or 127.0.0.1); got "${value}".`;
  if (url.protocol !== "https:" && url.protocol !== "http:") return `Service URL must start with https://; ${rule}; got "${value}".`;
  if (url.username !== "" || url.password !== "") return `Service URL must not contain a user name or password (the service authenticates callers by token); ${rule}.`;
  return undefined;
}

function checkInteger(
  fail: (field: string, message: string) => void,
  field: string,
  label: string,
  value: unknown,
  range: { readonly min: number; readonly max: number },
): boolean {
  if (isInteger(value) && value >= range.min && value <= range.max) return true;
  fail(field, `${label} must be a whole number from ${range.min} to ${range.max}; got ${describe(value)}.`);
  return false;
}

function isInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value);
}

/** A short, safe description of an arbitrary value for error messages. */
function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  switch (typeof value) {
    case "string":
      return value.length > 40 ? `${JSON.stringify(value.slice(0, 40))}…` : JSON.stringify(value);
    case "number":
    case "boolean":
    case "bigint":
      return String(value);
    case "undefined":
      return "nothing";
    default:
      return `a ${typeof value}`;
  }
}

/** A character named so that invisible ones are still visible in a message: `"7"`, `U+00A0`. */
function describeChar(ch: string): string {
  const code = `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
  if (ch === " ") return `a space (${code})`;
  if (ch === "\t") return `a tab (${code})`;
  // \p{C} less Cn (unassigned): Cn is most of \p{C}'s ranges, and the send handler's ES2016 build
  // spells every range out (docs/AUTO-STAMP.md, "Classic Outlook's runtime").
  return /[\s\p{Cc}\p{Cf}\p{Co}\p{Cs}]/u.test(ch) ? code : `"${ch}"`;
}
