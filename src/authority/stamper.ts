/**
 * The stamping rules (docs/DESIGN.md §2-4) over any pair of authorities: online when the monitor says so,
 * else (or when online fails) the device's offline counter. A number is committed before it is
 * used and never reissued; a draft keeps its one number.
 */
import { applyToken, decideFinalize, finalizeActivity, findTokens, followDraft, formatToken, stripTokens, tokenUserNumber } from "../core";
import type { Settings } from "../core";
import type { ComposeItemPort, Recipients } from "../office/ports";
import { CounterCorruptError } from "../storage/errors";
import type { Activity, ActivityLog } from "../storage/ports";
import { AuthorityTimeoutError, CounterExhaustedError } from "./errors";
import type { IssuedNumber, NumberAuthority, OnlineAuthority } from "./numberAuthority";
import type { StandaloneConnectivityMonitor } from "./connectivityMonitor";
import type { FinalizeOutcome, Stamper, StampOutcome, UnstampOutcome } from "./ports";
import { systemScheduler, withTimeout } from "./scheduler";
import type { Scheduler } from "./scheduler";
import { DeploymentMismatchError, TrackingOffError } from "./service/errors";

/** The offline counter, or why this device has none. */
export type LocalNumbering = { readonly available: true; readonly authority: NumberAuthority } | { readonly available: false; readonly reason: string };

export type StamperOptions = {
  /** With `userNumber`, the user number comes from the authority; with `record`, online activities are recorded with it. */
  readonly online: Pick<OnlineAuthority, "issue" | "label" | "userNumber" | "record">;
  readonly local: LocalNumbering;
  /** Says whether to try online first; told when an online request fails, so the badge turns Offline with the stamp. */
  readonly monitor: Pick<StandaloneConnectivityMonitor, "current" | "reportOnlineFailure">;
  readonly activityLog: ActivityLog;
  /** The sender recorded with each activity. */
  readonly userEmail: string;
  readonly now: () => number;
  /** How long an online issue may take before the token falls back to offline; at most 1000. @default 800 */
  readonly onlineTimeoutMs?: number;
  readonly scheduler?: Scheduler;
  /** Called after an activity is recorded (the monitor re-counts pending ones). */
  readonly onActivityRecorded?: () => void;
  /** Called when an online activity could not be recorded with the authority: it waits for a sync. */
  readonly onRecordFailed?: () => void;
};

