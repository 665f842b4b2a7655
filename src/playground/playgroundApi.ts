/**
 * window.__playground: the handle browser tests (and curious developers in the console) use to
 * drive the mailbox without clicking through it.
 */
import type { MailboxModel, MailboxState } from "./model/mailboxModel";
import type { SendHandler, SendResult } from "./model/mailStore";
import type { Draft, FolderId, HostOptions, MailMessage } from "./model/types";
import { resetPlayground } from "./usePlayground";

export type PlaygroundApi = {
  readonly model: MailboxModel;
  /** A snapshot of the mailbox: folder, messages, selectedId, draft, offline, options. */
  readonly state: MailboxState;
  messages(folder: FolderId): MailMessage[];
  selectFolder(folder: FolderId): void;
  /** null selects nothing (a pinned read pane then sees item null). */
  selectMessage(id: string | null): void;
  composeNew(): Draft;
  reply(messageId?: string): Draft;
  /** The open draft's subject, or undefined when no compose form is open. */
  getSubject(): string | undefined;
  setSubject(subject: string): void;
  setRecipients(to: string, cc?: string): void;
  send(): Promise<SendResult>;
  discardDraft(): void;
  setOffline(offline: boolean): void;
  setOptions(options: Partial<HostOptions>): void;
  /** The OnMessageSend hook point. */
  setSendHandler(handler: SendHandler | null): void;
  /** The stored roaming settings of the playground user, parsed. */
  roamingSettings(): Record<string, unknown>;
  reset(): Promise<void>;
};

/** `serviceUrl`: the playground's tracking service, reset with the playground. */
export function createPlaygroundApi(model: MailboxModel, serviceUrl = ""): PlaygroundApi {
  return {
    model,
    get state() {
      return model.getState();
    },
    messages: (folder) => model.mail.messagesIn(folder),
    selectFolder: (folder) => model.mail.selectFolder(folder),
    selectMessage: (id) => model.mail.selectMessage(id),
    composeNew: () => model.mail.composeNew(),
    reply: (messageId) => model.mail.reply(messageId),
    getSubject: () => model.getState().draft?.subject,
    setSubject: (subject) => model.mail.updateDraft({ subject }),
    setRecipients: (to, cc = "") => model.mail.updateDraft({ to, cc }),
    send: () => model.mail.send(),
    discardDraft: () => model.mail.discardDraft(),
    setOffline: (offline) => model.simulator.setOffline(offline),
    setOptions: (options) => model.simulator.setOptions(options),
    setSendHandler: (handler) => model.mail.setSendHandler(handler),
    roamingSettings: () => Object.fromEntries(Object.entries(model.storage.loadRoamingSettings()).map(([k, v]) => [k, JSON.parse(v) as unknown])),
    reset: async () => {
      await resetPlayground(window, { serviceUrl, bearer: () => model.host.accessToken?.() ?? Promise.reject(new Error("no sign-in")) });
    },
  };
}
