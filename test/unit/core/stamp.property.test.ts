import fc from "fast-check";
import { ELLIPSIS, MAX_SUBJECT_LENGTH, applyToken, findTokens, stripTokens } from "../../../src/core";
import { settingsArb, subjectArb, tokenArb } from "./arbitraries";

const RUNS = { numRuns: 10_000 };

// Subjects long enough to need shortening about half the time.
const stampInput = settingsArb.chain((settings) => fc.tuple(fc.constant(settings), subjectArb(settings, 90), tokenArb(settings)));

describe("stamping properties", () => {
  it("applyToken yields at most 255 characters with exactly one token of ours, the given one, at the end", () => {
    fc.assert(
      fc.property(stampInput, ([settings, subject, token]) => {
        const { subject: stamped } = applyToken(subject, token, settings);
        expect(stamped.length).toBeLessThanOrEqual(MAX_SUBJECT_LENGTH);
        const found = findTokens(stamped, settings);
        expect(found.map((t) => t.text)).toEqual([token]);
        expect(found[0]?.index).toBe(stamped.length - token.length);
      }),
      RUNS,
    );
  });

  it("applyToken only adds the token (and, when shortening, cuts the end of the text)", () => {
    fc.assert(
      fc.property(stampInput, ([settings, subject, token]) => {
        const { subject: stamped, shortened } = applyToken(subject, token, settings);
        const before = stripTokens(subject, settings);
        const after = stripTokens(stamped, settings);
        if (!shortened) {
          expect(after).toBe(before);
        } else {
          expect(after.endsWith(ELLIPSIS)).toBe(true);
          expect(before.startsWith(after.slice(0, -ELLIPSIS.length))).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("a mid-word cut through a long digit run after our prefix never leaves a token of ours", () => {
    // No whitespace anywhere, so the cut lands mid-word, often inside the digit run.
    const input = settingsArb.chain((settings) =>
      fc.tuple(
        fc.constant(settings),
        fc.string({ unit: fc.constantFrom("z", "-", "é"), minLength: 150, maxLength: 250 }),
        fc.constantFrom(settings.prefix, ...settings.prefixHistory),
        fc.integer({ min: 1, max: 40 }),
        fc.string({ unit: fc.constantFrom("z", "-", "0", "1"), maxLength: 30 }),
        tokenArb(settings),
      ),
    );
    fc.assert(
      fc.property(input, ([settings, head, prefix, extraDigits, tail, token]) => {
        const digits = "1".repeat(1 + settings.userDigits + settings.counterDigits + extraDigits);
        const subject = `${head}-${prefix}${digits}${tail}`;
        const { subject: stamped, shortened } = applyToken(subject, token, settings);
        expect(stamped.length).toBeLessThanOrEqual(MAX_SUBJECT_LENGTH);
        expect(findTokens(stamped, settings).map((t) => t.text)).toEqual([token]);
        if (shortened) {
          const after = stripTokens(stamped, settings);
          expect(stripTokens(subject, settings).startsWith(after.slice(0, -ELLIPSIS.length))).toBe(true);
        }
      }),
      { numRuns: 3_000 },
    );
  });

  it("stamping is idempotent for the same token", () => {
    fc.assert(
      fc.property(stampInput, ([settings, subject, token]) => {
        const once = applyToken(subject, token, settings).subject;
        expect(applyToken(once, token, settings).subject).toBe(once);
      }),
      { numRuns: 2_000 },
    );
  });
});
