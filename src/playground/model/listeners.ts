/** A set of listeners for one kind of change: each part of the playground's mailbox keeps one. */
export type Listeners<T> = {
  /** Adds a listener; returns its removal. */
  add(listener: (change: T) => void): () => void;
  notify(change: T): void;
};

/**
 * `isolate`: a listener that throws is reported there and the others still hear the change (the
 * panes' listeners live in iframes that may be gone); without it an error goes to the caller.
 */
export function createListeners<T>(isolate?: (error: unknown) => void): Listeners<T> {
  const listeners = new Set<(change: T) => void>();
  return {
    add(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    notify(change) {
      for (const listener of [...listeners]) {
        if (!isolate) {
          listener(change);
          continue;
        }
        try {
          listener(change);
        } catch (error) {
          isolate(error);
        }
      }
    },
  };
}
