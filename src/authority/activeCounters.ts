/** Which counter numbers are still active (docs/DESIGN.md §4): sent within activeDays, per the activity log. */
import { formatToken, nextCounter } from "../core";
import type { Designator, Settings } from "../core";
import type { ActivityLog } from "../storage/ports";
import { advance } from "./position";
import type { CounterPosition } from "./position";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Counters of `user`'s tokens with `designator` stamped within the last activeDays before `now`. */
export async function activeCounters(log: ActivityLog, designator: Designator, user: number, settings: Settings, now: number): Promise<ReadonlySet<number>> {
  const since = now - settings.activeDays * DAY_MS;
  const active = new Set<number>();
  for (const activity of await log.all()) {
    if (activity.designator === designator && activity.user === user && activity.stampedAt >= since) active.add(activity.counter);
  }
  return active;
}

/**
 * The position after `last`, skipping active numbers. Almost always the next number is free, so one
 * keyed lookup decides; only when it is taken (after a wrap) is the whole log read. Keeps a stamp's
 * cost flat as the log grows.
 */
export async function advancePastActive(
  last: CounterPosition | null,
  log: ActivityLog,
  designator: Designator,
  user: number,
  settings: Settings,
  now: number,
): Promise<CounterPosition & { wrapped: boolean }> {
  const candidate = nextCounter(last?.counter ?? null, settings);
  const holder = await log.get(formatToken({ designator, user, counter: candidate }, settings));
  const since = now - settings.activeDays * DAY_MS;
  const active = holder !== undefined && holder.stampedAt >= since ? await activeCounters(log, designator, user, settings, now) : new Set<number>();
  return advance(last, settings, (n) => active.has(n));
}
