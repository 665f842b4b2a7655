/** Shared fast-check arbitraries for the codec's property tests: valid settings, tokens and hostile subjects. */
import fc from "fast-check";
import { asciiLowerCase, formatToken, validateSettings } from "../../../src/core";
import type { Settings, TokenParts } from "../../../src/core";

// Includes every regex special character and the colon, plus non-ASCII letters and digits inside.
const PREFIX_CHARS = [..."ABCMRTXabcmrtxéЛ回:#-_/.+*?()[]{}|^$\\0123456789"];
const TINY_PREFIX_CHARS = [..."Aa1:-."]; // few characters: current and history prefixes often overlap

const prefixFrom = (chars: readonly string[], maxLength: number): fc.Arbitrary<string> =>
  fc
    .string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength })
    .filter((p) => !/[0-9]$/.test(p));

export const prefixArb: fc.Arbitrary<string> = fc.oneof(prefixFrom(PREFIX_CHARS, 20), prefixFrom(TINY_PREFIX_CHARS, 4), fc.constant("CRM:"));

/** Valid settings only: built through validateSettings, so the history is unique and excludes the prefix. */
export const settingsArb: fc.Arbitrary<Settings> = fc
  .record({
    prefix: prefixArb,
    prefixHistory: fc.uniqueArray(prefixArb, { maxLength: 3, selector: asciiLowerCase }),
    userDigits: fc.integer({ min: 1, max: 10 }),
    counterDigits: fc.integer({ min: 1, max: 9 }),
  })
  .map(({ prefix, prefixHistory, ...digits }) => {
    const history = prefixHistory.filter((p) => asciiLowerCase(p) !== asciiLowerCase(prefix));
    const result = validateSettings({ prefix, prefixHistory: history, ...digits });
    if (!result.ok) throw new Error(`settingsArb built invalid settings: ${JSON.stringify(result.errors)}`);
    return result.settings;
  });

export const partsArb = (settings: Settings): fc.Arbitrary<TokenParts> =>
  fc.record({
    designator: fc.constantFrom<0 | 1>(0, 1),
    user: fc.integer({ min: 0, max: 10 ** settings.userDigits - 1 }),
    counter: fc.integer({ min: 0, max: 10 ** settings.counterDigits - 1 }),
  });

/** A token of ours: the current prefix or an earlier one, in any ASCII case. */
export const tokenArb = (settings: Settings): fc.Arbitrary<string> =>
  fc
    .tuple(partsArb(settings), fc.constantFrom(settings.prefix, ...settings.prefixHistory), fc.boolean())
    .map(([parts, prefix, lower]) => {
      const token = formatToken(parts, { ...settings, prefix, prefixHistory: [] });
      return lower ? asciiLowerCase(token) : token;
    });

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnitArb = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

export const anyStringArb = (maxLength: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: "binary", maxLength }),
    fc.string({ unit: "grapheme", maxLength }),
    fc.string({ unit: "grapheme-composite", maxLength }),
    fc.string({ unit: codeUnitArb, maxLength }),
  );

const WORDS = ["Quote", "RE:", "FW:", "AW:", "回复：", "Re[2]:", "報價", "عرض", "עברית", "\u202E", "😀", "👍🏽", "e\u0301", "x", "(", ")", "[", "]", "-", "…"];
const SPACES = [" ", "  ", "\t", "\u00A0", "\u3000", "\n"];

// Built once: constructing arbitraries (stringMatching above all) per run costs far more than running them.
const wordArb = fc.constantFrom(...WORDS);
const spaceArb = fc.constantFrom(...SPACES);
const digitRunArb = fc.stringMatching(/^[0-9]{1,12}$/);
const foreignArb = fc.constantFrom("TKT:12345", "[Ticket#123]", "٠١٢", "０１２");
const binaryBitArb = fc.string({ unit: "binary", maxLength: 8 });
const codeUnitsArb = fc.string({ unit: codeUnitArb, maxLength: 3 });
const fillerArb = fc.string({ unit: fc.constantFrom("a", "b", "z", "é", " "), minLength: 20, maxLength: 150 });

/** Subjects built from fragments that stress the rules: our tokens, near misses, foreign tokens, digits, spaces. */
export const subjectArb = (settings: Settings, maxFragments = 60): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { weight: 4, arbitrary: wordArb },
        { weight: 4, arbitrary: spaceArb },
        { weight: 3, arbitrary: tokenArb(settings) },
        { weight: 1, arbitrary: fc.constantFrom(settings.prefix, ...settings.prefixHistory) },
        { weight: 1, arbitrary: digitRunArb },
        { weight: 1, arbitrary: foreignArb },
        { weight: 1, arbitrary: binaryBitArb },
        { weight: 1, arbitrary: codeUnitsArb },
        { weight: 1, arbitrary: fillerArb },
      ),
      { maxLength: maxFragments, size: "max" },
    )
    .map((fragments) => fragments.join(""));
