/** Per-user counter positions kept in roaming settings: { "<user>": { cycle, last } } under one key. */
import type { RoamingStore } from "../office/ports";
import { CounterCorruptError } from "../storage/errors";
import { later, positionFromStored, positionToStored } from "./position";
import type { CounterPosition } from "./position";

/** The online counter: the mailbox is its authority. */
export const ROAMING_ONLINE_KEY = "counter:online";
/** Highest offline position known to the mailbox, so losing local storage cannot repeat offline numbers. */
export const ROAMING_OFFLINE_HWM_KEY = "counter:offline-hwm";

const WHERE = "the mailbox's roaming settings";

/** The stored position of `user`; null when none. Throws CounterCorruptError on a bad value. */
export function readRoamingPosition(roaming: RoamingStore, key: string, user: number): CounterPosition | null {
  const all = roaming.get(key);
  if (all === undefined || all === null) return null;
  if (typeof all !== "object" || Array.isArray(all)) throw new CounterCorruptError(key, all, WHERE);
  const stored = (all as Record<string, unknown>)[String(user)];
  if (stored === undefined) return null;
  const position = positionFromStored(stored);
  if (position === undefined) throw new CounterCorruptError(`${key} (user ${user})`, stored, WHERE);
  return position;
}

/** Sets `user`'s position in memory (the caller saves), never lowering it. Returns whether it changed. */
export function raiseRoamingPosition(roaming: RoamingStore, key: string, user: number, position: CounterPosition | null): boolean {
  if (position === null) return false;
  const current = readRoamingPosition(roaming, key, user);
  const target = later(current, position);
  if (target === current) return false;
  const all = roaming.get(key);
  const others = typeof all === "object" && all !== null ? (all as Record<string, unknown>) : {};
  roaming.set(key, { ...others, [String(user)]: positionToStored(target ?? position) });
  return true;
}
