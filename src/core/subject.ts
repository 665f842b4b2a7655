/** Subject normalization for smart matching: the subject without its leading reply and forward prefixes. */

/** Reply/forward prefixes Outlook and other clients write, by language (case-insensitive for Latin ones). */
export const REPLY_PREFIXES: readonly string[] = [
  "RE", "FW", "FWD", // English
  "AW", "WG", // German
  "SV", "VS", "VB", // Scandinavian, Finnish
  "TR", // French
  "RIF", // Italian
  "ENC", "RES", "RV", // Portuguese, Spanish
  "ANTW", "DOORST", // Dutch
  "ODP", // Polish
  "回复", "答复", "转发", "回覆", "轉寄", "轉發", // Chinese (simplified, traditional)
];

// Longest first so the alternation never settles on "FW" inside "FWD"; the colon is required,
// which is what keeps "Reorder parts" intact. Counted forms: Re[2]:, RE(3):, Re^2:.
const names = [...REPLY_PREFIXES].sort((a, b) => b.length - a.length).join("|");
const ONE_PREFIX = `(?:${names})(?:\\s*(?:\\[[0-9]+\\]|\\([0-9]+\\)|\\^[0-9]+))?\\s*[:\\uFF1A]`;

/**
 * One leading reply/forward prefix with the whitespace around it, e.g. "  RE[2] : ".
 * Without the u flag, i folds ASCII letters only, so no other script's letter is taken for one.
 */
export const REPLY_PREFIX_PATTERN = new RegExp(`^\\s*${ONE_PREFIX}\\s*`, "i");

const LEADING_PREFIXES = new RegExp(`^(?:\\s*${ONE_PREFIX})+`, "i");

/** The subject without leading reply/forward prefixes (repeated, mixed), whitespace collapsed and trimmed. */
export function normalizeSubject(subject: string): string {
  return collapseWhitespace(subject.replace(LEADING_PREFIXES, ""));
}

/** Runs of whitespace become one space; the ends are trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
