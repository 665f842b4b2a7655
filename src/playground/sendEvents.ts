/**
 * OnMessageSend in the playground, as Outlook runs it: on Send, a fresh hidden runtime loads the
 * handler page (playground/commands.html, the real commands bundle over the fake Office), gets the
 * event, and the message goes once the handler calls event.completed. Like the manifest's
 * SendMode="PromptUser", a handler that is missing or slow never keeps the message: after
 * SEND_ANYWAY_AFTER_MS the playground does what a user does in Outlook's dialog, Send Anyway.
 */
import { LAUNCH_EVENT_KEY } from "./fakeOffice/hostBridge";
import { compareVersions } from "../core/versions";
import type { MailboxModel } from "./model/mailboxModel";
import type { SendHandler } from "./model/mailStore";

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

type LaunchEvent = (functionName: string, event: { type: string; completed: (options?: { allowEvent?: boolean; errorMessage?: string }) => void }) => boolean;
type Verdict = Awaited<ReturnType<SendHandler>>;

declare global {
  interface Window {
    /** Every OnMessageSend the playground dispatched, oldest first (for browser tests). */
    __playgroundSendEvents?: SendEventRun[];
  }
}

/** Makes Send in this playground run the add-in's OnMessageSend handler first. */
export function installSendEvents(win: Window, model: MailboxModel): void {
  const runs: SendEventRun[] = [];
  win.__playgroundSendEvents = runs;
  model.mail.setSendHandler(async (draft) => {
    const started = win.performance.now();
    const record = (result: SendEventRun["result"], verdict: Verdict, completedCalls: number): Verdict => {
      runs.push({ draftId: draft.id, result, allowEvent: verdict.allowEvent, completedCalls, durationMs: Math.round(win.performance.now() - started) });
      return verdict;
    };
    if (compareVersions(model.simulator.getState().options.mailboxVersion, SEND_EVENT_MIN_MAILBOX) < 0) return record("no-event", { allowEvent: true }, 0);
    const { verdict, completedCalls, timedOut } = await runHandler(win);
    return record(timedOut ? "send-anyway" : "completed", verdict, completedCalls);
  });
}

/** Loads the handler page in a hidden iframe (a fresh runtime per send), dispatches, waits. */
async function runHandler(win: Window): Promise<{ verdict: Verdict; completedCalls: number; timedOut: boolean }> {
  const frame = win.document.createElement("iframe");
  frame.hidden = true;
  frame.title = "Tracking Tokens send handler";
  frame.dataset.surface = "commands";
  frame.src = "/playground/commands.html";
  let completedCalls = 0;
  let timer: number | undefined;
  let stopped = false;
  try {
    const answered = new Promise<Verdict>((resolve) => {
      const completed = (options?: { allowEvent?: boolean; errorMessage?: string }): void => {
        completedCalls += 1;
        if (completedCalls > 1) return;
        resolve(options?.allowEvent === false ? { allowEvent: false, errorMessage: options.errorMessage ?? "The add-in stopped this message." } : { allowEvent: true });
      };
      // Outlook dispatches once the runtime has loaded the page and the handler is associated.
      const tryDispatch = (): void => {
        if (stopped) return;
        const runtime = frame.contentWindow as (Window & { [LAUNCH_EVENT_KEY]?: LaunchEvent; Office?: { context?: unknown } }) | null;
        const ready = runtime?.Office?.context !== undefined;
        if (ready && runtime?.[LAUNCH_EVENT_KEY]?.(ON_MESSAGE_SEND_FUNCTION, { type: "olkBeforeMessageSend", completed })) return;
        win.setTimeout(tryDispatch, 10);
      };
      frame.addEventListener("load", tryDispatch, { once: true });
    });
    const sendAnyway = new Promise<"timeout">((resolve) => {
      timer = win.setTimeout(() => resolve("timeout"), SEND_ANYWAY_AFTER_MS);
    });
    win.document.body.append(frame);
    const outcome = await Promise.race([answered, sendAnyway]);
    return outcome === "timeout" ? { verdict: { allowEvent: true }, completedCalls, timedOut: true } : { verdict: outcome, completedCalls, timedOut: false };
  } finally {
    stopped = true;
    win.clearTimeout(timer);
    // The runtime ends with the event, as Outlook's does.
    frame.remove();
  }
}
