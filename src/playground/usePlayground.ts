/** The playground page's state and behaviour: the mailbox model plus what only the UI needs. */
import { numberingMode, STANDALONE } from "../core";
import { useCallback, useState, useSyncExternalStore } from "react";
import type { MailboxModel, MailboxState } from "./model/mailboxModel";
import type { Draft, FolderId, MailMessage } from "./model/types";

export type PlaygroundView =
  | { readonly mode: "reading"; readonly message: MailMessage | null }
  | { readonly mode: "composing"; readonly draft: Draft };

export type SendStatus = { readonly status: "idle" } | { readonly status: "sending" } | { readonly status: "blocked"; readonly reason: string };

export function usePlayground(model: MailboxModel) {
  const state: MailboxState = useSyncExternalStore(model.subscribeState, model.getState);
  const [sendStatus, setSendStatus] = useState<SendStatus>({ status: "idle" });

  const messages = model.mail.messagesIn(state.folder);
  const selected = state.messages.find((m) => m.id === state.selectedId) ?? null;
  const view: PlaygroundView = state.draft ? { mode: "composing", draft: state.draft } : { mode: "reading", message: selected };

  const send = useCallback(async () => {
    setSendStatus({ status: "sending" });
    const result = await model.mail.send();
    setSendStatus(result.status === "sent" ? { status: "idle" } : { status: "blocked", reason: result.reason });
  }, [model]);

  return {
    state,
    view,
    messages,
    selected,
    sendStatus,
    counts: { inbox: model.mail.messagesIn("inbox").length, sent: model.mail.messagesIn("sent").length } satisfies Record<FolderId, number>,
    selectFolder: (folder: FolderId) => model.mail.selectFolder(folder),
    selectMessage: (id: string | null) => model.mail.selectMessage(id),
    composeNew: () => {
      setSendStatus({ status: "idle" });
      model.mail.composeNew();
    },
    reply: () => {
      setSendStatus({ status: "idle" });
      if (selected) model.mail.reply(selected.id);
    },
    updateDraft: (patch: Partial<Pick<Draft, "subject" | "to" | "cc" | "body">>) => model.mail.updateDraft(patch),
    discardDraft: () => {
      setSendStatus({ status: "idle" });
      model.mail.discardDraft();
    },
    send,
    setOffline: (offline: boolean) => model.simulator.setOffline(offline),
    /** `serviceUrl`: the playground's tracking service, whose data is reset too ("" for none). */
    reset: (serviceUrl = "") => void resetPlayground(window, { serviceUrl, bearer: () => model.host.accessToken?.() ?? Promise.reject(new Error("no sign-in")) }),
  };
}

/** The playground's tracking service, reset with the playground (POST /v1/dev/reset, development sign-in only). */
export type PlaygroundService = { readonly serviceUrl: string; readonly bearer: () => Promise<string> };

/**
 * Clears everything this origin stored (the mailbox's roaming settings and sent mail, and the
 * panes' own local counter and activity log on every device) and the service's users, counters,
 * reserves and activities, then reloads: a fresh mailbox whose next tokens repeat nothing kept.
 */
export async function resetPlayground(win: Window = window, service?: PlaygroundService): Promise<string | undefined> {
  let problem: string | undefined;
  const mode = service === undefined ? STANDALONE : numberingMode(service.serviceUrl);
  if (service !== undefined && mode.kind === "service") {
    try {
      const response = await win.fetch(`${mode.url}/v1/dev/reset`, { method: "POST", headers: { Authorization: `Bearer ${await service.bearer()}` } });
      if (!response.ok) problem = `The tracking service did not reset (${response.status}).`;
    } catch (error) {
      problem = `The tracking service could not be reset: ${error instanceof Error ? error.message : String(error)}`;
    }
    // Without the service's reset, its counters stay ahead: still no repeats, only higher numbers.
    if (problem !== undefined) console.warn(problem);
  }
  win.localStorage.clear();
  win.sessionStorage.clear();
  const databases = typeof win.indexedDB?.databases === "function" ? await win.indexedDB.databases() : [];
  await Promise.all(
    databases.map(
      ({ name }) =>
        new Promise<void>((resolve) => {
          if (!name) return resolve();
          const request = win.indexedDB.deleteDatabase(name);
          // A pane still holding the database open blocks deletion; reload ends it anyway.
          request.onsuccess = request.onerror = request.onblocked = () => resolve();
        }),
    ),
  );
  win.location.reload();
  return problem;
}
