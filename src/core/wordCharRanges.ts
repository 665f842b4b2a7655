/**
 * \p{L}, \p{N} and \p{M} without property escapes: packed ranges, for the send handler's ES2016
 * runtime (docs/AUTO-STAMP.md, "Classic Outlook's runtime"). Only the handler's entry imports this
 * (setWordCharFallback, src/core/wordChars.ts), so the panes never ship the 2 KB of data.
 */
import { WORD_CHAR_DIGITS, WORD_CHAR_RANGES } from "./wordCharRanges.data";

let starts: number[] | undefined;
let ends: number[] | undefined;

/** Unpacks WORD_CHAR_RANGES once (format: scripts/make-word-chars.mjs). */
function unpack(): { starts: number[]; ends: number[] } {
  if (starts === undefined || ends === undefined) {
    starts = [];
    ends = [];
    let at = 0;
    const next = (): number => {
      let value = 0;
      let scale = 1;
      let digit: number;
      do {
        digit = WORD_CHAR_DIGITS.indexOf(WORD_CHAR_RANGES.charAt(at++));
        value += (digit % 32) * scale;
        scale *= 32;
      } while (digit >= 32);
      return value;
    };
    let end = -1;
    while (at < WORD_CHAR_RANGES.length) {
      const start = end + 1 + next();
      end = start + next();
      starts.push(start);
      ends.push(end);
    }
  }
  return { starts, ends };
}

/** True when the code point is in \p{L}, \p{N} or \p{M} as Babel's Unicode data has them. */
export function isWordCharFromRanges(codePoint: number): boolean {
  const { starts, ends } = unpack();
  let low = 0;
  let high = starts.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (codePoint < (starts[middle] ?? 0)) high = middle - 1;
    else if (codePoint > (ends[middle] ?? 0)) low = middle + 1;
    else return true;
  }
  return false;
}
