/** Token text (docs/DESIGN.md §2): format one, parse one, find all of ours in a subject. */
import { TokenFormatError } from "./errors";
import { precedingIsWordChar, tokenMatcher } from "./matcher";
import type { PrefixEntry, TokenMatcher } from "./matcher";
import { DEFAULT_SETTINGS } from "./settings";
import type { Designator, FoundToken, ParsedToken, Settings, TokenParts } from "./types";

/** PREFIX DESIGNATOR USER COUNTER, each number zero-padded to its width. Throws TokenFormatError if a part does not fit. */
export function formatToken({ designator, user, counter }: TokenParts, settings: Settings = DEFAULT_SETTINGS): string {
  tokenMatcher(settings); // validates the settings (cached)
  if (designator !== 0 && designator !== 1) {
    throw new TokenFormatError(`designator ${String(designator)} is not 0 (online) or 1 (offline)`);
  }
  return `${settings.prefix}${designator}${padPart("user", user, settings.userDigits)}${padPart("counter", counter, settings.counterDigits)}`;
}

function padPart(name: string, value: number, width: number): string {
  const max = 10 ** width - 1;
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new TokenFormatError(`${name} ${String(value)} is not a whole number (it must be 0-${max})`);
  }
  if (value < 0) throw new TokenFormatError(`${name} ${value} is negative (it must be 0-${max})`);
  if (value > max) throw new TokenFormatError(`${name} ${value} does not fit in ${width} digits (0-${max})`);
  return String(value).padStart(width, "0");
}

/** Decodes a text that is exactly one token of ours (current or earlier prefix, any ASCII case); otherwise undefined. */
export function parseToken(text: string, settings: Settings = DEFAULT_SETTINGS): ParsedToken | undefined {
  const matcher = tokenMatcher(settings);
  if (typeof text !== "string") return undefined;
  const match = matcher.exact.exec(text);
  if (match === null) return undefined;
  const { prefix, origin, designator, user, counter } = decode(text, 0, text.length, entryOf(match, matcher), matcher);
  return { prefix, origin, designator, user, counter };
}

/**
 * Every token of ours in `subject`, in order. Never throws on any string.
 * A token starts at the start of the subject or after a character that is not a letter or digit.
 */
export function findTokens(subject: string, settings: Settings = DEFAULT_SETTINGS): FoundToken[] {
  const matcher = tokenMatcher(settings);
  const found: FoundToken[] = [];
  if (typeof subject !== "string") return found;
  const scan = matcher.scan;
  scan.lastIndex = 0;
  const single = matcher.single;
  if (single !== undefined) {
    // Hot path, one prefix: every match has the same length, so test() (no match array) is enough.
    const width = single.prefix.length + matcher.digitCount;
    while (scan.test(subject)) {
      const end = scan.lastIndex;
      const index = end - width;
      if (precedingIsWordChar(subject, index)) {
        // Not at a boundary ("xCRM:…"): a token may still start inside this match, so resume one unit on.
        scan.lastIndex = index + 1;
        continue;
      }
      found.push(decode(subject, index, end, single, matcher));
    }
    return found;
  }
  let match: RegExpExecArray | null;
  while ((match = scan.exec(subject)) !== null) {
    const index = match.index;
    if (precedingIsWordChar(subject, index)) {
      scan.lastIndex = index + 1;
      continue;
    }
    found.push(decode(subject, index, index + match[0].length, entryOf(match, matcher), matcher));
  }
  return found;
}

/** The token at subject[index, end), its digits read from the end (they are ASCII, checked by the regex). */
function decode(subject: string, index: number, end: number, entry: PrefixEntry, matcher: TokenMatcher): FoundToken {
  let at = end - matcher.digitCount;
  const designator: Designator = subject.charCodeAt(at++) === 49 ? 1 : 0;
  let user = 0;
  for (const stop = at + matcher.userDigits; at < stop; at++) user = user * 10 + subject.charCodeAt(at) - 48;
  let counter = 0;
  for (; at < end; at++) counter = counter * 10 + subject.charCodeAt(at) - 48;
  return { prefix: entry.prefix, origin: entry.origin, designator, user, counter, text: subject.slice(index, end), index };
}

/** The configured prefix behind the capture group that matched (several prefixes only). */
function entryOf(match: RegExpExecArray, matcher: TokenMatcher): PrefixEntry {
  if (matcher.single !== undefined) return matcher.single;
  const entries = matcher.entries;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (entry !== undefined && match[i + 1] !== undefined) return entry;
  }
  throw new Error("unreachable: a match always comes from one of the prefixes");
}
