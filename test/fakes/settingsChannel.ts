/**
 * The settings channel of one mailbox in memory (SettingsChannel): what one pane posts reaches every
 * other pane opened on the hub, never itself, as a BroadcastChannel does.
 */
import type { SettingsChannel } from "../../src/office/ports";

type Change = Readonly<Record<string, unknown>>;

export class FakeSettingsHub {
  private readonly members = new Set<{ listeners: Set<(change: Change) => void> }>();
  /** Every change posted, in order. */
  readonly posted: Change[] = [];

  /** A pane's end of the channel. */
  open(): SettingsChannel {
    const member = { listeners: new Set<(change: Change) => void>() };
    this.members.add(member);
    return {
      post: (change) => {
        const copy = structuredClone(change);
        this.posted.push(copy);
        for (const other of this.members) if (other !== member) for (const listener of [...other.listeners]) listener(structuredClone(copy));
      },
      subscribe(listener) {
        member.listeners.add(listener);
        return () => member.listeners.delete(listener);
      },
    };
  }
}
