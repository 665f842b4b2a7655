/** Counter rules (docs/DESIGN.md §2, §4): 1, 2, … 10^counterDigits - 1, then 0, skipping still-active numbers on wrap. */
import { assertCodecSettings } from "./settings";
import type { Settings } from "./types";

export type FreeCounter =
  | { readonly ok: true; readonly counter: number; readonly wrapped: boolean }
  | { readonly ok: false; readonly reason: string };

/** The largest counter value: 10^counterDigits - 1 (9999 by default). */
export function maxCounter(settings: Settings): number {
  assertCodecSettings(settings);
  return 10 ** settings.counterDigits - 1;
}

/**
 * The counter after `last`: 1 when nothing was issued yet, then last + 1, and 0 after the maximum.
 * A `last` above the maximum (counterDigits was lowered since) also wraps to 0.
 */
export function nextCounter(last: number | null | undefined, settings: Settings): number {
  const max = maxCounter(settings);
  if (last === null || last === undefined) return 1;
  assertCounter(last);
  return last >= max ? 0 : last + 1;
}

/**
 * The next counter after `last` whose number is not held by an active activity (docs/DESIGN.md §4).
 * Looks at each other number of the cycle at most once, so it ends even when all are active;
 * `last` itself is never offered again, since an issued number is never reused within a cycle.
 */
export function nextFreeCounter(last: number | null | undefined, settings: Settings, isActive: (counter: number) => boolean): FreeCounter {
  const max = maxCounter(settings);
  let current = nextCounter(last, settings);
  // Every number of the cycle (0..max) is open, except `last` when it is one of them.
  const candidates = last === null || last === undefined || last > max ? max + 1 : max;
  let wrapped = current === 0;
  for (let i = 0; i < candidates; i++) {
    if (!isActive(current)) return { ok: true, counter: current, wrapped };
    current = current >= max ? 0 : current + 1;
    if (current === 0) wrapped = true;
  }
  const days = settings.activeDays === 1 ? "day" : "days";
  return {
    ok: false,
    reason:
      `Every counter number (0-${max}) belongs to an activity sent within the last ${settings.activeDays} ${days}, ` +
      `so a new token would repeat an active one. Raise counter digits above ${settings.counterDigits} for more numbers.`,
  };
}

function assertCounter(last: number): void {
  if (!Number.isSafeInteger(last) || last < 0) throw new RangeError(`last counter ${String(last)} is not a whole number of at least 0`);
}

/** An inclusive run of counters, as a reserve hands them out (docs/NUMBERING.md). */
export type CounterRange = { readonly from: number; readonly to: number };

/** Consecutive counters as inclusive ranges, in the order given: [9998, 9999, 0, 1] -> 9998-9999, 0-1. */
export function toRanges(counters: readonly number[]): CounterRange[] {
  const ranges: { from: number; to: number }[] = [];
  for (const counter of counters) {
    const open = ranges[ranges.length - 1];
    if (open !== undefined && counter === open.to + 1) open.to = counter;
    else ranges.push({ from: counter, to: counter });
  }
  return ranges;
}
