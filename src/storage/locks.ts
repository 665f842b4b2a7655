/** The Web Locks API as this folder uses it: an exclusive lock held while an async task runs. */

/** navigator.locks, narrowed; a test can pass an in-process implementation with the same semantics. */
export type LockManagerLike = {
  request<T>(name: string, options: { mode: "exclusive" }, callback: (lock: unknown) => Promise<T>): Promise<T>;
};

/** navigator.locks when this environment has it; read at call time, never at import. */
export function environmentLocks(): LockManagerLike | undefined {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks && typeof nav.locks.request === "function" ? nav.locks : undefined;
}
