/**
 * The device's offline numbering (designator 1, docs/NUMBERING.md): first the reserve the online
 * authority handed to this device; when it is used up, the device's own counter, above every
 * high-water mark it has seen (its reserves' ends, the mark the online authority keeps for it), so
 * losing local storage does not repeat numbers. Only that fallback can meet another device's numbers.
 */
import type { Settings } from "../core";
import type { CounterStore } from "../storage/counterStore";
import type { ActivityLog } from "../storage/ports";
import { advancePastActive } from "./activeCounters";
import type { IssuedNumber, NumberAuthority } from "./numberAuthority";
import type { OfflineReserve } from "./offlineReserve";
import { decodePosition, encodePosition, later } from "./position";
import type { CounterPosition } from "./position";

export type LocalAuthority = NumberAuthority & {
  /** The local counter's position for `user`; null when none was issued on this device. */
  position(user: number): Promise<CounterPosition | null>;
  /** Raises the fallback counter of `user` to `position` (a reserve's end), never lowering it. */
  raise(user: number, position: CounterPosition): Promise<void>;
};

export type LocalAuthorityOptions = {
  readonly counters: CounterStore;
  readonly activityLog: ActivityLog;
  /** The highest offline position the online authority knows for `user` (may throw CounterCorruptError). */
  readonly offlineHighWater: (user: number) => CounterPosition | null;
  readonly now: () => number;
  /** Numbers reserved for this device; absent: the device's own counter only. */
  readonly reserve?: OfflineReserve;
};

export const offlineCounterName = (user: number): string => `offline:${user}`;

/** Said with every token numbered past the reserve (docs/DESIGN.md §4: the device then says so). */
export const FALLBACK_CAUTION =
  "This device has no reserved offline numbers left, so this token comes from its own counter: it is unique on this device, but no longer guaranteed unique across your devices. Go online once to take a new reserve.";

export function createLocalAuthority({ counters, activityLog, offlineHighWater, now, reserve }: LocalAuthorityOptions): LocalAuthority {
  return {
    async issue(settings: Settings, user: number): Promise<IssuedNumber> {
      const reserved = reserve ? await reserve.draw(settings, user) : undefined;
      if (reserved !== undefined) return { designator: 1, counter: reserved, wrapped: false };
      return counters.exclusive(offlineCounterName(user), async (counter) => {
        const last = later(decodePosition(await counter.read()), offlineHighWater(user));
        const next = await advancePastActive(last, activityLog, 1, user, settings, now());
        await counter.commit(encodePosition(next));
        return { designator: 1, counter: next.counter, wrapped: next.wrapped, caution: FALLBACK_CAUTION };
      });
    },
    position: async (user) => decodePosition(await counters.peek(offlineCounterName(user))),
    raise: (user, position) =>
      counters.exclusive(offlineCounterName(user), async (counter) => {
        const current = decodePosition(await counter.read());
        if (later(current, position) !== current) await counter.commit(encodePosition(position));
      }),
  };
}
