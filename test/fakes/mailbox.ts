/** A mailbox in memory: select an item (or none) and the pane hears ItemChanged. */
import type { MailboxPort, MailItemPort } from "../../src/office/ports";

export class FakeMailbox implements MailboxPort {
  private item: MailItemPort | null;
  private readonly listeners = new Set<() => void>();

  constructor(
    item: MailItemPort | null = null,
    readonly userEmail = "me@example.com",
  ) {
    this.item = item;
  }

  currentItem(): MailItemPort | null {
    return this.item;
  }

  async onItemChanged(listener: () => void): Promise<() => void> {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Selects `item` (null: nothing selected) and fires ItemChanged, as a pinned pane sees it. */
  select(item: MailItemPort | null): void {
    this.item = item;
    for (const listener of [...this.listeners]) listener();
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
