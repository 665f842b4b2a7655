/** When offline reserve numbers expire (docs/NUMBERING.md "Offline reserves"). */

const DAY_MS = 86_400_000;

/**
 * Whether numbers a device received at `receivedAt` (ms since epoch) are too old to stamp with at `now`.
 * The authority keeps a reserve's numbers out of other reserves only for activeDays after it handed
 * them out, so from then on they may come round again: the device must drop them.
 * A `receivedAt` after `now` (the clock was set back) is not taken as old.
 */
export function reserveExpired(receivedAt: number, now: number, activeDays: number): boolean {
  return now - receivedAt >= activeDays * DAY_MS;
}
