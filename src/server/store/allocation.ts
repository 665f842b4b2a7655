/**
 * The allocation decision shared by both stores, so the counter rules stay those of src/core.
 * The common case costs one indexed probe: only when the next number is held by an active
 * activity (after a wrap) does a store load every active number of the user.
 */
import { nextCounter, nextFreeCounter } from "../../core";
import type { FreeCounter, Settings } from "../../core";
import type { CounterRange } from "./types";

const NONE: ReadonlySet<number> = new Set();

export function chooseCounter(
  last: number | null,
  settings: Settings,
  isActive: (counter: number) => boolean,
  activeCounters: () => ReadonlySet<number>,
): FreeCounter {
  const active = isActive(nextCounter(last, settings)) ? activeCounters() : NONE;
  return nextFreeCounter(last, settings, (counter) => active.has(counter));
}

export async function chooseCounterAsync(
  last: number | null,
  settings: Settings,
  isActive: (counter: number) => Promise<boolean>,
  activeCounters: () => Promise<ReadonlySet<number>>,
): Promise<FreeCounter> {
  const active = (await isActive(nextCounter(last, settings))) ? await activeCounters() : NONE;
  return nextFreeCounter(last, settings, (counter) => active.has(counter));
}

/**
 * Up to `size` counters after `last` for an offline reserve, by core's nextFreeCounter, skipping
 * `held` (numbers still active or still reserved). Fewer when the cycle runs out of free numbers;
 * none (not ok) when not one is free. `last` is the last counter given, to save.
 */
export function chooseReserve(
  last: number | null,
  size: number,
  settings: Settings,
  held: ReadonlySet<number>,
): { readonly ok: true; readonly counters: readonly number[]; readonly last: number } | { readonly ok: false; readonly reason: string } {
  const taken = new Set(held);
  const counters: number[] = [];
  let current = last;
  while (counters.length < size) {
    const next = nextFreeCounter(current, settings, (counter) => taken.has(counter));
    if (!next.ok) {
      if (counters.length === 0) return next;
      break;
    }
    counters.push(next.counter);
    taken.add(next.counter);
    current = next.counter;
  }
  return { ok: true, counters, last: current ?? 0 };
}

/** Every counter of these ranges (reserves still held), for the `held` set of chooseReserve. */
export function rangeCounters(ranges: readonly CounterRange[]): Set<number> {
  const counters = new Set<number>();
  for (const { from, to } of ranges) for (let c = from; c <= to; c++) counters.add(c);
  return counters;
}
