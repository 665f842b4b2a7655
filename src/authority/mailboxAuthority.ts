/**
 * The mailbox as the online authority (standalone, SPEC §3): the per-user counter lives in roaming
 * settings. Roaming settings are read once when the pane opens, so another window's newer save is
 * invisible here; a local high-water mark (shared by every window of this device) guards against
 * that stale copy and against a roaming value that went back.
 */
import type { Settings } from "../core";
import type { RoamingStore } from "../office/ports";
import type { CounterStore } from "../storage/counterStore";
import type { Activity, ActivityLog } from "../storage/ports";
import { advancePastActive } from "./activeCounters";
import { AuthoritySaveError } from "./errors";
import type { LocalAuthority } from "./localAuthority";
import type { IssuedNumber, OnlineAuthority } from "./numberAuthority";
import { decodePosition, encodePosition, later } from "./position";
import { raiseRoamingPosition, readRoamingPosition, ROAMING_OFFLINE_HWM_KEY, ROAMING_ONLINE_KEY } from "./roamingCounters";

export type MailboxAuthorityOptions = {
  readonly roaming: RoamingStore;
  readonly counters: CounterStore;
  readonly activityLog: ActivityLog;
  /** Where offline positions come from, to carry their high-water mark to the mailbox. */
  readonly local: Pick<LocalAuthority, "position">;
  readonly now: () => number;
};

export const onlineHighWaterName = (user: number): string => `online-hwm:${user}`;

export function createMailboxAuthority({ roaming, counters, activityLog, local, now }: MailboxAuthorityOptions): OnlineAuthority {
  /** Raises the mailbox's offline high-water mark to this device's offline positions; true if it changed. */
  const carryOfflineHighWater = async (users: Iterable<number>): Promise<boolean> => {
    let changed = false;
    for (const user of new Set(users)) {
      changed = raiseRoamingPosition(roaming, ROAMING_OFFLINE_HWM_KEY, user, await local.position(user)) || changed;
    }
    return changed;
  };

  return {
    kind: "mailbox",
    label: "mailbox",
    async issue(settings: Settings, user: number): Promise<IssuedNumber> {
      return counters.exclusive(onlineHighWaterName(user), async (highWater) => {
        const last = later(decodePosition(await highWater.read()), readRoamingPosition(roaming, ROAMING_ONLINE_KEY, user));
        const next = await advancePastActive(last, activityLog, 0, user, settings, now());
        // Local first: from here the number is burned on this device, whatever the mailbox does.
        await highWater.commit(encodePosition(next));
        raiseRoamingPosition(roaming, ROAMING_ONLINE_KEY, user, next);
        await carryOfflineHighWater([user]).catch(() => false); // a bad offline mark must not stop online numbering
        try {
          await roaming.save();
        } catch (cause) {
          const detail = cause instanceof Error ? cause.message : String(cause);
          throw new AuthoritySaveError(`The mailbox did not save the counter (${detail}).`, { cause });
        }
        return { designator: 0, counter: next.counter, wrapped: next.wrapped };
      });
    },
    ping: () => roaming.save(),
    async syncOffline(activities: readonly Activity[]) {
      if (activities.length === 0) return;
      await carryOfflineHighWater(activities.map((a) => a.user));
      // Saved even when nothing changed: the mark may have been set in memory by a save that failed.
      await roaming.save();
    },
  };
}
