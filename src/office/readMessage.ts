/** ReadMessage from Office.MessageRead (Mailbox 1.1: subject is a string, addresses are EmailAddressDetails). */
import { emailAddresses } from "./composeItem";
import type { ReadItemLike } from "./officeTypes";
import type { ReadMessage } from "./ports";

export function createReadMessage(item: ReadItemLike): ReadMessage {
  const from = item.from?.emailAddress;
  const created = item.dateTimeCreated;
  return {
    mode: "read",
    itemId: typeof item.itemId === "string" && item.itemId !== "" ? item.itemId : null,
    subject: typeof item.subject === "string" ? item.subject : "",
    from: typeof from === "string" && from !== "" ? from : null,
    to: emailAddresses(item.to),
    cc: emailAddresses(item.cc),
    // dateTimeCreated is the nearest Mailbox 1.1 has to "received" for a received message.
    received: created instanceof Date && !Number.isNaN(created.getTime()) ? created : null,
  };
}
