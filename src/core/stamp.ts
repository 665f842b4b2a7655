/** Stamping (docs/DESIGN.md §2): put exactly one token of ours at the end of a subject, within Outlook's limit. */
import { TokenFormatError } from "./errors";
import { DEFAULT_SETTINGS } from "./settings";
import { collapseWhitespace } from "./subject";
import { findTokens, parseToken } from "./token";
import type { Settings, StampedSubject } from "./types";

/** Outlook's subject limit, in UTF-16 code units. */
export const MAX_SUBJECT_LENGTH = 255;

/** Marks user text that was shortened to make room for the token. */
export const ELLIPSIS = "\u2026";

// How far back from the cut to look for a word boundary before cutting mid-word.
const WORD_BOUNDARY_REACH = 40;

/**
 * The subject with `token` at the end: our old tokens (current prefix or history) removed first,
 * reply/forward prefixes and foreign tokens left where they are. If the result would exceed
 * MAX_SUBJECT_LENGTH, the user's text (never the token) is shortened and marked with "…".
 * Throws TokenFormatError if `token` is not a token of ours under `settings`.
 */
export function applyToken(subject: string, token: string, settings: Settings = DEFAULT_SETTINGS): StampedSubject {
  if (parseToken(token, settings) === undefined) {
    throw new TokenFormatError(`"${token}" is not a tracking token for prefix "${settings.prefix}" with ${settings.userDigits} user and ${settings.counterDigits} counter digits`);
  }
  let text = removeOurTokens(subject, settings).trimEnd();
  if (text === "") return { subject: token, shortened: false };
  const room = MAX_SUBJECT_LENGTH - token.length - 1; // one space before the token
  if (text.length <= room) return { subject: `${text} ${token}`, shortened: false };

  // Over the limit: first give up only extra spaces, then words.
  text = collapseWhitespace(text);
  if (text.length <= room) return { subject: `${text} ${token}`, shortened: false };
  return { subject: `${shorten(text, room - ELLIPSIS.length, settings)}${ELLIPSIS} ${token}`, shortened: true };
}

/** The subject without our tokens, whitespace runs collapsed to one space and trimmed. Foreign tokens stay. */
export function stripTokens(subject: string, settings: Settings = DEFAULT_SETTINGS): string {
  return collapseWhitespace(removeOurTokens(subject, settings));
}

/**
 * Removes every token of ours. The whitespace around each hole becomes one space (none when the
 * token touched its neighbours: "(CRM:00021003)" becomes "()"). Repeats until none is left,
 * because with unusual prefixes closing a hole can join two pieces into a new token.
 */
function removeOurTokens(subject: string, settings: Settings): string {
  let text = subject;
  for (let tokens = findTokens(text, settings); tokens.length > 0; tokens = findTokens(text, settings)) {
    let out: string | undefined;
    let end = 0;
    for (const { index, text: tokenText } of tokens) {
      const piece = text.slice(end, index);
      out = out === undefined ? piece : joinAcrossHole(out, piece);
      end = index + tokenText.length;
    }
    text = joinAcrossHole(out ?? "", text.slice(end));
  }
  return text;
}

/**
 * Joins the text before a hole with the text after it: one space if either side had whitespace
 * at the hole, none if neither did. Whitespace before a hole at the very start is dropped.
 */
function joinAcrossHole(left: string, right: string): string {
  const l = left.trimEnd();
  const r = right.trimStart();
  const hadSpace = l.length < left.length || r.length < right.length;
  if (l === "") return r;
  if (r === "") return hadSpace ? `${l} ` : l; // the space may still separate l from the next piece
  return hadSpace ? `${l} ${r}` : `${l}${r}`;
}

/**
 * `text` cut to at most `limit` code units: at the last whitespace within reach, else mid-word but
 * never between the halves of a surrogate pair. A cut that leaves a token of ours at its end
 * (by cutting a longer digit run to the token's width) moves back before it.
 */
function shorten(text: string, limit: number, settings: Settings): string {
  let cut = text.length <= limit ? text : cutAt(text, limit);
  for (let tokens = findTokens(cut, settings); tokens.length > 0; tokens = findTokens(cut, settings)) {
    const last = tokens[tokens.length - 1];
    if (last === undefined) break;
    cut = cut.slice(0, last.index).trimEnd();
  }
  return cut;
}

function cutAt(text: string, limit: number): string {
  for (let i = limit; i >= Math.max(1, limit - WORD_BOUNDARY_REACH); i--) {
    if (/\s/.test(text.charAt(i))) {
      const cut = text.slice(0, i).trimEnd();
      if (cut !== "") return cut;
    }
  }
  const high = text.charCodeAt(limit - 1);
  const low = text.charCodeAt(limit);
  const splitsPair = high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
  return text.slice(0, splitsPair ? limit - 1 : limit).trimEnd();
}
