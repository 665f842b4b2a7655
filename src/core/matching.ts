/**
 * What a received message answers (docs/DESIGN.md §5): by token first; without a token of ours, by smart
 * matching as Dynamics 365 does it (same subject once reply prefixes and tokens are gone, and at
 * least HashMinAddressCount = 2 addresses in common). Pure: the caller passes the activities in.
 */
import { answersMail } from "./activityLife";
import type { ActivityStatus } from "./activityLife";
import { DEFAULT_SETTINGS, asciiLowerCase } from "./settings";
import { stripTokens } from "./stamp";
import { normalizeSubject } from "./subject";
import { findTokens } from "./token";
import type { Designator, FoundToken, Settings } from "./types";

/** D365's HashMinAddressCount default: fewer shared addresses than this is not a smart match. */
export const MIN_SHARED_ADDRESSES = 2;

/** What matching needs of an activity; structurally a subset of storage's Activity. */
export type ActivityLike = {
  /** The full token as stamped, e.g. "CRM:00021003". */
  readonly token: string;
  readonly designator: Designator;
  readonly user: number;
  readonly counter: number;
  readonly subject: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly sender: string;
  /** When it was stamped, ms since epoch: the most recent wins a tie. */
  readonly stampedAt: number;
  /** Absent on records made before activities had a life (docs/AUTO-STAMP.md): those count as sent. */
  readonly status?: ActivityStatus;
  /** When the mail was sent (finalized), ms since epoch. */
  readonly sentAt?: number;
};

/** The parts of a received message that matching reads. */
export type MessageLike = {
  readonly subject: string;
  readonly from: string | null;
  readonly to: readonly string[];
  readonly cc: readonly string[];
};

/** A token of ours in the message that names a known activity. */
export type TokenMatch<A extends ActivityLike = ActivityLike> = {
  readonly method: "token";
  readonly token: FoundToken;
  readonly activity: A;
};

/** An activity proposed by smart matching: same subject, enough shared addresses. Labelled as such. */
export type SmartMatch<A extends ActivityLike = ActivityLike> = {
  readonly method: "smart match";
  readonly activity: A;
  /** The shared addresses, lower-cased, in the message's order (from, to, cc). */
  readonly sharedAddresses: readonly string[];
};

export type ActivityMatch<A extends ActivityLike = ActivityLike> = TokenMatch<A> | SmartMatch<A>;

/**
 * What the message answers. When the subject holds tokens of ours: one TokenMatch per token that
 * names a known activity, in subject order (smart matching is not tried: a token is the stronger
 * claim, and an unknown one is reported as such). Without a token of ours: at most one SmartMatch.
 * undefined when nothing matches.
 */
export function matchMessage<A extends ActivityLike>(
  message: MessageLike,
  activities: readonly A[],
  settings: Settings = DEFAULT_SETTINGS,
): readonly ActivityMatch<A>[] | undefined {
  const tokens = findTokens(message.subject, settings);
  if (tokens.length > 0) {
    const matches: TokenMatch<A>[] = [];
    for (const token of tokens) {
      const activity = activityForToken(token.text, activities);
      if (activity !== undefined) matches.push({ method: "token", token, activity });
    }
    return matches.length > 0 ? matches : undefined;
  }
  const smart = smartMatch(message, activities, settings);
  return smart === undefined ? undefined : [smart];
}

/**
 * The activity stamped with `token`, the most recent if the counter has wrapped onto it. A sent one
 * wins over a draft that was stamped and never sent; the latter is returned only when it is all
 * there is, so the caller can say so (it answers nothing).
 * Tokens compare without regard to ASCII case (the prefix is matched that way; digits are digits),
 * so "crm:00021003" names the activity stamped "CRM:00021003", whatever digit settings it had.
 */
export function activityForToken<A extends ActivityLike>(token: string, activities: readonly A[]): A | undefined {
  const key = asciiLowerCase(token);
  const holders = activities.filter((a) => asciiLowerCase(a.token) === key);
  return mostRecent(holders.filter(answersMail)) ?? mostRecent(holders);
}

/**
 * D365-style smart match: subjects equal after removing reply/forward prefixes and our tokens
 * (case-insensitive, whitespace collapsed), and at least MIN_SHARED_ADDRESSES addresses shared
 * between the message (from, to, cc) and the activity (sender, to, cc). Ties: most recent.
 */
export function smartMatch<A extends ActivityLike>(
  message: MessageLike,
  activities: readonly A[],
  settings: Settings = DEFAULT_SETTINGS,
): SmartMatch<A> | undefined {
  const subject = matchableSubject(message.subject, settings);
  // An empty subject would pair every blank mail between the same people.
  if (subject === "") return undefined;
  const messageAddresses = addressSet([message.from, ...message.to, ...message.cc]);
  let best: SmartMatch<A> | undefined;
  for (const activity of activities) {
    // A stamped draft that was never sent shared nothing with anyone.
    if (!answersMail(activity)) continue;
    if (matchableSubject(activity.subject, settings) !== subject) continue;
    const activityAddresses = addressSet([activity.sender, ...activity.to, ...activity.cc]);
    const shared = [...messageAddresses].filter((a) => activityAddresses.has(a));
    if (shared.length < MIN_SHARED_ADDRESSES) continue;
    if (best === undefined || activity.stampedAt > best.activity.stampedAt) {
      best = { method: "smart match", activity, sharedAddresses: shared };
    }
  }
  return best;
}

/** The subject as smart matching compares it. */
export function matchableSubject(subject: string, settings: Settings = DEFAULT_SETTINGS): string {
  // Strip first: our token sits at the end, and removing it may leave "RE:" alone at the start.
  return normalizeSubject(stripTokens(subject, settings)).toLowerCase();
}

/** Addresses compared without case; "Name <a@b.c>" counts as a@b.c; blanks are dropped. */
function addressSet(addresses: readonly (string | null | undefined)[]): Set<string> {
  const set = new Set<string>();
  for (const raw of addresses) {
    if (typeof raw !== "string") continue;
    const angle = /<([^<>]+)>\s*$/.exec(raw);
    const address = (angle?.[1] ?? raw).trim().toLowerCase();
    if (address !== "") set.add(address);
  }
  return set;
}

function mostRecent<A extends ActivityLike>(activities: readonly A[]): A | undefined {
  let best: A | undefined;
  for (const a of activities) if (best === undefined || a.stampedAt > best.stampedAt) best = a;
  return best;
}
