/** Which counter numbers are still active (SPEC §4): sent within activeDays, per the activity log. */
import type { Designator, Settings } from "../core";
import type { ActivityLog } from "../storage/ports";

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
