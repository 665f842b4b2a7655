/**
 * The send decision (docs/DESIGN.md §8): whether the OnMessageSend handler stamps the draft. Pure: the
 * handler reads the settings and the subject, and says whether this runtime can number safely.
 * Whatever the decision, the message is sent; this only decides whether a token goes on it first.
 */
import { findTokens } from "./token";
import type { Settings } from "./types";

/** Whether some authority can issue a number in this runtime, and why not. */
export type NumberingAvailability = { readonly available: true } | { readonly available: false; readonly reason: string };

export type SendDecisionInput = {
  readonly settings: Settings;
  /** The draft's subject as it will be sent. */
  readonly subject: string;
  /** The outcome of the authority choice for this runtime. */
  readonly numbering: NumberingAvailability;
};

export type SendDecision =
  | { readonly action: "skip"; readonly reason: "setting-off" }
  /** Tracking tokens are off for this deployment (a setting, or the service's): nothing is stamped. */
  | { readonly action: "skip"; readonly reason: "tracking-off" }
  /** A token of ours (current prefix or history) is there: a reply keeps the token it answers. */
  | { readonly action: "skip"; readonly reason: "already-stamped"; readonly token: string }
  /** No authority can number here without risking a repeat: the message goes unstamped. */
  | { readonly action: "skip"; readonly reason: "no-numbering"; readonly detail: string }
  | { readonly action: "stamp" };

/** In this order: the setting, then the subject, then the authority. */
export function decideOnSend({ settings, subject, numbering }: SendDecisionInput): SendDecision {
  if (!settings.trackingEnabled) return { action: "skip", reason: "tracking-off" };
  if (!settings.autoStampOnSend) return { action: "skip", reason: "setting-off" };
  const ours = findTokens(subject, settings)[0];
  if (ours !== undefined) return { action: "skip", reason: "already-stamped", token: ours.text };
  if (!numbering.available) return { action: "skip", reason: "no-numbering", detail: numbering.reason };
  return { action: "stamp" };
}
