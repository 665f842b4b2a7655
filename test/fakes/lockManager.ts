/**
 * An in-process Web Locks manager with navigator.locks' exclusive semantics: per name, callbacks
 * run one at a time in request order; the lock is held until the callback's promise settles.
 */
import type { LockManagerLike } from "../../src/storage/locks";

export class FakeLockManager implements LockManagerLike {
  private readonly tails = new Map<string, Promise<unknown>>();
  /** Names currently held (to assert exclusivity). */
  readonly held = new Set<string>();
  maxConcurrentPerName = 0;
  private readonly holders = new Map<string, number>();

  request<T>(name: string, _options: { mode: "exclusive" }, callback: (lock: unknown) => Promise<T>): Promise<T> {
    const previous = this.tails.get(name) ?? Promise.resolve();
    const run = previous.then(async () => {
      const count = (this.holders.get(name) ?? 0) + 1;
      this.holders.set(name, count);
      this.maxConcurrentPerName = Math.max(this.maxConcurrentPerName, count);
      this.held.add(name);
      try {
        return await callback({ name, mode: "exclusive" });
      } finally {
        this.holders.set(name, (this.holders.get(name) ?? 1) - 1);
        if (this.holders.get(name) === 0) this.held.delete(name);
      }
    });
    this.tails.set(name, run.catch(() => undefined));
    return run;
  }
}
