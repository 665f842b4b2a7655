/**
 * An activity's life (docs/DESIGN.md §5): issued when a draft is stamped, sent when that draft goes out with
 * its token still in the subject. An issued number is never reissued, but only a sent activity
 * answers a reply or counts for smart matching. Pure: times are passed in.
 */
import { asciiLowerCase } from "./settings";
import { findTokens } from "./token";
import type { Settings } from "./types";

/** "issued": stamped on a draft not (yet) sent. "sent": finalized at send with the mail as it went. */
export type ActivityStatus = "issued" | "sent";

/** What the sent mail was: the subject, recipients and time as they went out. */
export type SentMail = {
  readonly subject: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  /** ms since epoch. */
  readonly sentAt: number;
};

/** The fields of an activity that its life changes. */
export type ActivityLifeFields = {
  readonly subject: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  /** Absent on records made before activities had a life: those were recorded as sent. */
  readonly status?: ActivityStatus;
  /** When it was sent, ms since epoch; absent while issued. */
  readonly sentAt?: number;
};

/** Whether the activity stands for a sent mail: only those answer replies and smart matching. */
export function answersMail(activity: Pick<ActivityLifeFields, "status">): boolean {
  return activity.status !== "issued";
}

/** The activity as sent: final subject, recipients and time; issued -> sent. */
export function finalizeActivity<A extends ActivityLifeFields>(activity: A, mail: SentMail): A {
  return { ...activity, subject: mail.subject, to: [...mail.to], cc: [...mail.cc], sentAt: mail.sentAt, status: "sent" };
}

/** True when finalizing with `mail` changes nothing (the same send reported twice). */
export function alreadyFinalized(activity: ActivityLifeFields, mail: SentMail): boolean {
  return (
    activity.status === "sent" &&
    activity.sentAt === mail.sentAt &&
    activity.subject === mail.subject &&
    sameList(activity.to, mail.to) &&
    sameList(activity.cc, mail.cc)
  );
}

/**
 * A draft being edited (the compose pane re-reads it): the issued activity takes the current
 * subject and recipients, so clients without a send event still leave a usable record. A sent
 * activity is what went out and is never changed this way.
 */
export function followDraft<A extends ActivityLifeFields>(activity: A, draft: Omit<SentMail, "sentAt">): A {
  if (activity.status === "sent" || activity.status === undefined) return activity;
  if (activity.subject === draft.subject && sameList(activity.to, draft.to) && sameList(activity.cc, draft.cc)) return activity;
  return { ...activity, subject: draft.subject, to: [...draft.to], cc: [...draft.cc] };
}

/** What the send handler does about this draft's own activity. */
export type FinalizeDecision =
  | { readonly action: "finalize"; readonly token: string }
  /** The draft was never stamped (on this device): nothing of ours to finalize. */
  | { readonly action: "skip"; readonly reason: "no-activity" }
  /** The draft's token was taken out of the subject by hand: the mail is not that activity, which stays issued. */
  | { readonly action: "skip"; readonly reason: "token-removed"; readonly token: string };

/**
 * Whether the mail being sent is the draft's activity: its token (any letter case) still stands in
 * the subject. A token the draft merely quotes (a reply keeps the one it answers) is someone else's
 * activity, already sent, and is left alone.
 */
export function decideFinalize(subject: string, draftToken: string | undefined, settings: Settings): FinalizeDecision {
  if (draftToken === undefined) return { action: "skip", reason: "no-activity" };
  const wanted = asciiLowerCase(draftToken);
  const present = findTokens(subject, settings).some((token) => asciiLowerCase(token.text) === wanted);
  return present ? { action: "finalize", token: draftToken } : { action: "skip", reason: "token-removed", token: draftToken };
}

/** Sent activities are kept this many days past activeDays: a late reply still finds its activity. */
export const SENT_RETENTION_MARGIN_DAYS = 30;
/** A draft stamped and not sent within this many days is taken as discarded. */
export const ISSUED_RETENTION_DAYS = 14;
const DAY_MS = 86_400_000;

/** Before these times (ms since epoch) the device's log may drop an activity (docs/DESIGN.md §4 needs only activeDays). */
export type PruneCutoffs = { readonly sentBefore: number; readonly issuedBefore: number };

export function pruneCutoffs(now: number, activeDays: number): PruneCutoffs {
  return { sentBefore: now - (activeDays + SENT_RETENTION_MARGIN_DAYS) * DAY_MS, issuedBefore: now - ISSUED_RETENTION_DAYS * DAY_MS };
}

/** Whether the log may drop `activity` now. An activity still waiting for a sync is never dropped. */
export function mayPrune(activity: ActivityLifeFields & { readonly stampedAt: number; readonly synced: boolean }, cutoffs: PruneCutoffs): boolean {
  if (!activity.synced) return false;
  if (activity.status === "issued") return activity.stampedAt < cutoffs.issuedBefore;
  return (activity.sentAt ?? activity.stampedAt) < cutoffs.sentBefore;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
