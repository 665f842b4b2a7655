/** This device's activity log for the read pane, a chunk of its own (index.tsx): its first paint does not need it. */
import { openActivityLog } from "../../storage/indexedDbActivityLog";
import type { ActivityLog } from "../../storage/ports";
import { markPaneStep } from "../shared/paneMarks";

/** The log, or null where IndexedDB is missing or refused (tokens still decode; the pane says what cannot be looked up). */
export async function openHistory(): Promise<ActivityLog | null> {
  const opening = await openActivityLog();
  markPaneStep("history-open");
  return opening.available ? opening.log : null;
}
