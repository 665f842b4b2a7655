import fc from "fast-check";
import { advance, decodePosition, encodePosition, later } from "../../../src/authority";
import type { CounterPosition } from "../../../src/authority";
import { settingsFor } from "./harness";

const position = fc.record({ cycle: fc.nat(1000), counter: fc.nat(9999) });

describe("counter positions", () => {
  it("round-trip through their stored number", () => {
    fc.assert(fc.property(position, (p) => expect(decodePosition(encodePosition(p))).toEqual(p)));
    expect(decodePosition(null)).toBeNull();
  });

  it("order by cycle first, so 0 after a wrap is later than 9999 before it", () => {
    expect(later({ cycle: 0, counter: 9999 }, { cycle: 1, counter: 0 })).toEqual({ cycle: 1, counter: 0 });
    expect(later(null, { cycle: 0, counter: 3 })).toEqual({ cycle: 0, counter: 3 });
    expect(later(null, null)).toBeNull();
  });

  it("always advance to a later position, whatever the digits and active numbers", () => {
    fc.assert(
      fc.property(fc.option(position, { nil: null }), fc.integer({ min: 1, max: 4 }), fc.uniqueArray(fc.nat(9999), { maxLength: 5 }), (last, counterDigits, active) => {
        const settings = settingsFor({ counterDigits });
        const next: CounterPosition = advance(last, settings, (n) => active.includes(n));
        expect(encodePosition(next)).toBeGreaterThan(last === null ? -1 : encodePosition(last));
        expect(next.counter).toBeLessThanOrEqual(10 ** counterDigits - 1);
        expect(active).not.toContain(next.counter);
      }),
    );
  });
});
