/**
 * The compiled form of the recognition rules (docs/DESIGN.md §2) for one settings object: a scanning regex,
 * an exact regex and the prefix behind each capture group. Compiled once and cached, because
 * findTokens runs on every subject the read pane shows and the codec must stay close to a bare regex.
 */
import { assertCodecSettings } from "./settings";
import type { PrefixOrigin, Settings } from "./types";
import { isWordCodePoint } from "./wordChars";

export type PrefixEntry = { readonly prefix: string; readonly origin: PrefixOrigin };

export type TokenMatcher = {
  /** Prefixes in capture-group order: longest first, so the longest prefix that yields a token wins. */
  readonly entries: readonly PrefixEntry[];
  /** The only prefix when there is no history: then every match has the same length and needs no groups. */
  readonly single: PrefixEntry | undefined;
  /**
   * Global, a whole token. With several prefixes, one capture group per prefix (in `entries`
   * order) tells which matched; digits are decoded from the match's end, not captured. The
   * boundary before the prefix is checked by the caller (precedingIsWordChar): a lookbehind with
   * \p{...} needs the u flag and slows every scan step.
   */
  readonly scan: RegExp;
  /** Anchored at both ends, same groups: a text that is exactly one token. */
  readonly exact: RegExp;
  readonly userDigits: number;
  readonly counterDigits: number;
  /** 1 + userDigits + counterDigits. */
  readonly digitCount: number;
};

const byObject = new WeakMap<Settings, TokenMatcher>();
// Equal settings rebuilt as new objects (e.g. re-read from storage) share one compiled matcher.
const byKey = new Map<string, TokenMatcher>();
const MAX_KEYED = 32;

/** The matcher for these settings; throws InvalidSettingsError if the codec fields are invalid. */
let lastSettings: Settings | undefined;
let lastMatcher: TokenMatcher | undefined;

export function tokenMatcher(settings: Settings): TokenMatcher {
  // Callers pass the same settings object over and over (a pane, a benchmark): skip even the WeakMap.
  if (settings === lastSettings && lastMatcher !== undefined) return lastMatcher;
  const matcher = lookup(settings);
  lastSettings = settings;
  lastMatcher = matcher;
  return matcher;
}

function lookup(settings: Settings): TokenMatcher {
  const cached = byObject.get(settings);
  if (cached !== undefined) return cached;
  assertCodecSettings(settings);
  const key = JSON.stringify([settings.prefix, settings.prefixHistory, settings.userDigits, settings.counterDigits]);
  let matcher = byKey.get(key);
  if (matcher === undefined) {
    matcher = compile(settings);
    if (byKey.size >= MAX_KEYED) {
      // Map iterates in insertion order: drop the oldest entry.
      const oldest = byKey.keys().next();
      if (oldest.done !== true) byKey.delete(oldest.value);
    }
    byKey.set(key, matcher);
  }
  byObject.set(settings, matcher);
  return matcher;
}

function compile(settings: Settings): TokenMatcher {
  const entries: PrefixEntry[] = [
    { prefix: settings.prefix, origin: "current" as const },
    ...settings.prefixHistory.map((prefix) => ({ prefix, origin: "history" as const })),
  ].sort((a, b) => b.prefix.length - a.prefix.length); // stable: on equal length the current prefix stays first
  const single = entries.length === 1 ? entries[0] : undefined;
  const prefixes =
    single !== undefined ? caseInsensitiveAscii(single.prefix) : `(?:${entries.map((e) => `(${caseInsensitiveAscii(e.prefix)})`).join("|")})`;
  const digits = `[01][0-9]{${settings.userDigits + settings.counterDigits}}`;
  // No u flag: every pattern here is ASCII classes and escaped literals, and non-unicode mode scans faster.
  return {
    entries,
    single,
    scan: new RegExp(`${prefixes}${digits}(?![0-9])`, "g"),
    exact: new RegExp(`^${prefixes}${digits}$`),
    userDigits: settings.userDigits,
    counterDigits: settings.counterDigits,
    digitCount: 1 + settings.userDigits + settings.counterDigits,
  };
}

/** A literal pattern for `text` that ignores ASCII case only ("é" still matches only "é"). */
function caseInsensitiveAscii(text: string): string {
  let out = "";
  for (const ch of text) {
    if (/[A-Za-z]/.test(ch)) out += `[${ch.toUpperCase()}${ch.toLowerCase()}]`;
    else out += ch.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
  }
  return out;
}

const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;

/** True when the character before `index` is a letter, digit or mark, i.e. `index` is not a token boundary. */
export function precedingIsWordChar(text: string, index: number): boolean {
  if (index === 0) return false;
  const unit = text.charCodeAt(index - 1);
  if (unit < 128) return ASCII_WORD[unit] === 1;
  let start = index - 1;
  // Step back over a whole surrogate pair so the complete code point is tested.
  if (unit >= 0xdc00 && unit <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) start = index - 2;
  }
  // Letters, digits and combining marks of any script: a mark belongs to the letter before it, so
  // "e\u0301CRM:" (NFD "éCRM:") is no more a boundary than the precomposed "éCRM:".
  return isWordCodePoint(text.codePointAt(start) ?? unit);
}
