import fc from "fast-check";
import { findTokens, formatToken, parseToken } from "../../../src/core";
import { anyStringArb, partsArb, settingsArb, subjectArb } from "./arbitraries";

const RUNS = { numRuns: 10_000 };

describe("codec properties", () => {
  it("format → parse round-trips over any valid settings and in-range parts", () => {
    fc.assert(
      fc.property(
        settingsArb.chain((settings) => fc.tuple(fc.constant(settings), partsArb(settings))),
        ([settings, parts]) => {
          const token = formatToken(parts, settings);
          expect(token.length).toBe(settings.prefix.length + 1 + settings.userDigits + settings.counterDigits);
          expect(parseToken(token, settings)).toEqual({ ...parts, prefix: settings.prefix, origin: "current" });
          // The same token standing alone in a subject is found once, whole.
          expect(findTokens(`RE: x ${token}`, settings)).toEqual([{ ...parts, prefix: settings.prefix, origin: "current", text: token, index: 6 }]);
        },
      ),
      RUNS,
    );
  });

  it("findTokens never throws on any string, and every result is a real token at its index", () => {
    const input = fc.oneof(
      settingsArb.chain((settings) => fc.tuple(fc.constant(settings), fc.oneof(anyStringArb(300), subjectArb(settings)))),
      fc.tuple(settingsArb, anyStringArb(40)),
    );
    fc.assert(
      fc.property(input, ([settings, subject]) => {
        const found = findTokens(subject, settings);
        let after = 0;
        for (const token of found) {
          expect(token.index).toBeGreaterThanOrEqual(after);
          expect(subject.slice(token.index, token.index + token.text.length)).toBe(token.text);
          const { text: _text, index: _index, ...parsed } = token;
          expect(parseToken(token.text, settings)).toEqual(parsed);
          after = token.index + token.text.length;
        }
      }),
      RUNS,
    );
  });

  it("findTokens never throws on 10,000-character strings", () => {
    const long = fc.oneof(
      fc.string({ unit: "binary", minLength: 10_000, maxLength: 10_000 }),
      fc.string({ unit: "grapheme", minLength: 10_000, maxLength: 10_000 }),
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), minLength: 10_000, maxLength: 10_000 }),
      fc.string({ unit: fc.constantFrom("CRM:", "0", "1", " ", "x", "\uD800", "\u0301"), minLength: 2_500, maxLength: 2_500 }),
    );
    fc.assert(
      fc.property(settingsArb, long, (settings, subject) => {
        expect(Array.isArray(findTokens(subject, settings))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
