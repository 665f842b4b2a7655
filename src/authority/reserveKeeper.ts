/**
 * Keeps this device's offline reserve topped up while it is online (docs/NUMBERING.md): when fewer
 * than half of the authority's reserve size are left, it takes more, in the background. The
 * authority commits a reserve before it answers; the device stores it before drawing from it, and
 * raises its own fallback counter above it, so even the fallback never meets this reserve.
 */
import type { Settings } from "../core";
import type { LocalAuthority } from "./localAuthority";
import type { OfflineReserve, ReserveSource } from "./offlineReserve";
import { reserveEnd } from "./offlineReserve";

export type ReserveKeeper = {
  /** Takes a reserve when the one held is low; resolves when done (failures are kept quiet: offline stamps fall back). */
  topUp(settings: Settings, user: number): Promise<void>;
  /** Resolves when no top-up is running. */
  idle(): Promise<void>;
};

export type ReserveKeeperOptions = {
  readonly source: ReserveSource;
  readonly reserve: OfflineReserve;
  readonly local: Pick<LocalAuthority, "position" | "raise">;
  /** Called when a top-up fails; for logging. */
  readonly onError?: (error: unknown) => void;
};

export function createReserveKeeper({ source, reserve, local, onError }: ReserveKeeperOptions): ReserveKeeper {
  // One top-up per user at a time in this window; other windows are serialized by the authority.
  const running = new Map<number, Promise<void>>();
  const topUpNow = async (settings: Settings, user: number): Promise<void> => {
    const { remaining, size } = await reserve.status(settings, user);
    if (size > 0 && remaining * 2 > size) return;
    const taken = await source.take(settings, user);
    const end = reserveEnd(taken, await local.position(user));
    if (end !== null) await local.raise(user, end);
    await reserve.add(settings, user, taken);
  };
  return {
    topUp(settings, user) {
      const current = running.get(user);
      if (current) return current;
      const work = topUpNow(settings, user)
        .catch((error: unknown) => onError?.(error))
        .finally(() => running.delete(user));
      running.set(user, work);
      return work;
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running.values()]);
    },
  };
}
