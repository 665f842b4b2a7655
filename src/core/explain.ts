/**
 * What the read pane says about a subject (docs/DESIGN.md §5): our tokens, the marks of other systems, and
 * texts that look like our tokens but are not ("near misses"), each with what the read pane needs to say
 * why in the user's language (codes and parameters, no sentences: docs/DESIGN.md §9).
 * Pure and total: never throws on any string.
 */
import { precedingIsWordChar } from "./matcher";
import { DEFAULT_SETTINGS, tokenDigitCount } from "./settings";
import { findTokens } from "./token";
import type { FoundToken, PrefixOrigin, Settings } from "./types";

/** Which other system a mark looks like it comes from. */
export type ForeignMarkKind =
  /** `WORD:digits` with a prefix that is not ours: another CRM's or help desk's token. */
  | "other-prefix"
  /** `[Ticket#123]`: OTRS, Znuny, Zammad (the word is the configurable ticket hook). */
  | "ticket-hook"
  /** `[example.com #123]`: Request Tracker. */
  | "request-tracker"
  /** `ref:_00D…._500…:ref` or `ref:!00D….!500…:ref`: Salesforce Email-to-Case thread id. */
  | "salesforce-thread"
  /** `[#123]`: Freshdesk. */
  | "freshdesk";

/** A token-like mark of another system. Reported, never changed. */
export type ForeignMark = {
  /** The mark as it stands in the subject. */
  readonly text: string;
  /** UTF-16 index of `text` in the subject. */
  readonly index: number;
  readonly kind: ForeignMarkKind;
  /**
   * What the mark names: `prefix` (other-prefix, with its colon), `hook` (ticket-hook, e.g. "Ticket"),
   * `instance` (request-tracker), `ticket` (ticket-hook, request-tracker, freshdesk).
   */
  readonly detail: { readonly prefix?: string; readonly hook?: string; readonly instance?: string; readonly ticket?: string };
};

/** Which script a near miss's non-ASCII digits come from. */
export type DigitScript = "arabic-indic" | "extended-arabic-indic" | "devanagari" | "bengali" | "thai" | "full-width" | "other";

/** Why a text that starts like our token is not one. */
export type NearMissKind =
  /** Our prefix written with full-width (or other look-alike) characters, e.g. `CRM：`. */
  | "look-alike-prefix"
  /** Our prefix directly after a letter or digit, e.g. `xCRM:00021003`. */
  | "glued"
  /** Whitespace between our prefix and the digits, e.g. `CRM: 00021003`. */
  | "space-after-prefix"
  /** Digits of another script (Arabic-Indic, full-width…) in the digit run. */
  | "other-script-digits"
  /** A digit run of the wrong length: perhaps from an earlier digit setting. */
  | "digit-count"
  /** The right number of digits, but the first is neither 0 (online) nor 1 (offline). */
  | "designator";

export type NearMiss = {
  readonly text: string;
  readonly index: number;
  /** The first reason (in the order of NearMissKind); `kinds` has all of them. */
  readonly kind: NearMissKind;
  readonly kinds: readonly NearMissKind[];
  /** The prefix as typed (look-alike-prefix). */
  readonly typedPrefix: string;
  /** Digits in the run, in code points, and how many a token has now (digit-count). */
  readonly digitCount: number;
  readonly expectedDigits: number;
  /** The script of the first non-ASCII digit (other-script-digits). */
  readonly script: DigitScript;
  /** The run's first digit (designator). */
  readonly firstDigit: string;
  /** The configured prefix it resembles, and whether that is the current one or an earlier one. */
  readonly prefix: string;
  readonly origin: PrefixOrigin;
};

export type SubjectExplanation = {
  /** Tokens of ours (current and earlier prefixes), in subject order. */
  readonly ours: readonly FoundToken[];
  /** Marks of other systems, in subject order. */
  readonly foreign: readonly ForeignMark[];
  /** Texts that look like our tokens but are not, in subject order. */
  readonly nearMisses: readonly NearMiss[];
};

/**
 * Our tokens, other systems' marks and near misses in `subject`. Never throws on any string;
 * throws InvalidSettingsError only for unvalidated settings (as findTokens does).
 */
export function explainSubject(subject: string, settings: Settings = DEFAULT_SETTINGS): SubjectExplanation {
  if (typeof subject !== "string" || subject === "") return { ours: [], foreign: [], nearMisses: [] };
  const ours = findTokens(subject, settings);
  const taken: Span[] = ours.map((t) => ({ start: t.index, end: t.index + t.text.length }));
  const nearMisses = findNearMisses(subject, settings, taken);
  taken.push(...nearMisses.map((m) => ({ start: m.index, end: m.index + m.text.length })));
  const foreign = findForeignMarks(subject, settings, taken);
  return { ours, foreign, nearMisses };
}

