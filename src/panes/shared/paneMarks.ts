/**
 * User Timing marks on a pane's way to its first useful render, for the performance panel and
 * `npm run bench:panes -- --trace` (docs/BENCHMARKS.md, Panes: where the time goes). One mark per
 * step, named "tracking-tokens:<step>"; the time is the browser's, nothing is sent anywhere.
 */
export type PaneStep =
  /** Office.onReady resolved in Outlook. */
  | "office-ready"
  /** The Office ports exist and the saved settings have been read (the numbering mode). */
  | "settings-read"
  /** Compose: the numbering's chunk, this device's IndexedDB stores and the authority are open. */
  | "numbering-open"
  /** Read: this device's activity log (its chunk and IndexedDB) is open. */
  | "history-open";

export const PANE_MARK_PREFIX = "tracking-tokens:";

export function markPaneStep(step: PaneStep): void {
  try {
    performance.mark(PANE_MARK_PREFIX + step);
  } catch {
    // A host without User Timing: the marks are for measuring only.
  }
}
