/**
 * What both pane entries do before their own work: show "Loading" unless the pane is quicker, fetch
 * the user's catalogue while Office gets ready (docs/DESIGN.md §9), wait for Outlook (Office.onReady),
 * load the host's theme while the pane's ports open, and render whatever the pane shows next inside
 * PaneShell with that theme, that language and the offline-copy notice.
 */
import type { Theme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { displayLanguage, hostTheme, waitForOutlook } from "./officeReady";
import type { OfficeProblem } from "./officeReady";
import { browserOfflineCopy } from "./offlineCopy";
import { PaneLoading, PaneShell } from "./PaneShell";
import { markPaneStep } from "./paneMarks";
import { loadPaneTheme } from "./paneTheme";
import type { PaneLanguage } from "./paneLanguage";

export type PaneRoot = {
  /** Resolves true once Outlook is ready; else shows `unavailable(reason)` and resolves false. */
  waitForOutlook(unavailable: (reason: OfficeProblem) => ReactNode): Promise<boolean>;
  /** Renders `content` in the pane's shell, in the host's theme and the user's language once they have loaded. */
  show(content: ReactNode): Promise<void>;
};

/**
 * How long a pane may take before it shows "Loading": where Office answers at once the first render is
 * the pane itself, and rendering a spinner first would only delay it (docs/BENCHMARKS.md, Panes).
 */
export const LOADING_DELAY_MS = 150;

/** `language`: the catalogue already on its way (languageGuess.ts). */
export function openPaneRoot(element: HTMLElement, language: PaneLanguage): PaneRoot {
  const root = createRoot(element);
  // "Loading" has no words of its own: they arrive with the catalogue.
  let loading: ReturnType<typeof setTimeout> | undefined = setTimeout(() => root.render(<PaneShell><PaneLoading /></PaneShell>), LOADING_DELAY_MS);
  // Registered by the first full render (PaneShell), never before: it must not delay the pane.
  const offlineCopy = browserOfflineCopy();
  let theme: Promise<Partial<Theme> | undefined> = Promise.resolve(undefined);
  const render = async (content: ReactNode, loadedTheme?: Partial<Theme>) => {
    const messages = await language.messages();
    clearTimeout(loading);
    loading = undefined;
    root.render(<PaneShell {...(loadedTheme ? { theme: loadedTheme } : {})} messages={messages} offlineCopy={offlineCopy}>{content}</PaneShell>);
  };
  return {
    async waitForOutlook(unavailable) {
      const readiness = await waitForOutlook();
      if (readiness.status !== "ready") {
        await render(unavailable(readiness.reason));
        return false;
      }
      markPaneStep("office-ready");
      // Outlook's own language settles it; a second download only when the guess was wrong.
      language.settle(displayLanguage());
      // Loads (a dark host) while the ports open.
      theme = loadPaneTheme(hostTheme());
      return true;
    },
    async show(content) {
      await render(content, await theme);
    },
  };
}
