/** Subject normalization for smart matching: the subject without its leading reply and forward prefixes. */

/**
 * Reply/forward prefixes as Outlook writes them in its UI languages, and as other common clients
 * write them (case-insensitive for Latin letters). Where each comes from: docs/REPLY-PREFIXES.md.
 * A prefix counts only when its colon follows, so a word that starts like one ("Reorder", "Award",
 * "Antwerp") is kept.
 */
export const REPLY_PREFIXES: readonly string[] = [
  "RE", "FW", "FWD", // English (and Outlook in most languages)
  "AW", "WG", // German
  "TR", // French
  "RV", // Spanish
  "RES", "ENC", // Portuguese
  "R", "I", "RIF", // Italian
  "ANTW", "DOORST", // Dutch
  "SV", "VS", "VB", // Danish, Norwegian, Swedish (SV reply; VS/VB forward)
  "VL", // Finnish (VS reply, VL forward)
  "FS", // Icelandic (SV reply, FS forward)
  "ODP", "PD", // Polish
  "PŘ", // Czech (Odp reply; not "PR", which is also an ordinary word)
  "TOV", // Hungarian (VS reply)
  "YNT", "İLT", "ILT", // Turkish
  "ΑΠ", "ΣΧΕΤ", "ΠΡΘ", // Greek
  "ОТВ", "ПЕРЕСЛ", // Russian (other clients; Outlook writes RE/FW)
  "ODG", "PROSLIJEĐENO", // Croatian, Serbian (Latin), Slovenian
  "EDASI", // Estonian (VS reply)
  "ATB", "PĀRS", // Latvian
  "ATS", "PERS", // Lithuanian
  "השב", "הועבר", // Hebrew
  "رد", "إعادة توجيه", "توجيه", // Arabic
  "回复", "答复", "转发", // Chinese (simplified)
  "回覆", "轉寄", "轉發", // Chinese (traditional)
  "返信", "転送", // Japanese (other clients; Outlook writes RE/FW)
  "회신", "전달", // Korean
  "TL", "CHUYỂN", // Vietnamese
  "BLS", "TRS", // Indonesian
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

const LEADING_PREFIXES = new RegExp(`^(?:\\s*${ONE_PREFIX})+\\s*`, "i");

/** The subject without leading reply/forward prefixes (repeated, mixed), whitespace collapsed and trimmed. */
export function normalizeSubject(subject: string): string {
  return collapseWhitespace(withoutReplyPrefixes(subject));
}

/** The subject without its leading reply/forward prefixes and the space after them; the rest as it is (Outlook's normalizedSubject). */
export function withoutReplyPrefixes(subject: string): string {
  return subject.replace(LEADING_PREFIXES, "");
}

/** Whether the subject starts with a reply or forward prefix. */
export function hasReplyPrefix(subject: string): boolean {
  return REPLY_PREFIX_PATTERN.test(subject);
}

/** The subject of a reply: "RE: " in place of one leading reply/forward prefix, if any, so a reply never adds a level. */
export function replySubject(subject: string): string {
  return `RE: ${subject.replace(REPLY_PREFIX_PATTERN, "")}`;
}

/** Runs of whitespace become one space; the ends are trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
