/**
 * What both pane entries do before their own work: show "Loading" unless the pane is quicker, wait for Outlook
 * (Office.onReady), load the host's theme while the pane's ports open, and render whatever the
 * pane shows next inside PaneShell with that theme and the offline-copy notice.
 */
import type { Theme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { hostTheme, waitForOutlook } from "./officeReady";
import { browserOfflineCopy } from "./offlineCopy";
import { PaneLoading, PaneShell } from "./PaneShell";
import { markPaneStep } from "./paneMarks";
import { loadPaneTheme } from "./paneTheme";

export type PaneRoot = {
  /** Resolves true once Outlook is ready; else shows `unavailable(reason)` and resolves false. */
  waitForOutlook(unavailable: (reason: string) => ReactNode): Promise<boolean>;
  /** Renders `content` in the pane's shell, in the host's theme once that has loaded. */
  show(content: ReactNode): Promise<void>;
};

/**
 * How long a pane may take before it shows "Loading": where Office answers at once the first render is
 * the pane itself, and rendering a spinner first would only delay it (docs/BENCHMARKS.md, Panes).
 */
export const LOADING_DELAY_MS = 150;

export function openPaneRoot(element: HTMLElement): PaneRoot {
  const root = createRoot(element);
  let loading: ReturnType<typeof setTimeout> | undefined = setTimeout(() => root.render(<PaneShell><PaneLoading label="Loading Tracking Tokens…" /></PaneShell>), LOADING_DELAY_MS);
  const render = (content: ReactNode) => {
    clearTimeout(loading);
    loading = undefined;
    root.render(content);
  };
  // Registered by the first full render (PaneShell), never before: it must not delay the pane.
  const offlineCopy = browserOfflineCopy();
  let theme: Promise<Partial<Theme> | undefined> = Promise.resolve(undefined);
  return {
    async waitForOutlook(unavailable) {
      const readiness = await waitForOutlook();
      if (readiness.status !== "ready") {
        render(<PaneShell offlineCopy={offlineCopy}>{unavailable(readiness.reason)}</PaneShell>);
        return false;
      }
      markPaneStep("office-ready");
      // Loads (a dark host) while the ports open.
      theme = loadPaneTheme(hostTheme());
      return true;
    },
    async show(content) {
      const loaded = await theme;
      render(<PaneShell {...(loaded ? { theme: loaded } : {})} offlineCopy={offlineCopy}>{content}</PaneShell>);
    },
  };
}
