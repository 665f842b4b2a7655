/**
 * The pane's language (docs/DESIGN.md §9): components read their words from the Messages the entry
 * loaded, through this context, and never hold a user-visible string of their own.
 */
import { createContext, useContext } from "react";
import type { ReactNode } from "react";
import type { Messages } from "../../languages/messages";

const MessagesContext = createContext<Messages | null>(null);

export function LanguageProvider({ messages, children }: { messages: Messages; children: ReactNode }) {
  return <MessagesContext.Provider value={messages}>{children}</MessagesContext.Provider>;
}

/** The pane's messages; throws outside a LanguageProvider, which is a programming error. */
export function useMessages(): Messages {
  const messages = useContext(MessagesContext);
  if (messages === null) throw new Error("No LanguageProvider (paneRoot.tsx renders it)");
  return messages;
}