type Span = { readonly start: number; readonly end: number };

const overlaps = (spans: readonly Span[], start: number, end: number): boolean =>
  spans.some((s) => start < s.end && s.start < end);

// ---------------------------------------------------------------------------------------------
// Near misses

const FULL_WIDTH_OFFSET = 0xfee0; // "!" U+0021 .. "~" U+007E  ->  U+FF01 .. U+FF5E

/**
 * A pattern for `prefix` that ignores ASCII case and also accepts the full-width form of each
 * ASCII character, so `ＣＲＭ：` and `CRM：` are caught and explained instead of ignored.
 */
function lookAlikePattern(prefix: string): string {
  let out = "";
  for (const ch of prefix) {
    const forms = new Set<string>([ch]);
    if (/^[A-Za-z]$/.test(ch)) {
      forms.add(ch.toUpperCase());
      forms.add(ch.toLowerCase());
    }
    for (const form of [...forms]) {
      const code = form.charCodeAt(0);
      if (form.length === 1 && code >= 0x21 && code <= 0x7e) forms.add(String.fromCharCode(code + FULL_WIDTH_OFFSET));
    }
    out += forms.size === 1 ? escapeRegExp(ch) : `(?:${[...forms].map(escapeRegExp).join("|")})`;
  }
  return out;
}

/** Escapes syntax characters only: with the u flag, escaping anything else (e.g. "-") is an error. */
function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}

type PrefixEntry = { readonly prefix: string; readonly origin: PrefixOrigin };

/** Current prefix first, then history; longest first so "CRM-EU:" is tried before "CRM-". */
function prefixEntries(settings: Settings): PrefixEntry[] {
  const entries: PrefixEntry[] = [{ prefix: settings.prefix, origin: "current" }];
  for (const prefix of settings.prefixHistory) entries.push({ prefix, origin: "history" });
  return entries.filter((e) => typeof e.prefix === "string" && e.prefix !== "").sort((a, b) => b.prefix.length - a.prefix.length);
}

const compiledNearMiss = new Map<string, RegExp>();

/** Our prefix (or a look-alike), optional horizontal whitespace, then a run of digits of any script. */
function nearMissPattern(prefix: string): RegExp | undefined {
  let pattern = compiledNearMiss.get(prefix);
  if (pattern === undefined) {
    try {
      pattern = new RegExp(`(${lookAlikePattern(prefix)})([ \\t\\u00A0]?)(\\p{Nd}+)`, "gu");
    } catch {
      // Validated prefixes always compile; an unvalidated odd one only loses its near misses.
      return undefined;
    }
    if (compiledNearMiss.size > 64) compiledNearMiss.clear();
    compiledNearMiss.set(prefix, pattern);
  }
  return pattern;
}

function findNearMisses(subject: string, settings: Settings, ours: readonly Span[]): NearMiss[] {
  const expected = tokenDigitCount(settings);
  const misses: NearMiss[] = [];
  const taken: Span[] = [...ours];
  for (const entry of prefixEntries(settings)) {
    const pattern = nearMissPattern(entry.prefix);
    if (pattern === undefined) continue;
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(subject)) !== null) {
      const [text, typedPrefix = "", space = "", digits = ""] = match;
      const index = match.index;
      const end = index + text.length;
      if (overlaps(taken, index, end)) continue;
      const kinds = nearMissKinds(subject, index, entry.prefix, typedPrefix, space, digits, expected);
      if (kinds.length === 0) continue;
      taken.push({ start: index, end });
      misses.push({
        text,
        index,
        kind: kinds[0] as NearMissKind,
        kinds,
        typedPrefix,
        digitCount: Array.from(digits).length,
        expectedDigits: expected,
        script: digitScript(digits),
        firstDigit: Array.from(digits)[0] ?? "",
        prefix: entry.prefix,
        origin: entry.origin,
      });
    }
  }
  return misses.sort((a, b) => a.index - b.index);
}

const ASCII_DIGITS = /^[0-9]+$/;

