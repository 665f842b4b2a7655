/**
 * Offline reserves (docs/NUMBERING.md): numbers for designator 1 that the online authority handed to
 * this device while it was online, kept in the device's counter store. An offline stamp draws from
 * the reserve first, so two devices of one user offline at once never issue the same token. Only a
 * device whose reserve is used up falls back to its own counter (localAuthority.ts), and says so.
 */
import { formatToken, reserveExpired } from "../core";
import type { CounterRange, Settings } from "../core";
import type { CounterStore } from "../storage/counterStore";
import type { ActivityLog } from "../storage/ports";
import type { CounterPosition } from "./position";

/** Counters from..to, inclusive. */
export type ReserveRange = CounterRange;

/** What an authority handed out: durable at the authority before it answers. */
export type TakenReserve = {
  readonly ranges: readonly ReserveRange[];
  /** The reserve size the authority keeps for each device (the top-up threshold is half of it). */
  readonly size: number;
  /** Where the authority's offline counter stands after this reserve, when it knows the cycle (the mailbox does). */
  readonly highest?: CounterPosition;
};

/** Where reserves come from: the tracking service (POST /v1/reserves) or the mailbox's roaming counter. */
export interface ReserveSource {
  take(settings: Settings, user: number): Promise<TakenReserve>;
}

export type OfflineReserve = {
  /** Takes the next reserved number of `user` (committed as used before it resolves); undefined when none is left. */
  draw(settings: Settings, user: number): Promise<number | undefined>;
  /** How many reserved numbers `user` has left that have not expired, and the size the authority keeps. */
  status(settings: Settings, user: number): Promise<{ readonly remaining: number; readonly size: number }>;
  /** Adds numbers the authority just reserved for this device (received now), dropping expired ones. */
  add(settings: Settings, user: number, taken: TakenReserve): Promise<void>;
};

export const reserveRecordName = (user: number): string => `reserve:${user}`;

/** A stored range also says when this device received it (ms since epoch), for its expiry. */
type StoredRange = ReserveRange & { readonly receivedAt: number };
type StoredReserve = { readonly ranges: readonly StoredRange[]; readonly size: number };

/** `now` is the clock (`Date.now`): numbers received more than activeDays ago are dropped, never drawn. */
export function createOfflineReserve(counters: CounterStore, activityLog: ActivityLog, now: () => number): OfflineReserve {
  const live = (stored: StoredReserve, settings: Settings): StoredRange[] => {
    const at = now();
    return stored.ranges.filter((r) => !reserveExpired(r.receivedAt, at, settings.activeDays));
  };
  return {
    draw: (settings, user) =>
      counters.exclusiveRecord(reserveRecordName(user), async (record) => {
        const stored = parseReserve(await record.read());
        const ranges = live(stored, settings);
        let drawn: number | undefined;
        while (drawn === undefined && ranges.length > 0) {
          const first = ranges[0] as StoredRange;
          if (first.from >= first.to) ranges.shift();
          else ranges[0] = { ...first, from: first.from + 1 };
          // Defensive: a number this device already holds an activity for is never handed out again.
          if ((await activityLog.get(formatToken({ designator: 1, user, counter: first.from }, settings))) === undefined) drawn = first.from;
        }
        // Committed before the number is used: a crash after this leaves it used up, never repeated.
        if (ranges.length !== stored.ranges.length || drawn !== undefined) await record.commit({ ranges, size: stored.size });
        return drawn;
      }),
    status: (settings, user) =>
      counters.exclusiveRecord(reserveRecordName(user), async (record) => {
        const stored = parseReserve(await record.read());
        return { remaining: live(stored, settings).reduce((sum, r) => sum + (r.to - r.from + 1), 0), size: stored.size };
      }),
    add: (settings, user, taken) =>
      counters.exclusiveRecord(reserveRecordName(user), async (record) => {
        const stored = parseReserve(await record.read());
        const receivedAt = now();
        const fresh = taken.ranges
          .filter((r) => Number.isSafeInteger(r.from) && Number.isSafeInteger(r.to) && r.from >= 0 && r.from <= r.to)
          .map((r) => ({ from: r.from, to: r.to, receivedAt }));
        await record.commit({ ranges: [...live(stored, settings), ...fresh], size: taken.size });
      }),
  };
}

/**
 * The stored reserve, checked; an unreadable one counts as empty (its numbers are abandoned, never reissued).
 * So does a range without its receivedAt: its age is unknown, so it may already have expired.
 */
function parseReserve(value: unknown): StoredReserve {
  if (typeof value !== "object" || value === null) return { ranges: [], size: 0 };
  const { ranges, size } = value as { ranges?: unknown; size?: unknown };
  const whole = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n) && n >= 0;
  const valid = Array.isArray(ranges)
    ? ranges.filter((r): r is StoredRange => {
        if (typeof r !== "object" || r === null) return false;
        const { from, to, receivedAt } = r as StoredRange;
        return whole(from) && whole(to) && from <= to && typeof receivedAt === "number" && Number.isFinite(receivedAt);
      })
    : [];
  return { ranges: valid, size: whole(size) ? size : 0 };
}

/** The highest counter of `taken`, as a position after `last` (a counter below last's means the authority wrapped). */
export function reserveEnd(taken: TakenReserve, last: CounterPosition | null): CounterPosition | null {
  if (taken.highest !== undefined) return taken.highest;
  const final = taken.ranges[taken.ranges.length - 1];
  if (final === undefined) return null;
  const cycle = last === null ? 0 : final.to >= last.counter ? last.cycle : last.cycle + 1;
  return { cycle, counter: final.to };
}
