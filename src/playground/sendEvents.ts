/**
 * OnMessageSend in the playground, as Outlook on the web runs it: on Send, a fresh hidden runtime
 * loads the handler page (commands.html, the real commands bundle on Microsoft's office.js), the
 * host dispatches the event once office.js registered for app commands (outlookHost/), and the
 * message goes once the handler calls event.completed. Like the manifest's
 * SendMode="PromptUser", a handler that is missing or slow never keeps the message: after
 * SEND_ANYWAY_AFTER_MS the playground does what a user does in Outlook's dialog, Send Anyway.
 */
import { compareVersions } from "../core/versions";
import type { MailboxModel } from "./model/mailboxModel";
import type { SendHandler } from "./model/mailStore";
import { frameName, paneSource } from "./outlookHost/officeLibrary";
import type { OutlookWebHost } from "./outlookHost/outlookWebHost";

/** The LaunchEvent's FunctionName in manifest.xml. */
export const ON_MESSAGE_SEND_FUNCTION = "onMessageSendHandler";
/** Outlook offers Send Anyway (PromptUser) once a send handler runs past 5 s. */
export const SEND_ANYWAY_AFTER_MS = 5000;
/** The manifest's VersionOverrides 1.1, which declares the LaunchEvent, needs Mailbox 1.12. */
export const SEND_EVENT_MIN_MAILBOX = "1.12";

export type SendEventRun = {
  readonly draftId: string;
  /** "completed": the handler answered; "send-anyway": it did not within the limit; "no-event": the host is below Mailbox 1.12. */
  readonly result: "completed" | "send-anyway" | "no-event";
  readonly allowEvent: boolean;
  /** How often the handler called event.completed (Outlook acts on the first). */
  readonly completedCalls: number;
  readonly durationMs: number;
};

/** The event type of OnMessageSend (Office.EventType.ItemSend's launch event on the web). */
const ON_MESSAGE_SEND_EVENT = "olkBeforeMessageSend";
type Verdict = Awaited<ReturnType<SendHandler>>;

declare global {
  interface Window {
    /** Every OnMessageSend the playground dispatched, oldest first (for browser tests). */
    __playgroundSendEvents?: SendEventRun[];
  }
}

/** Makes Send in this playground run the add-in's OnMessageSend handler first. */
export function installSendEvents(win: Window, model: MailboxModel, host: OutlookWebHost): void {
  const runs: SendEventRun[] = [];
  win.__playgroundSendEvents = runs;
  model.mail.setSendHandler(async (draft) => {
    const started = win.performance.now();
    const record = (result: SendEventRun["result"], verdict: Verdict, completedCalls: number): Verdict => {
      runs.push({ draftId: draft.id, result, allowEvent: verdict.allowEvent, completedCalls, durationMs: Math.round(win.performance.now() - started) });
      return verdict;
    };
    if (compareVersions(model.simulator.getState().options.mailboxVersion, SEND_EVENT_MIN_MAILBOX) < 0) return record("no-event", { allowEvent: true }, 0);
    const { verdict, completedCalls, timedOut } = await runHandler(win, host, model.simulator.getState().options.displayLanguage);
    return record(timedOut ? "send-anyway" : "completed", verdict, completedCalls);
  });
}

/** Loads the handler page in a hidden iframe (a fresh runtime per send), dispatches, waits. */
async function runHandler(win: Window, host: OutlookWebHost, displayLanguage: string): Promise<{ verdict: Verdict; completedCalls: number; timedOut: boolean }> {
  const frame = win.document.createElement("iframe");
  frame.hidden = true;
  frame.title = "Tracking Tokens send handler";
  frame.dataset.surface = "commands";
  frame.name = frameName("commands");
  frame.src = paneSource("commands", win.location, displayLanguage);
  let completedCalls = 0;
  let timer: number | undefined;
  let launch: { cancel(): void } | undefined;
  try {
    const answered = new Promise<Verdict | "failed">((resolve) => {
      // Outlook dispatches once the runtime has loaded the page and office.js registered for the event.
      launch = host.launchEvent(ON_MESSAGE_SEND_FUNCTION, ON_MESSAGE_SEND_EVENT, ({ status, completedContext }) => {
        completedCalls += 1;
        if (completedCalls > 1) return;
        // Not 0: office.js found no associated function (ooeInvalidCallback): Outlook then applies SendMode.
        if (status !== 0) return resolve("failed");
        resolve(completedContext?.allowEvent === false ? { allowEvent: false, errorMessage: completedContext.errorMessage ?? "The add-in stopped this message." } : { allowEvent: true });
      });
    });
    const sendAnyway = new Promise<"timeout">((resolve) => {
      timer = win.setTimeout(() => resolve("timeout"), SEND_ANYWAY_AFTER_MS);
    });
    win.document.body.append(frame);
    const outcome = await Promise.race([answered, sendAnyway]);
    if (outcome === "timeout" || outcome === "failed") return { verdict: { allowEvent: true }, completedCalls, timedOut: true };
    return { verdict: outcome, completedCalls, timedOut: false };
  } finally {
    launch?.cancel();
    win.clearTimeout(timer);
    // The runtime ends with the event, as Outlook's does.
    frame.remove();
  }
}
