/**
 * The seam between the stamper and where numbers come from. The mailbox (standalone), a tracking
 * service (later) and the device's local counter each implement one of these.
 */
import type { Designator, Settings } from "../core";
import type { Activity } from "../storage/ports";
import type { ReserveSource } from "./offlineReserve";

export type IssuedNumber = {
  readonly designator: Designator;
  readonly counter: number;
  /** The counter passed its maximum and restarted. */
  readonly wrapped: boolean;
  /** Something the user should know about this number (it came from past the device's reserve). */
  readonly caution?: string;
};

export interface NumberAuthority {
  /**
   * Issues the next number for `user`. Resolves only after the number is committed, so it can
   * never be issued again, whatever happens to it afterwards.
   */
  issue(settings: Settings, user: number): Promise<IssuedNumber>;
}

/** An activity the authority refused for good (e.g. another record holds its token): reported, never sent again. */
export type RejectedActivity = { readonly token: string; readonly reason: string };

/** What a sync did besides storing: the activities it gave up on. */
export type SyncReport = { readonly rejected: readonly RejectedActivity[] };

/** Where the user number comes from when the authority assigns it (the tracking service). */
export interface AssignedUserNumber {
  /**
   * The number the authority gives this user now (asked once, then cached), and the settings its
   * tokens are written with: `settings` with the deployment's fields in place (docs/NUMBERING.md).
   * Rejects with DeploymentMismatchError only when the deployment is one this add-in cannot use.
   */
  current(settings: Settings): Promise<{ readonly user: number; readonly settings: Settings }>;
  /** The number it gave last, remembered on this device or in the mailbox; undefined if it never answered. */
  remembered(): Promise<number | undefined>;
}

/** An authority reached over the network or the mailbox: online numbering (designator 0). */
export interface OnlineAuthority extends NumberAuthority {
  readonly kind: "mailbox" | "service";
  /** Words for the user: "mailbox", "tracking service". */
  readonly label: string;
  /** Resolves when the authority answers now. */
  ping(): Promise<void>;
  /**
   * Tells the authority about activities it does not know yet (numbered offline, or online ones whose
   * recording failed). Idempotent: sending one twice does no harm. Resolves when each one is stored
   * or rejected for good (listed in the report); rejects when the rest must wait for a later sync.
   */
  syncOffline(activities: readonly Activity[]): Promise<SyncReport | void>;
  /** Present when the authority assigns user numbers; absent: the number comes from settings (standalone). */
  readonly userNumber?: AssignedUserNumber;
  /**
   * Present when online activities must be recorded with the authority too (the tracking service, so
   * colleagues can resolve them). Rejects when it did not work: the activity then waits for a sync.
   */
  record?(activity: Activity): Promise<void>;
  /** Hands this device offline numbers while it is online (docs/NUMBERING.md); absent: no reserves. */
  readonly reserves?: ReserveSource;
}
