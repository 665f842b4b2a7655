/**
 * The mailbox as the online authority (standalone, docs/DESIGN.md §3): the per-user counter lives in roaming
 * settings. Roaming settings are read once when the pane opens, so another window's newer save is
 * invisible here; a local high-water mark (shared by every window of this device) guards against
 * that stale copy and against a roaming value that went back.
 */
import { maxCounter, toRanges } from "../core";
import type { Settings } from "../core";
import type { RoamingStore } from "../office/ports";
import type { CounterStore } from "../storage/counterStore";
import type { Activity, ActivityLog } from "../storage/ports";
import { advancePastActive } from "./activeCounters";
import { AuthoritySaveError } from "./errors";
import { offlineCounterName } from "./localAuthority";
import type { LocalAuthority } from "./localAuthority";
import type { ReserveSource } from "./offlineReserve";
import type { IssuedNumber, OnlineAuthority } from "./numberAuthority";
import { decodePosition, encodePosition, later } from "./position";
import type { CounterPosition } from "./position";
import { raiseRoamingPosition, readRoamingPosition, ROAMING_OFFLINE_HWM_KEY, ROAMING_ONLINE_KEY } from "./roamingCounters";

export type MailboxAuthorityOptions = {
  readonly roaming: RoamingStore;
  readonly counters: CounterStore;
  readonly activityLog: ActivityLog;
  /** Where offline positions come from, to carry their high-water mark to the mailbox. */
  readonly local: Pick<LocalAuthority, "position">;
  readonly now: () => number;
  /** The user number the settings in force give (undefined before the user has one), for saves that issue nothing. */
  readonly currentUser?: () => number | undefined;
};

export const onlineHighWaterName = (user: number): string => `online-hwm:${user}`;

/** Offline numbers one device reserves from the mailbox: 100, or a tenth of the counter for small widths (docs/NUMBERING.md). */
export function standaloneReserveSize(settings: Settings): number {
  return Math.max(1, Math.min(100, Math.floor(maxCounter(settings) / 10)));
}

export function createMailboxAuthority({ roaming, counters, activityLog, local, now, currentUser }: MailboxAuthorityOptions): OnlineAuthority {
  /** Raises the mailbox's offline high-water mark to this device's offline positions; true if it changed. */
  const carryOfflineHighWater = async (users: Iterable<number>): Promise<boolean> => {
    let changed = false;
    for (const user of new Set(users)) {
      changed = raiseRoamingPosition(roaming, ROAMING_OFFLINE_HWM_KEY, user, await local.position(user)) || changed;
    }
    return changed;
  };

  /** Users this window has numbered for, and the settings' user: whose marks ride along with every save. */
  const numbered = new Set<number>();
  const usersToCarry = (): Set<number> => {
    const users = new Set(numbered);
    const user = currentUser?.();
    if (user !== undefined) users.add(user);
    return users;
  };

  /**
   * Outlook saves a window's whole copy of roaming settings, read when the window opened, so a save
   * from a window that opened before another window's stamp (a connectivity check, an offline sync)
   * would put the mailbox's counters back, and the user's next device would repeat those numbers.
   * Every save first raises the copy to this device's marks, so no save from this device lowers them
   * (docs/NUMBERING.md, "Stale copies"). A mark that cannot be read leaves the copy as it is.
   */
  const saveWithDeviceMarks = async (): Promise<void> => {
    const users = usersToCarry();
    for (const user of users) {
      try {
        raiseRoamingPosition(roaming, ROAMING_ONLINE_KEY, user, decodePosition(await counters.peek(onlineHighWaterName(user))));
      } catch {
        // a corrupt or unreadable mark: the stamp that needs it reports it; a save must still go
      }
    }
    await carryOfflineHighWater(users).catch(() => false);
    await roaming.save();
  };

  /**
   * The mailbox's offline high-water mark is the standalone reserve counter: a reserve is the next
   * numbers above it (and above this device's own offline counter), and the mark moves past them
   * before the device may use them. Under the offline counter's lock, so windows take turns.
   */
  const reserves: ReserveSource = {
    take: (settings, user) =>
      counters.exclusive(offlineCounterName(user), async (offline) => {
        const size = standaloneReserveSize(settings);
        let position: CounterPosition | null = later(decodePosition(await offline.read()), readRoamingPosition(roaming, ROAMING_OFFLINE_HWM_KEY, user));
        const taken: number[] = [];
        for (let i = 0; i < size; i++) {
          try {
            position = await advancePastActive(position, activityLog, 1, user, settings, now());
          } catch (error) {
            if (taken.length === 0) throw error;
            break; // fewer free numbers than a full reserve: take what there is
          }
          taken.push(position.counter);
        }
        if (position === null) return { ranges: [], size };
        await offline.commit(encodePosition(position));
        raiseRoamingPosition(roaming, ROAMING_OFFLINE_HWM_KEY, user, position);
        numbered.add(user);
        await saveWithDeviceMarks(); // before the reserve is used: another device's reserve starts above it
        return { ranges: toRanges(taken), size, highest: position };
      }),
  };

  return {
    kind: "mailbox",
    label: "mailbox",
    reserves,
    async issue(settings: Settings, user: number): Promise<IssuedNumber> {
      return counters.exclusive(onlineHighWaterName(user), async (highWater) => {
        const last = later(decodePosition(await highWater.read()), readRoamingPosition(roaming, ROAMING_ONLINE_KEY, user));
        const next = await advancePastActive(last, activityLog, 0, user, settings, now());
        // Local first: from here the number is burned on this device, whatever the mailbox does.
        await highWater.commit(encodePosition(next));
        numbered.add(user);
        raiseRoamingPosition(roaming, ROAMING_ONLINE_KEY, user, next);
        try {
          await saveWithDeviceMarks(); // carries the offline mark too; a bad one must not stop online numbering
        } catch (cause) {
          const detail = cause instanceof Error ? cause.message : String(cause);
          throw new AuthoritySaveError(`The mailbox did not save the counter (${detail}).`, { cause });
        }
        return { designator: 0, counter: next.counter, wrapped: next.wrapped };
      });
    },
    ping: saveWithDeviceMarks,
    async syncOffline(activities: readonly Activity[]) {
      if (activities.length === 0) return;
      await carryOfflineHighWater(activities.map((a) => a.user));
      // Saved even when nothing changed: the mark may have been set in memory by a save that failed.
      await saveWithDeviceMarks();
    },
  };
}
