/**
 * Whether a code point is a letter, digit or combining mark (\p{L}, \p{N}, \p{M}): the token boundary
 * rule (docs/DESIGN.md §2). Engines with Unicode property escapes use them. The pattern is a string,
 * so the handler's ES2016 build does not spell it out as a 12 KB class of ranges as it would a regex
 * literal (docs/BENCHMARKS.md, "Send handler"); where the engine has no property escapes, the
 * handler's entry installs the packed ranges (src/core/wordCharRanges.ts).
 */

let native: RegExp | null | undefined;
let fallback: ((codePoint: number) => boolean) | undefined;

/** The test to use where the engine has no property escapes (the send handler installs isWordCharFromRanges). */
export function setWordCharFallback(test: (codePoint: number) => boolean): void {
  fallback = test;
}

/** True when the code point is a letter, digit or combining mark of any script. */
export function isWordCodePoint(codePoint: number): boolean {
  if (native === undefined) {
    try {
      native = new RegExp("[\\p{L}\\p{N}\\p{M}]", "u");
    } catch {
      native = null; // no property escapes: ES2016
    }
  }
  if (native !== null) return native.test(String.fromCodePoint(codePoint));
  if (fallback === undefined) throw new Error("This engine has no Unicode property escapes and no word-character fallback was installed (setWordCharFallback).");
  return fallback(codePoint);
}
