/** A ConnectivityMonitor the test drives: set() changes the state and notifies subscribers. */
import type { Connectivity, ConnectivityMonitor } from "../../src/authority/ports";

export class FakeConnectivityMonitor implements ConnectivityMonitor {
  private state: Connectivity;
  private readonly listeners = new Set<(state: Connectivity) => void>();
  rechecks = 0;
  /** What the stamper reported with reportOnlineFailure; the state stays as the test set it. */
  readonly onlineFailures: string[] = [];
  disposed = false;

  constructor(initial: Connectivity = { status: "online", authority: "mailbox", pending: 0 }) {
    this.state = initial;
  }

  current(): Connectivity {
    return this.state;
  }

  subscribe(listener: (state: Connectivity) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  recheck(): void {
    this.rechecks++;
  }

  reportOnlineFailure(reason: string): void {
    this.onlineFailures.push(reason);
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }

  set(state: Connectivity): void {
    this.state = state;
    for (const listener of [...this.listeners]) listener(state);
  }

  goOnline(pending = 0): void {
    this.set({ status: "online", authority: "mailbox", pending });
  }

  goOffline(reason = "The browser reports no network.", pending = 0): void {
    this.set({ status: "offline", reason, pending, localCounter: { available: true } });
  }
}
