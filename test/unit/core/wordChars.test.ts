/**
 * The token boundary's letter/digit/mark test (src/core/wordChars.ts) against what it replaced:
 * native /[\p{L}\p{N}\p{M}]/u where the engine has property escapes, and, in the send handler's
 * ES2016 build, the class Babel spelled that regex out as. The packed ranges must match Babel's
 * class for every code point, so the handler recognizes exactly the tokens it did.
 */
import { transformSync } from "@babel/core";
import fc from "fast-check";
import { precedingIsWordChar } from "../../../src/core/matcher";
import { isWordCharFromRanges } from "../../../src/core/wordCharRanges";
import { isWordCodePoint } from "../../../src/core/wordChars";
import type * as WordChars from "../../../src/core/wordChars";

/** The handler's old regex, compiled as webpack.config.js compiles the handler (Babel's unicode-property-regex). */
function babelWordChar(): RegExp {
  const code = transformSync("export const WORD_CHAR = /[\\p{L}\\p{N}\\p{M}]/uy;", { babelrc: false, configFile: false, plugins: ["@babel/plugin-transform-unicode-property-regex"] })?.code ?? "";
  const literal = /=\s*(\/.*\/[a-z]*);/.exec(code)?.[1];
  if (!literal) throw new Error(`Babel gave no regex: ${code}`);
  const slash = literal.lastIndexOf("/");
  return new RegExp(literal.slice(1, slash), literal.slice(slash + 1));
}

const OLD_HANDLER = babelWordChar();
const NATIVE = /[\p{L}\p{N}\p{M}]/uy;
const fromCodePoint = (point: number) => String.fromCodePoint(point);

/** The old precedingIsWordChar, with the regex it used in that build. */
function oldPrecedingIsWordChar(regex: RegExp, text: string, index: number): boolean {
  if (index === 0) return false;
  const unit = text.charCodeAt(index - 1);
  if (unit < 128) return /[A-Za-z0-9]/.test(text.charAt(index - 1));
  let start = index - 1;
  if (unit >= 0xdc00 && unit <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) start = index - 2;
  }
  regex.lastIndex = start;
  return regex.test(text);
}

describe("letters, digits and marks without property escapes", () => {
  it("the packed ranges match the handler's old regex for every code point", () => {
    const differ: string[] = [];
    for (let point = 0; point <= 0x10ffff; point++) {
      OLD_HANDLER.lastIndex = 0;
      if (isWordCharFromRanges(point) !== OLD_HANDLER.test(fromCodePoint(point))) differ.push(point.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it("agree with the handler's old regex on random strings, at every index (property)", () => {
    const fromRanges = (text: string, index: number) => {
      if (index === 0) return false;
      const unit = text.charCodeAt(index - 1);
      const start = unit >= 0xdc00 && unit <= 0xdfff && index >= 2 && /[\uD800-\uDBFF]/.test(text.charAt(index - 2)) ? index - 2 : index - 1;
      return isWordCharFromRanges(text.codePointAt(start) ?? unit);
    };
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => {
        for (let index = 0; index <= text.length; index++) {
          if (text.charCodeAt(index - 1) < 128) continue; // ASCII never reaches the class
          expect(fromRanges(text, index)).toBe(oldPrecedingIsWordChar(OLD_HANDLER, text, index));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("letters, digits and marks with property escapes (the panes, modern runtimes)", () => {
  it("precedingIsWordChar answers as the native regex did, on random strings at every index (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => {
        for (let index = 0; index <= text.length; index++) expect(precedingIsWordChar(text, index)).toBe(oldPrecedingIsWordChar(NATIVE, text, index));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ["é", true],
    ["\u0301", true],
    ["٣", true],
    ["𝐀", true],
    [" ", false],
    ["\u00A0", false],
    ["-", false],
    ["\uD800", false],
  ])("%j is a word character: %s", (char, expected) => {
    expect(isWordCodePoint(char.codePointAt(0) ?? 0)).toBe(expected);
    expect(isWordCharFromRanges(char.codePointAt(0) ?? 0)).toBe(expected);
  });
});

describe("an engine without property escapes (the send handler's ES2016 runtime)", () => {
  it("answers from the fallback the handler installs, and says so when none was installed", () => {
    const Native = RegExp;
    const withoutEscapes = function (pattern: string | RegExp, flags?: string) {
      if (String(pattern).includes("\\p{")) throw new SyntaxError("Invalid regular expression: property escapes are ES2018");
      return new Native(pattern, flags);
    } as unknown as RegExpConstructor;
    jest.isolateModules(() => {
      globalThis.RegExp = withoutEscapes;
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module, loaded under the ES2016-like RegExp
        const fresh = require("../../../src/core/wordChars") as typeof WordChars;
        expect(() => fresh.isWordCodePoint(0xe9)).toThrow(/no word-character fallback/);
        fresh.setWordCharFallback(isWordCharFromRanges);
        expect([0xe9, 0x301, 0x663, 0x1d400, 0x20, 0xa0].map(fresh.isWordCodePoint)).toEqual([true, true, true, true, false, false]);
      } finally {
        globalThis.RegExp = Native;
      }
    });
  });
});

