/**
 * SettingsChannel over the browser's BroadcastChannel: Outlook runs each open pane (a pinned read
 * pane, a compose pane per draft) in its own frame of the add-in's origin, each with its own copy of
 * roaming settings, and no Office event says that another pane saved. One channel per mailbox, so
 * two accounts in one Outlook never mix.
 */
import type { SettingsChannel } from "./ports";

export function browserSettingsChannel(mailbox: string): SettingsChannel | null {
  if (typeof BroadcastChannel === "undefined") return null;
  const channel = new BroadcastChannel(`tracking-tokens:settings:${mailbox.toLowerCase()}`);
  return {
    post: (change) => channel.postMessage(change),
    subscribe(listener) {
      const onMessage = (event: MessageEvent<unknown>): void => {
        const data = event.data;
        if (typeof data === "object" && data !== null && !Array.isArray(data)) listener(data as Record<string, unknown>);
      };
      channel.addEventListener("message", onMessage);
      return () => channel.removeEventListener("message", onMessage);
    },
  };
}
