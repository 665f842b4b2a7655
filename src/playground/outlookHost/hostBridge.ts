/**
 * How a pane page's device script (paneDevice.ts) finds the playground: the playground page publishes
 * its mailbox on its window under this key, and the pane pages (same origin) read it from
 * window.parent. Only for what a browser or Outlook's broker gives the add-in (the network, the
 * device's storage, the NAA bridge): everything Office answers goes through office.js and the host.
 */
import type { PaneHost } from "../model/paneHost";

export const PLAYGROUND_HOST_KEY = "__playgroundHost";

type HostWindow = Window & { [PLAYGROUND_HOST_KEY]?: PaneHost };

export function publishHost(win: Window, host: PaneHost): void {
  (win as HostWindow)[PLAYGROUND_HOST_KEY] = host;
}

/** The playground's mailbox when this window is a frame in it; undefined when opened on its own. */
export function findParentHost(win: Window): PaneHost | undefined {
  try {
    if (win.parent === win) return undefined;
    return (win.parent as HostWindow)[PLAYGROUND_HOST_KEY];
  } catch {
    // A parent on another origin: not the playground.
    return undefined;
  }
}

/** The playground's mailbox seen from a window the Office dialog opened from one of its panes. */
export function findOpenerHost(win: Window): PaneHost | undefined {
  try {
    const opener = win.opener as Window | null;
    return opener ? findParentHost(opener) : undefined;
  } catch {
    return undefined;
  }
}
