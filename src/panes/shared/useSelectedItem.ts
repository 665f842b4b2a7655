/**
 * Follows the item Outlook has selected: `follow("opened")` when the pane mounts, then
 * `follow("changed")` after every ItemChanged (a pinned pane stays open across items). Hosts
 * without ItemChanged reload an unpinnable pane per item, so there it is "opened" only.
 */
import { useEffect } from "react";
import type { MailboxPort } from "../../office/ports";

export type ItemCause = "opened" | "changed";

export function useSelectedItem(mailbox: Pick<MailboxPort, "onItemChanged">, follow: (cause: ItemCause) => void): void {
  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let disposed = false;
    follow("opened");
    mailbox.onItemChanged(() => follow("changed")).then(
      (off) => {
        if (disposed) off();
        else unsubscribe = off;
      },
      () => undefined,
    );
    return () => {
      disposed = true;
      unsubscribe?.();
    };
  }, [mailbox, follow]);
}