export function createStamper(options: StamperOptions): Stamper {
  const { online, local, monitor, activityLog, userEmail, now } = options;
  const scheduler = options.scheduler ?? systemScheduler;
  const onlineTimeoutMs = Math.min(options.onlineTimeoutMs ?? 800, 1000);
  // A double click must not give one draft two numbers: stamps of the same draft take turns.
  const draftTurns = new Map<string, Promise<unknown>>();

  const inTurn = <T>(draftKey: string, work: () => Promise<T>): Promise<T> => {
    const run = (draftTurns.get(draftKey) ?? Promise.resolve()).then(work);
    const tail = run.catch(() => undefined);
    draftTurns.set(draftKey, tail);
    void tail.then(() => {
      if (draftTurns.get(draftKey) === tail) draftTurns.delete(draftKey);
    });
    return run;
  };

  async function stamp(item: ComposeItemPort, settings: Settings): Promise<StampOutcome> {
    if (!item.canSetSubject) {
      return {
        status: "blocked",
        kind: "cannot-set-subject",
        reason: "This version of Outlook does not let add-ins change the subject. Use Outlook on the web or a current Outlook for Windows or Mac.",
      };
    }
    if (!settings.trackingEnabled) {
      return { status: "blocked", kind: "tracking-off", reason: "Tracking tokens are turned off in Settings, so no token is added. Tokens in received mail are still explained." };
    }
    let subject: string;
    try {
      subject = await item.getSubject();
    } catch (error) {
      return { status: "failed", reason: `Outlook did not give the current subject (${message(error)}). No number was used; try again.` };
    }

    const existing = await activityLog.byDraft(item.draftKey);
    if (existing) return reuse(item, settings, subject, existing);

    const assigned = await userNumberFor(settings);
    if ("status" in assigned) return assigned;
    const { user } = assigned;
    // The service's deployment may have arrived with this very answer: its tokens are written its way.
    const numbering = assigned.settings ?? settings;

    const issued = await issue(numbering, user, assigned.onlineProblem);
    if ("status" in issued) return issued;
    const { number, fallbackReason } = issued;

    const token = formatToken({ designator: number.designator, user, counter: number.counter }, numbering);
    let stamped;
    try {
      stamped = applyToken(subject, token, numbering);
      await item.setSubject(stamped.subject);
    } catch (error) {
      return {
        status: "failed",
        reason: `Outlook did not accept the new subject (${message(error)}). Number ${token} is used up and will not be issued again; Try again issues a new one.`,
        burnedToken: token,
      };
    }

    const recipients = await item.getRecipients().catch((): Recipients => ({ to: [], cc: [] }));
    const activity: Activity = {
      token,
      designator: number.designator,
      user,
      counter: number.counter,
      subject: stamped.subject,
      to: recipients.to,
      cc: recipients.cc,
      sender: userEmail,
      stampedAt: now(),
      draftKey: item.draftKey,
      // Sent only when the send handler finalizes it (docs/DESIGN.md §5).
      status: "issued",
      // An online number is known to the mailbox as it is issued; the service learns of it by record().
      synced: number.designator === 0 && online.record === undefined,
    };
    let warning: string | undefined = number.caution;
    try {
      await activityLog.put(activity);
    } catch (error) {
      warning = `${number.caution !== undefined ? `${number.caution} ` : ""}The token is in the subject, but this device could not record it (${message(error)}): stamping this draft again would use a new number.`;
    }
    if (number.designator === 0 && online.record !== undefined) {
      try {
        // Colleagues resolve the token through the service, so tell it now; if it does not take it
        // in time the activity stays unsynced and the sync queue sends it (a repeat is a duplicate, harmless).
        await withTimeout(online.record(activity), onlineTimeoutMs, scheduler, () => new AuthorityTimeoutError(online.label, onlineTimeoutMs));
      } catch {
        options.onRecordFailed?.();
      }
    }
    options.onActivityRecorded?.();
    return {
      status: "stamped",
      token,
      designator: number.designator,
      subject: stamped.subject,
      shortened: stamped.shortened,
      reused: false,
      ...(fallbackReason !== undefined ? { fallbackReason } : {}),
      ...(warning !== undefined ? { warning } : {}),
    };
  }

  /** The draft already has a number: put it back in the subject if it is gone, never issue another. */
  async function reuse(item: ComposeItemPort, settings: Settings, subject: string, existing: Activity): Promise<StampOutcome> {
    try {
      const stamped = applyToken(subject, existing.token, settings);
      if (stamped.subject !== subject) await item.setSubject(stamped.subject);
      return { status: "stamped", token: existing.token, designator: existing.designator, subject: stamped.subject, shortened: stamped.shortened, reused: true };
    } catch (error) {
      return { status: "failed", reason: `Outlook did not accept the subject (${message(error)}). This draft keeps its token ${existing.token}; try again.` };
    }
  }

  /**
   * Tells the monitor at once, before the offline number is even issued: the next stamp goes
   * straight offline, and the badge says so without another ping and its timeout. Returns the
   * problem in words, for the fallback reason.
   */
  function onlineFailed(error: unknown): string {
    const problem = message(error);
    monitor.reportOnlineFailure(problem);
    return problem;
  }

  /**
   * The user number: from settings (standalone), or from the authority that assigns it, or offline
   * the one it gave last. `onlineProblem`: the authority did not answer, so numbering goes offline.
   */
  async function userNumberFor(settings: Settings): Promise<{ user: number; settings?: Settings; onlineProblem?: string } | StampOutcome> {
    const assigned = online.userNumber;
    if (assigned === undefined) {
      const user = tokenUserNumber(settings);
      if (user !== undefined) return { user };
      return {
        status: "blocked",
        kind: "no-user-number",
        reason: "Set your user number in Settings first. Your admin gives each person in the deployment their own number.",
      };
    }
    let onlineProblem: string | undefined;
    if (monitor.current().status !== "offline") {
      try {
        return await withTimeout(assigned.current(settings), onlineTimeoutMs, scheduler, () => new AuthorityTimeoutError(online.label, onlineTimeoutMs));
      } catch (error) {
        if (error instanceof DeploymentMismatchError) return { status: "blocked", kind: "settings-mismatch", reason: error.message };
        if (error instanceof TrackingOffError) return { status: "blocked", kind: "tracking-off", reason: error.message };
        onlineProblem = onlineFailed(error);
      }
    }
    const remembered = await assigned.remembered().catch(() => undefined);
    if (remembered === undefined) {
      return {
        status: "blocked",
        kind: "no-service-user",
        reason: `${onlineProblem !== undefined ? `${onlineProblem} ` : ""}Connect once to the ${online.label} to get your user number: until it has given you one, no token can be numbered, not even offline.`,
      };
    }
    return onlineProblem === undefined ? { user: remembered } : { user: remembered, onlineProblem };
  }

  /**
   * Online if the monitor says so (or is still checking), else offline; online trouble falls back to
   * offline. `knownProblem`: the online authority already failed for this stamp, so it is not asked again.
   */
  async function issue(settings: Settings, user: number, knownProblem?: string): Promise<{ number: IssuedNumber; fallbackReason?: string } | StampOutcome> {
    let onlineProblem: string | undefined = knownProblem;
    if (onlineProblem === undefined && monitor.current().status !== "offline") {
      try {
        const number = await withTimeout(online.issue(settings, user), onlineTimeoutMs, scheduler, () => new AuthorityTimeoutError(online.label, onlineTimeoutMs));
        return { number };
      } catch (error) {
        if (error instanceof CounterExhaustedError) return exhausted(error);
        // The number (if one was allocated) is burned; offline numbering would not fix the settings.
        if (error instanceof DeploymentMismatchError) return { status: "blocked", kind: "settings-mismatch", reason: error.message };
        onlineProblem = onlineFailed(error);
      }
    }
    if (!local.available) {
      const prefix = onlineProblem !== undefined ? `${onlineProblem} ` : "";
      return { status: "blocked", kind: "offline-unavailable", reason: `${prefix}No token can be numbered offline: ${local.reason}` };
    }
    try {
      const number = await local.authority.issue(settings, user);
      return onlineProblem !== undefined ? { number, fallbackReason: `${onlineProblem} This token was numbered offline.` } : { number };
    } catch (error) {
      if (error instanceof CounterExhaustedError) return exhausted(error);
      if (error instanceof CounterCorruptError) return { status: "blocked", kind: "counter-corrupt", reason: error.message };
      return { status: "blocked", kind: "offline-unavailable", reason: `The offline counter could not issue a number: ${message(error)}` };
    }
  }

  async function unstamp(item: ComposeItemPort, settings: Settings): Promise<UnstampOutcome> {
    if (!item.canSetSubject) return { status: "failed", reason: "This version of Outlook does not let add-ins change the subject." };
    try {
      const subject = await item.getSubject();
      // Nothing of ours there: leave the user's text exactly as it is.
      if (findTokens(subject, settings).length === 0) return { status: "removed", subject };
      const stripped = stripTokens(subject, settings);
      await item.setSubject(stripped);
      return { status: "removed", subject: stripped };
    } catch (error) {
      return { status: "failed", reason: `Outlook did not accept the subject (${message(error)}).` };
    }
  }

  async function finalize(item: ComposeItemPort, settings: Settings): Promise<FinalizeOutcome> {
    const subject = await item.getSubject();
    const byDraft = await activityLog.byDraft(item.draftKey);
    const decision = decideFinalize(subject, byDraft?.token, settings);
    // The send handler sees the draft through another item object than the pane that stamped it, so
    // an unsaved draft's key differs there (draftKeyFor): then the draft's activity is the issued one
    // of ours whose token stands in the subject (a quoted token of a sent mail is never issued).
    const existing = decision.action === "finalize" ? byDraft : await issuedInSubject(subject, settings);
    if (existing === undefined) return { status: "skipped", reason: byDraft === undefined ? "no-activity" : "token-removed" };
    const recipients = await item.getRecipients().catch((): Recipients => ({ to: existing.to, cc: existing.cc }));
    const withService = online.record !== undefined;
    // With a service the finalization is owed to it until it answers: the activity queues again.
    const final: Activity = { ...finalizeActivity(existing, { subject, to: recipients.to, cc: recipients.cc, sentAt: now() }), synced: withService ? false : existing.synced };
    await activityLog.put(final);
    options.onActivityRecorded?.();
    if (online.record === undefined) return { status: "finalized", token: final.token, recorded: "device" };
    try {
      await withTimeout(online.record(final), onlineTimeoutMs, scheduler, () => new AuthorityTimeoutError(online.label, onlineTimeoutMs));
      return { status: "finalized", token: final.token, recorded: "service" };
    } catch {
      options.onRecordFailed?.();
      return { status: "finalized", token: final.token, recorded: "queued" };
    }
  }

  /** The last token of ours in `subject` whose activity on this device is still issued and this user's. */
  async function issuedInSubject(subject: string, settings: Settings): Promise<Activity | undefined> {
    for (const token of [...findTokens(subject, settings)].reverse()) {
      const activity = await activityLog.get(token.text);
      if (activity !== undefined && activity.status === "issued" && activity.sender.toLowerCase() === userEmail.toLowerCase()) return activity;
    }
    return undefined;
  }

  async function follow(item: ComposeItemPort, settings: Settings): Promise<void> {
    const existing = await activityLog.byDraft(item.draftKey);
    if (existing === undefined) return;
    const subject = await item.getSubject();
    // A token taken out by hand: the draft is no longer that activity; the record keeps what it had.
    if (decideFinalize(subject, existing.token, settings).action !== "finalize") return;
    const recipients = await item.getRecipients();
    const followed = followDraft(existing, { subject, to: recipients.to, cc: recipients.cc });
    if (followed !== existing) await activityLog.put(followed);
  }

  return {
    // Outcomes, not exceptions: an unexpected failure (e.g. the activity log cannot be read) is a
    // "failed" outcome. Numbers are only issued past the last step that could throw here.
    stamp: (item, settings) =>
      inTurn(item.draftKey, () => stamp(item, settings)).catch((error: unknown): StampOutcome => ({
        status: "failed",
        reason: `Stamping did not work: ${message(error)}`,
      })),
    unstamp: (item, settings) => inTurn(item.draftKey, () => unstamp(item, settings)),
    tokenForDraft: async (draftKey) => (await activityLog.byDraft(draftKey))?.token,
    draftConflict: async (draftKey) => {
      const existing = await activityLog.byDraft(draftKey);
      return existing !== undefined && existing.status !== "sent" ? existing.conflict : undefined;
    },
    restamp: (item, settings) =>
      inTurn(item.draftKey, async () => {
        const existing = await activityLog.byDraft(item.draftKey);
        if (existing?.conflict !== undefined && existing.status !== "sent") {
          // The refused activity keeps its record (its number stays used) but no longer belongs to this draft.
          await activityLog.put({ ...existing, draftKey: `${existing.draftKey}#refused` });
        }
        return stamp(item, settings);
      }).catch((error: unknown): StampOutcome => ({ status: "failed", reason: message(error) })),
    finalize: (item, settings) =>
      inTurn(item.draftKey, () => finalize(item, settings)).catch((error: unknown): FinalizeOutcome => ({ status: "failed", reason: message(error) })),
    follow: (item, settings) => inTurn(item.draftKey, () => follow(item, settings)).catch(() => undefined),
  };
}

function exhausted(error: CounterExhaustedError): StampOutcome {
  return { status: "blocked", kind: "exhausted", reason: error.message };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
