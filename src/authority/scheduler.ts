/** Timers, injected so tests run backoff and timeouts on fake time. */

export type Scheduler = {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

/** The environment's timers, looked up when called (jest fake timers replace them per test). */
export const systemScheduler: Scheduler = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Settles like `work`, or rejects with `onTimeout()` after `ms`. `work` itself is not cancelled. */
export function withTimeout<T>(work: Promise<T>, ms: number, scheduler: Scheduler, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const handle = scheduler.setTimeout(() => reject(onTimeout()), ms);
    work.then(
      (value) => {
        scheduler.clearTimeout(handle);
        resolve(value);
      },
      (error: unknown) => {
        scheduler.clearTimeout(handle);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
