import { DEFAULT_SETTINGS, maxCounter, nextCounter, nextFreeCounter } from "../../../src/core";
import type { Settings } from "../../../src/core";

const settings = (overrides: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...overrides });
const oneDigit = settings({ counterDigits: 1 });

describe("nextCounter (docs/DESIGN.md §2: 1 … 9999, then 0)", () => {
  it.each<[string, number | null | undefined, Settings, number]>([
    ["starts at 1 with no last (null)", null, DEFAULT_SETTINGS, 1],
    ["starts at 1 with no last (undefined)", undefined, DEFAULT_SETTINGS, 1],
    ["counts up", 1, DEFAULT_SETTINGS, 2],
    ["counts up from 0 after a wrap", 0, DEFAULT_SETTINGS, 1],
    ["9998 → 9999", 9998, DEFAULT_SETTINGS, 9999],
    ["wraps 9999 → 0", 9999, DEFAULT_SETTINGS, 0],
    ["counterDigits 1: 8 → 9", 8, oneDigit, 9],
    ["counterDigits 1: wraps 9 → 0", 9, oneDigit, 0],
    ["counterDigits 9: wraps 999999999 → 0", 999_999_999, settings({ counterDigits: 9 }), 0],
    ["a last above the maximum (digits lowered since) wraps", 12345, DEFAULT_SETTINGS, 0],
  ])("%s", (_name, last, s, expected) => {
    expect(nextCounter(last, s)).toBe(expected);
  });

  it("rejects a negative or fractional last", () => {
    expect(() => nextCounter(-1, DEFAULT_SETTINGS)).toThrow(RangeError);
    expect(() => nextCounter(1.5, DEFAULT_SETTINGS)).toThrow(RangeError);
  });

  it("maxCounter is 10^counterDigits - 1", () => {
    expect(maxCounter(DEFAULT_SETTINGS)).toBe(9999);
    expect(maxCounter(oneDigit)).toBe(9);
    expect(maxCounter(settings({ counterDigits: 9 }))).toBe(999_999_999);
  });
});

describe("nextFreeCounter (docs/DESIGN.md §4 wrap rule)", () => {
  const none = (): boolean => false;

  it("is nextCounter when nothing is active", () => {
    expect(nextFreeCounter(null, DEFAULT_SETTINGS, none)).toEqual({ ok: true, counter: 1, wrapped: false });
    expect(nextFreeCounter(41, DEFAULT_SETTINGS, none)).toEqual({ ok: true, counter: 42, wrapped: false });
    expect(nextFreeCounter(9999, DEFAULT_SETTINGS, none)).toEqual({ ok: true, counter: 0, wrapped: true });
  });

  it("skips active numbers after a wrap", () => {
    const active = new Set([0, 1, 2, 4]);
    expect(nextFreeCounter(9, oneDigit, (n) => active.has(n))).toEqual({ ok: true, counter: 3, wrapped: true });
  });

  it("reports a wrap that happens while skipping", () => {
    const active = new Set([9, 0]);
    expect(nextFreeCounter(8, oneDigit, (n) => active.has(n))).toEqual({ ok: true, counter: 1, wrapped: true });
  });

  it("never offers last again, even when it is not active", () => {
    const calls: number[] = [];
    const result = nextFreeCounter(5, oneDigit, (n) => {
      calls.push(n);
      return n !== 5;
    });
    expect(result.ok).toBe(false);
    expect(calls).toEqual([6, 7, 8, 9, 0, 1, 2, 3, 4]);
  });

  it("fails with advice when every number is active, and stops", () => {
    let calls = 0;
    const result = nextFreeCounter(null, oneDigit, () => {
      calls++;
      return true;
    });
    expect(calls).toBe(10);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(/0-9/);
      expect(result.reason).toMatch(/Raise counter digits above 1/);
      expect(result.reason).toMatch(/30 days/);
    }
  });

  it("checks each number of a 4-digit cycle at most once", () => {
    let calls = 0;
    const result = nextFreeCounter(1234, DEFAULT_SETTINGS, () => {
      calls++;
      return true;
    });
    expect(result.ok).toBe(false);
    expect(calls).toBe(9999);
    if (!result.ok) expect(result.reason).toMatch(/above 4/);
  });
});
