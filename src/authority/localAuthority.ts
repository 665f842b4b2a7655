/**
 * The device's offline numbering (designator 1): the local counter, never below the high-water
 * mark the online authority keeps for it, so losing local storage does not repeat numbers.
 */
import type { Settings } from "../core";
import type { CounterStore } from "../storage/counterStore";
import type { ActivityLog } from "../storage/ports";
import { advancePastActive } from "./activeCounters";
import type { IssuedNumber, NumberAuthority } from "./numberAuthority";
import { decodePosition, encodePosition, later } from "./position";
import type { CounterPosition } from "./position";

export type LocalAuthority = NumberAuthority & {
  /** The local counter's position for `user`; null when none was issued on this device. */
  position(user: number): Promise<CounterPosition | null>;
};

export type LocalAuthorityOptions = {
  readonly counters: CounterStore;
  readonly activityLog: ActivityLog;
  /** The highest offline position the online authority knows for `user` (may throw CounterCorruptError). */
  readonly offlineHighWater: (user: number) => CounterPosition | null;
  readonly now: () => number;
};

export const offlineCounterName = (user: number): string => `offline:${user}`;

export function createLocalAuthority({ counters, activityLog, offlineHighWater, now }: LocalAuthorityOptions): LocalAuthority {
  return {
    async issue(settings: Settings, user: number): Promise<IssuedNumber> {
      return counters.exclusive(offlineCounterName(user), async (counter) => {
        const last = later(decodePosition(await counter.read()), offlineHighWater(user));
        const next = await advancePastActive(last, activityLog, 1, user, settings, now());
        await counter.commit(encodePosition(next));
        return { designator: 1, counter: next.counter, wrapped: next.wrapped };
      });
    },
    position: async (user) => decodePosition(await counters.peek(offlineCounterName(user))),
  };
}
