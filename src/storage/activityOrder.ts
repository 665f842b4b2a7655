/** The order every activity log lists activities in. */
import type { Activity } from "./ports";

/** Newest first; ties by token so the order is stable. */
export function newestFirst(activities: readonly Activity[]): Activity[] {
  return [...activities].sort((a, b) => b.stampedAt - a.stampedAt || (a.token < b.token ? -1 : a.token > b.token ? 1 : 0));
}
