/**
 * Where numbers come from, as the panes and the send handler see it. The mailbox authority
 * (standalone), the tracking service (later) and the local offline counter all hide behind these.
 */
import type { Designator, Settings } from "../core/types";
import type { ComposeItemPort } from "../office/ports";

/** Whether the local (offline) counter can issue numbers on this device. */
export type LocalCounterState =
  | { readonly available: true }
  | { readonly available: false; readonly reason: string };

/** One state for the pane: which mode the next token will use, and why. */
export type Connectivity = (
  | { readonly status: "checking"; readonly pending: number }
  | { readonly status: "online"; readonly authority: "mailbox" | "service"; readonly pending: number }
  | {
      readonly status: "offline";
      /** Why, in words for the user: "The browser reports no network", "The mailbox did not answer within 1 s". */
      readonly reason: string;
      /** Offline activities waiting to reach the authority. */
      readonly pending: number;
      readonly localCounter: LocalCounterState;
    }
) & {
  /** Activities the authority refused for good during a sync (e.g. a conflict), in words for the user. */
  readonly syncProblem?: string;
};

export interface ConnectivityMonitor {
  current(): Connectivity;
  /** Calls `listener` on every change. Returns an unsubscribe. */
  subscribe(listener: (state: Connectivity) => void): () => void;
  /** Checks the authority now (e.g. the user pressed Retry). */
  recheck(): void;
  dispose(): void;
}

export type StampOutcome =
  | {
      readonly status: "stamped";
      readonly token: string;
      readonly designator: Designator;
      /** The subject as set on the item. */
      readonly subject: string;
      /** The user's text was shortened to keep the subject within 255 characters. */
      readonly shortened: boolean;
      /** The draft already had this token: no new number was used. */
      readonly reused: boolean;
      /** Set when the online authority was expected but the token fell back to offline numbering. */
      readonly fallbackReason?: string;
      /** Something the user should know although the stamp worked (e.g. the activity could not be recorded). */
      readonly warning?: string;
    }
  | {
      /** Nothing was issued: the user must act first. */
      readonly status: "blocked";
      readonly kind:
        /** Tracking tokens are off (a setting, or the service's): nothing is numbered. */
        | "tracking-off"
        | "no-user-number"
        /** Service mode: the tracking service never answered on this device or mailbox, so the user number is unknown. */
        | "no-service-user"
        /** Service mode: the service's deployment writes tokens differently from the user's settings. */
        | "settings-mismatch"
        | "exhausted"
        | "offline-unavailable"
        | "counter-corrupt"
        | "cannot-set-subject";
      readonly reason: string;
    }
  | {
      readonly status: "failed";
      readonly reason: string;
      /** A number issued but not written to the subject: it is used up, never reissued. */
      readonly burnedToken?: string;
    };

export type UnstampOutcome =
  | { readonly status: "removed"; readonly subject: string }
  | { readonly status: "failed"; readonly reason: string };

/** What finalizing a draft at send did (docs/DESIGN.md §5, §8). */
export type FinalizeOutcome =
  | {
      readonly status: "finalized";
      readonly token: string;
      /** "device": recorded here (standalone, or the service has it too). "queued": the service did not take it in time; the sync queue sends it. */
      readonly recorded: "device" | "service" | "queued";
    }
  /** Nothing of this draft's to finalize: never stamped here, or its token was taken out of the subject. */
  | { readonly status: "skipped"; readonly reason: "no-activity" | "token-removed" }
  | { readonly status: "failed"; readonly reason: string };

/** Stamping rules applied to a draft: issue (or reuse) a number, set the subject, record the activity. */
export interface Stamper {
  stamp(item: ComposeItemPort, settings: Settings): Promise<StampOutcome>;
  /** Removes our tokens from the subject. The draft keeps its number for a later stamp. */
  unstamp(item: ComposeItemPort, settings: Settings): Promise<UnstampOutcome>;
  /** The token this draft was given earlier, if any. */
  tokenForDraft(draftKey: string): Promise<string | undefined>;
  /** Why the authority refused this draft's token for good (another activity holds it); undefined when it did not. */
  draftConflict(draftKey: string): Promise<string | undefined>;
  /**
   * A draft whose token another activity holds gets a new number: the refused one is let go (never
   * issued again) and the new token replaces it in the subject. Otherwise the same as stamp.
   */
  restamp(item: ComposeItemPort, settings: Settings): Promise<StampOutcome>;
  /**
   * The draft is being sent: when its token still stands in the subject, its activity becomes the
   * sent mail (final subject, To, Cc, time), on this device and with the authority. Never rejects.
   */
  finalize(item: ComposeItemPort, settings: Settings): Promise<FinalizeOutcome>;
  /**
   * The draft as it stands now (the compose pane re-reads it): an issued activity takes its current
   * subject and recipients, for clients that run no send handler. Never rejects; a no-op otherwise.
   */
  follow(item: ComposeItemPort, settings: Settings): Promise<void>;
}
