/**
 * What both pane entries do before their own work: show "Loading" at once, fetch the user's
 * catalogue while Office gets ready (docs/DESIGN.md §9), wait for Outlook (Office.onReady), load the
 * host's theme while the pane's ports open, and render whatever the pane shows next inside
 * PaneShell with that theme, that language and the offline-copy notice.
 */
import type { Theme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { displayLanguage, hostTheme, waitForOutlook } from "./officeReady";
import type { OfficeProblem } from "./officeReady";
import { browserOfflineCopy } from "./offlineCopy";
import { PaneLoading, PaneShell } from "./PaneShell";
import { loadPaneTheme } from "./paneTheme";
import { paneLanguage } from "./paneLanguage";

export type PaneRoot = {
  /** Resolves true once Outlook is ready; else shows `unavailable(reason)` and resolves false. */
  waitForOutlook(unavailable: (reason: OfficeProblem) => ReactNode): Promise<boolean>;
  /** Renders `content` in the pane's shell, in the host's theme and the user's language once they have loaded. */
  show(content: ReactNode): Promise<void>;
};

export function openPaneRoot(element: HTMLElement): PaneRoot {
  const root = createRoot(element);
  // No words yet: they arrive with the catalogue.
  root.render(<PaneShell><PaneLoading /></PaneShell>);
  // Guessed from the page's URL now, so the catalogue downloads while Office.js loads.
  const language = paneLanguage(location.href, navigator.language);
  // Registered by the first full render (PaneShell), never before: it must not delay the pane.
  const offlineCopy = browserOfflineCopy();
  let theme: Promise<Theme | undefined> = Promise.resolve(undefined);
  const render = async (content: ReactNode, loadedTheme?: Theme) => {
    const messages = await language.messages();
    root.render(<PaneShell {...(loadedTheme ? { theme: loadedTheme } : {})} messages={messages} offlineCopy={offlineCopy}>{content}</PaneShell>);
  };
  return {
    async waitForOutlook(unavailable) {
      const readiness = await waitForOutlook();
      if (readiness.status !== "ready") {
        await render(unavailable(readiness.reason));
        return false;
      }
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
