/**
 * The seam between the stamper and where numbers come from. The mailbox (standalone), a tracking
 * service (later) and the device's local counter each implement one of these.
 */
import type { Designator, Settings } from "../core";
import type { Activity } from "../storage/ports";

export type IssuedNumber = {
  readonly designator: Designator;
  readonly counter: number;
  /** The counter passed its maximum and restarted. */
  readonly wrapped: boolean;
};

export interface NumberAuthority {
  /**
   * Issues the next number for `user`. Resolves only after the number is committed, so it can
   * never be issued again, whatever happens to it afterwards.
   */
  issue(settings: Settings, user: number): Promise<IssuedNumber>;
}

/** An authority reached over the network or the mailbox: online numbering (designator 0). */
export interface OnlineAuthority extends NumberAuthority {
  readonly kind: "mailbox" | "service";
  /** Words for the user: "mailbox", "tracking service". */
  readonly label: string;
  /** Resolves when the authority answers now. */
  ping(): Promise<void>;
  /** Tells the authority about activities numbered offline. Idempotent: sending one twice does no harm. */
  syncOffline(activities: readonly Activity[]): Promise<void>;
}
