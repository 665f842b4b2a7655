/** The playground page's state and behaviour: the mailbox model plus what only the UI needs. */
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

  const messages = model.messagesIn(state.folder);
  const selected = state.messages.find((m) => m.id === state.selectedId) ?? null;
  const view: PlaygroundView = state.draft ? { mode: "composing", draft: state.draft } : { mode: "reading", message: selected };

  const send = useCallback(async () => {
    setSendStatus({ status: "sending" });
    const result = await model.send();
    setSendStatus(result.status === "sent" ? { status: "idle" } : { status: "blocked", reason: result.reason });
  }, [model]);

  return {
    state,
    view,
    messages,
    selected,
    sendStatus,
    counts: { inbox: model.messagesIn("inbox").length, sent: model.messagesIn("sent").length } satisfies Record<FolderId, number>,
    selectFolder: (folder: FolderId) => model.selectFolder(folder),
    selectMessage: (id: string | null) => model.selectMessage(id),
    composeNew: () => {
      setSendStatus({ status: "idle" });
      model.composeNew();
    },
    reply: () => {
      setSendStatus({ status: "idle" });
      if (selected) model.reply(selected.id);
    },
    updateDraft: (patch: Partial<Pick<Draft, "subject" | "to" | "cc" | "body">>) => model.updateDraft(patch),
    discardDraft: () => {
      setSendStatus({ status: "idle" });
      model.discardDraft();
    },
    send,
    setOffline: (offline: boolean) => model.setOffline(offline),
    reset: () => void resetPlayground(),
  };
}

/**
 * Clears everything this origin stored (the mailbox's roaming settings and sent mail, and the
 * panes' own local counter and activity log), then reloads: a fresh mailbox.
 */
export async function resetPlayground(win: Window = window): Promise<void> {
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
}
