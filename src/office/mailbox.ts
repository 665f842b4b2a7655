/** MailboxPort over Office.context.mailbox: the selected item, and ItemChanged for pinned panes. */
import { fromAsyncResult } from "./asyncResult";
import { createComposeItem } from "./composeItem";
import type { ComposeItemOptions } from "./composeItem";
import type { ComposeItemLike, OfficeLike, ReadItemLike } from "./officeTypes";
import type { ComposeItemPort, MailboxPort, MailItemPort } from "./ports";
import { createReadMessage } from "./readMessage";

export type MailboxOptions = Pick<ComposeItemOptions, "randomKey">;

export function createMailbox(office: OfficeLike = globalThis.Office, options: MailboxOptions = {}): MailboxPort {
  const mailbox = office.context.mailbox;
  // The same draft object keeps the same port, so its draftKey stays put across calls.
  const composePorts = new WeakMap<object, ComposeItemPort>();
  const listeners = new Set<() => void>();
  let registration: Promise<void> | undefined;

  // One Office handler fans out to every listener: removeHandlerAsync would drop all of them at once.
  const register = (): Promise<void> =>
    fromAsyncResult<void>((callback) =>
      mailbox.addHandlerAsync(
        office.EventType.ItemChanged,
        () => {
          for (const listener of [...listeners]) {
            // Office calls this; a throw here would vanish, so a failing listener is logged, not thrown.
            try {
              listener();
            } catch (error) {
              console.error("ItemChanged listener failed", error);
            }
          }
        },
        callback,
      ),
    );

  return {
    get userEmail() {
      return mailbox.userProfile?.emailAddress ?? "";
    },
    currentItem(): MailItemPort | null {
      const item = mailbox.item;
      if (item === null || item === undefined) return null;
      // Mailbox 1.1: a read item's subject is a string; a compose item's is an object with getAsync.
      if (typeof item.subject === "string") return createReadMessage(item as ReadItemLike);
      let port = composePorts.get(item);
      if (port === undefined) {
        const composeOptions: ComposeItemOptions = { requirements: office.context.requirements, ...options };
        port = createComposeItem(item as ComposeItemLike, composeOptions);
        composePorts.set(item, port);
      }
      return port;
    },
    async onItemChanged(listener) {
      listeners.add(listener);
      try {
        await (registration ??= register());
      } catch (error) {
        listeners.delete(listener);
        registration = undefined; // let a later call try again
        throw error;
      }
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
