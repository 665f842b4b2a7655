/**
 * Roaming settings in memory, modelled on Outlook's: each pane (window) reads the mailbox's copy
 * once when it opens, and save() writes its whole copy back, overwriting what another window saved.
 */
import { RoamingSaveError } from "../../src/office/errors";
import type { RoamingStore } from "../../src/office/ports";

/** What the mailbox holds: shared by every FakeRoamingStore opened on it. */
export class FakeMailboxSettings {
  data: Record<string, unknown> = {};
  saves = 0;
  /** Opens a window: a store with its own copy, read now. */
  open(): FakeRoamingStore {
    return new FakeRoamingStore(this);
  }
}

/**
 * "ok": saves succeed; "offline": saves reject as Office does without network (9041);
 * "fail": saves reject with an internal error; "hang": saves never settle until release().
 */
export type FakeRoamingMode = "ok" | "offline" | "fail" | "hang";

export class FakeRoamingStore implements RoamingStore {
  private copy: Record<string, unknown>;
  mode: FakeRoamingMode = "ok";
  /** save() calls, successful or not. */
  saveCalls = 0;
  private readonly hanging: Array<() => void> = [];

  constructor(readonly mailbox: FakeMailboxSettings = new FakeMailboxSettings()) {
    this.copy = structuredClone(mailbox.data);
  }

  get(key: string): unknown {
    const value = this.copy[key];
    return value === undefined ? undefined : structuredClone(value);
  }

  set(key: string, value: unknown): void {
    this.copy[key] = structuredClone(value);
  }

  remove(key: string): void {
    delete this.copy[key];
  }

  async save(): Promise<void> {
    this.saveCalls++;
    switch (this.mode) {
      case "offline":
        throw new RoamingSaveError("The mailbox cannot be reached: the network is gone (error 9041). Settings were not saved.", "offline", 9041);
      case "fail":
        throw new RoamingSaveError("Outlook could not save the add-in's settings because of an internal error (error 9019).", "internal", 9019);
      case "hang":
        await new Promise<void>((resolve) => this.hanging.push(resolve));
        break;
      case "ok":
        break;
    }
    this.mailbox.data = structuredClone(this.copy);
    this.mailbox.saves++;
  }

  /** Lets every hanging save finish (successfully). */
  release(): void {
    for (const resolve of this.hanging.splice(0)) resolve();
  }

  /** Re-reads the mailbox's copy, as a pane does when it is reopened. */
  reload(): void {
    this.copy = structuredClone(this.mailbox.data);
  }

  /** The window's current copy (for assertions). */
  snapshot(): Record<string, unknown> {
    return structuredClone(this.copy);
  }
}
