/**
 * Where a counter stands: the last number and how often it wrapped. Comparing bare numbers would
 * fail at the wrap (after 9999 comes 0, which is "smaller"), so high-water marks compare cycles first.
 */
import { nextFreeCounter } from "../core";
import type { Settings } from "../core";
import { CounterExhaustedError } from "./errors";

export type CounterPosition = { readonly cycle: number; readonly counter: number };

// Counters have at most 9 digits, so cycle * 1e9 + counter orders positions in one safe integer.
const CYCLE = 1_000_000_000;

export function encodePosition(position: CounterPosition): number {
  return position.cycle * CYCLE + position.counter;
}

export function decodePosition(value: number | null): CounterPosition | null {
  return value === null ? null : { cycle: Math.floor(value / CYCLE), counter: value % CYCLE };
}

/** The later of two positions; null only when both are. */
export function later(a: CounterPosition | null, b: CounterPosition | null): CounterPosition | null {
  if (a === null) return b;
  if (b === null) return a;
  return encodePosition(a) >= encodePosition(b) ? a : b;
}

/** The position after `last`, skipping active numbers; throws CounterExhaustedError when none is free. */
export function advance(last: CounterPosition | null, settings: Settings, isActive: (counter: number) => boolean): CounterPosition & { wrapped: boolean } {
  const free = nextFreeCounter(last?.counter ?? null, settings, isActive);
  if (!free.ok) throw new CounterExhaustedError(free.reason);
  return { cycle: (last?.cycle ?? 0) + (free.wrapped ? 1 : 0), counter: free.counter, wrapped: free.wrapped };
}

/** A position as stored in roaming settings ({ cycle, last }), checked; undefined when it is not one. */
export function positionFromStored(value: unknown): CounterPosition | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { cycle, last } = value as { cycle?: unknown; last?: unknown };
  const whole = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n) && n >= 0;
  if (!whole(cycle) || !whole(last) || last >= CYCLE) return undefined;
  return { cycle, counter: last };
}

export function positionToStored(position: CounterPosition): { cycle: number; last: number } {
  return { cycle: position.cycle, last: position.counter };
}
