/**
 * The OnMessageSend handler (docs/DESIGN.md §8): on every send, stamps a draft that has no token of ours
 * (auto-stamp on), then finalizes the draft's activity with the mail as it goes (docs/DESIGN.md §5), then lets it go.
 * Its one promise to Outlook: `event.completed({ allowEvent: true })`, exactly once, on every path,
 * within DEFAULT_SEND_DEADLINE_MS. It never holds a message back, whatever fails.
 */
import type { FinalizeOutcome, Stamper, StampOutcome } from "../authority/ports";
import { systemScheduler } from "../authority/scheduler";
import type { Scheduler } from "../authority/scheduler";
import { decideOnSend } from "../core";
import type { NumberingAvailability, SendDecision, Settings } from "../core";
import type { MailItemPort, SettingsPort } from "../office/ports";

/**
 * Past this, the message goes without a token. Outlook shows its "taking longer than expected"
 * dialog after 5 s; finishing well before keeps the user from ever seeing it.
 */
export const DEFAULT_SEND_DEADLINE_MS = 3000;

/** The event Outlook hands the handler (Office.MailboxEvent), as far as this handler uses it. */
export type SendEventLike = {
  completed(options: { allowEvent: boolean; errorMessage?: string }): void;
};

/** The authority the button uses, opened for one send. */
export type SendAuthority = {
  readonly stamper: Pick<Stamper, "stamp" | "finalize">;
  /** Resolves once the first connectivity check chose online or offline (bounded by its ping timeout). */
  ready(): Promise<void>;
  /** Stops the monitor's timers and listeners: the runtime ends with this event. */
  dispose(): void;
};

/** What the handler needs from the host. Built when an event arrives, never at import. */
export type SendHost = {
  readonly settings: Pick<SettingsPort, "load">;
  /** The item being sent; null when the host gives none. */
  currentItem(): MailItemPort | null;
  /** Whether this runtime can number without risking a repeat: decided without I/O. */
  numbering(settings: Settings): NumberingAvailability;
  /** The same choice of authority as the compose pane's button (standalone, or the service in settings). */
  openAuthority(settings: Settings): Promise<SendAuthority>;
};

/**
 * What happened, for the log and for tests. The message is sent on every one of these paths.
 * `finalized`: what became of the draft's activity (absent when the handler did not get that far).
 */
export type SendReport =
  | { readonly path: "skipped"; readonly decision: Exclude<SendDecision, { action: "stamp" }>; readonly finalized: FinalizeOutcome }
  | { readonly path: "stamped"; readonly outcome: Extract<StampOutcome, { status: "stamped" }>; readonly finalized: FinalizeOutcome }
  | { readonly path: "not-stamped"; readonly outcome: Exclude<StampOutcome, { status: "stamped" }>; readonly finalized: FinalizeOutcome }
  | { readonly path: "no-draft" }
  | { readonly path: "deadline"; readonly afterMs: number }
  | { readonly path: "error"; readonly error: string };

export type OnMessageSendOptions = {
  /** Builds the host's ports for one event; a throw here is an "error" report, not a held message. */
  readonly host: () => SendHost;
  /** @default DEFAULT_SEND_DEADLINE_MS */
  readonly deadlineMs?: number;
  readonly scheduler?: Scheduler;
  /** Where reports go. @default console.info, console.warn for errors */
  readonly log?: (report: SendReport) => void;
};

export type OnMessageSendHandler = (event: SendEventLike) => Promise<SendReport>;

export function createOnMessageSendHandler(options: OnMessageSendOptions): OnMessageSendHandler {
  const scheduler = options.scheduler ?? systemScheduler;
  const deadlineMs = options.deadlineMs ?? DEFAULT_SEND_DEADLINE_MS;
  const log = options.log ?? logToConsole;

  return (event) =>
    new Promise<SendReport>((resolve) => {
      const complete = completeOnce(event);
      let settled = false;
      const timer = scheduler.setTimeout(() => finish({ path: "deadline", afterMs: deadlineMs }), deadlineMs);
      function finish(report: SendReport): void {
        if (settled) return;
        settled = true;
        scheduler.clearTimeout(timer);
        complete();
        try {
          log(report);
        } catch {
          // A broken logger must not keep the promise pending.
        }
        resolve(report);
      }
      // Work that outlives the deadline still finishes (a number is never reused), but it no longer
      // decides anything: the message has gone.
      stampAndFinalize(options.host).then(finish, (error: unknown) => finish({ path: "error", error: describe(error) }));
    });
}

/**
 * `event.completed` made idempotent: the first call lets the message go, later ones do nothing.
 * Outlook's behaviour on a second call is undocumented, and a throw from it has nowhere to go.
 */
export function completeOnce(event: SendEventLike): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    try {
      event.completed({ allowEvent: true });
    } catch (error) {
      console.warn("Tracking Tokens: event.completed threw; Outlook applies the manifest's SendMode.", error);
    }
  };
}

async function stampAndFinalize(buildHost: () => SendHost): Promise<SendReport> {
  const host = buildHost();
  const item = host.currentItem();
  if (item === null || item.mode !== "compose") return { path: "no-draft" };
  const { settings } = host.settings.load();
  const subject = await item.getSubject();
  const decision = decideOnSend({ settings, subject, numbering: host.numbering(settings) });

  // Opened on every send, auto-stamp on or off: the draft's activity is finalized either way.
  const authority = await host.openAuthority(settings);
  try {
    if (decision.action === "skip") return { path: "skipped", decision, finalized: await authority.stamper.finalize(item, settings) };
    await authority.ready();
    const outcome = await authority.stamper.stamp(item, settings);
    // A stamp that did not work leaves nothing new to finalize, but an earlier stamp of this draft may be there.
    const finalized = await authority.stamper.finalize(item, settings);
    return outcome.status === "stamped" ? { path: "stamped", outcome, finalized } : { path: "not-stamped", outcome, finalized };
  } finally {
    authority.dispose();
  }
}

function logToConsole(report: SendReport): void {
  const unstamped = report.path === "error" || report.path === "deadline" || report.path === "not-stamped";
  if ("finalized" in report && report.finalized.status === "failed") console.warn("Tracking Tokens: the activity was not finalized:", report);
  if (unstamped || (report.path === "skipped" && report.decision.reason === "no-numbering")) console.warn("Tracking Tokens: sent without a new token:", report);
  else console.info("Tracking Tokens: send handler:", report);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
