/**
 * The allocation decision shared by both stores, so the counter rules stay those of src/core.
 * The common case costs one indexed probe: only when the next number is held by an active
 * activity (after a wrap) does a store load every active number of the user.
 */
import { nextCounter, nextFreeCounter } from "../../core";
import type { FreeCounter, Settings } from "../../core";

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