function nearMissKinds(
  subject: string,
  index: number,
  prefix: string,
  typedPrefix: string,
  space: string,
  digits: string,
  expected: number,
): NearMissKind[] {
  const kinds: NearMissKind[] = [];
  if (asciiFold(typedPrefix) !== asciiFold(prefix)) kinds.push("look-alike-prefix");
  if (precedingIsWordChar(subject, index)) kinds.push("glued");
  if (space !== "") kinds.push("space-after-prefix");
  if (!ASCII_DIGITS.test(digits)) kinds.push("other-script-digits");
  // Counted in code points: a full-width or Arabic-Indic digit is one digit, as the user sees it.
  const count = Array.from(digits).length;
  if (count !== expected) kinds.push("digit-count");
  else if (!/^[01０１٠١۰۱]/u.test(digits) && /^\p{Nd}/u.test(digits)) kinds.push("designator");
  // "CRM: 5 items" is prose, not a damaged token: after a space only a full digit run counts.
  if (space !== "" && count !== expected) return [];
  return kinds;
}

function asciiFold(text: string): string {
  return text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}

const SCRIPTS: readonly { readonly zero: number; readonly script: DigitScript }[] = [
  { zero: 0x0660, script: "arabic-indic" },
  { zero: 0x06f0, script: "extended-arabic-indic" },
  { zero: 0x0966, script: "devanagari" },
  { zero: 0x09e6, script: "bengali" },
  { zero: 0x0e50, script: "thai" },
  { zero: 0xff10, script: "full-width" },
];

/** The script of the first non-ASCII digit in `digits`, or "other". */
function digitScript(digits: string): DigitScript {
  for (const ch of digits) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x30 && code <= 0x39) continue;
    return SCRIPTS.find((s) => code >= s.zero && code <= s.zero + 9)?.script ?? "other";
  }
  return "other";
}

// ---------------------------------------------------------------------------------------------
// Foreign marks

type ForeignRule = {
  readonly kind: ForeignMarkKind;
  readonly pattern: RegExp;
  /** What the mark names, or undefined when the match is not a mark after all. */
  readonly detail: (match: RegExpExecArray) => ForeignMark["detail"] | undefined;
};

// Reply/forward words with a colon are not prefixes of another system ("RE:2024 budget").
const REPLY_WORDS = new Set(["re", "fw", "fwd", "aw", "wg", "sv", "vs", "vb", "tr", "rif", "enc", "res", "rv", "antw", "doorst", "odp"]);

const FOREIGN_RULES: readonly ForeignRule[] = [
  { kind: "salesforce-thread", pattern: /ref:[_!][A-Za-z0-9]+[._!]{1,2}[A-Za-z0-9]+:ref/g, detail: () => ({}) },
  { kind: "request-tracker", pattern: /\[([A-Za-z0-9][A-Za-z0-9._-]*) #([0-9]+)\]/g, detail: (m) => ({ instance: m[1] ?? "", ticket: m[2] ?? "" }) },
  { kind: "ticket-hook", pattern: /\[([A-Za-z][A-Za-z0-9_-]*)#\s?([0-9]+)\]/g, detail: (m) => ({ hook: m[1] ?? "", ticket: m[2] ?? "" }) },
  { kind: "freshdesk", pattern: /\[#([0-9]+)\]/g, detail: (m) => ({ ticket: m[1] ?? "" }) },
  {
    kind: "other-prefix",
    // A word that starts with a letter, a colon, then 3 or more digits; not followed by ":digit",
    // which with the letter rule keeps times such as 10:30 or T10:30:00 out.
    pattern: /([A-Za-z][A-Za-z0-9_.-]{0,19}:)([0-9]{3,})(?![0-9]|:[0-9])/g,
    detail: (m) => {
      const word = (m[1] ?? "").slice(0, -1);
      return REPLY_WORDS.has(word.toLowerCase()) ? undefined : { prefix: m[1] ?? "" };
    },
  },
];

function findForeignMarks(subject: string, settings: Settings, taken: readonly Span[]): ForeignMark[] {
  const ourPrefixes = new Set(prefixEntries(settings).map((e) => asciiFold(e.prefix)));
  const marks: ForeignMark[] = [];
  const spans: Span[] = [...taken];
  for (const rule of FOREIGN_RULES) {
    rule.pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = rule.pattern.exec(subject)) !== null) {
      const index = match.index;
      const end = index + match[0].length;
      if (overlaps(spans, index, end)) continue;
      if (rule.kind === "other-prefix") {
        // Must start at a word boundary, and must not be one of our prefixes (those are ours or near misses).
        if (precedingIsWordChar(subject, index)) continue;
        if (ourPrefixes.has(asciiFold(match[1] ?? ""))) continue;
      }
      const detail = rule.detail(match);
      if (detail === undefined) continue;
      spans.push({ start: index, end });
      marks.push({ text: match[0], index, kind: rule.kind, detail });
    }
  }
  return marks.sort((a, b) => a.index - b.index);
}
