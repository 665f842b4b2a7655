/**
 * How a pane iframe finds the mailbox: the playground page publishes its model on its window under
 * this key, and the panes (same origin) read it from window.parent.
 */
import type { PaneHost } from "../model/paneHost";

export const PLAYGROUND_HOST_KEY = "__playgroundHost";

/** Where a pane page's fake Office publishes its launchEvent(), for the playground to dispatch OnMessageSend. */
export const LAUNCH_EVENT_KEY = "__playgroundLaunchEvent";

type HostWindow = Window & { [PLAYGROUND_HOST_KEY]?: PaneHost };

export function publishHost(win: Window, host: PaneHost): void {
  (win as HostWindow)[PLAYGROUND_HOST_KEY] = host;
}

/** The playground's mailbox when this window is a pane in it; undefined when opened on its own. */
export function findParentHost(win: Window): PaneHost | undefined {
  try {
    if (win.parent === win) return undefined;
    return (win.parent as HostWindow)[PLAYGROUND_HOST_KEY];
  } catch {
    // A parent on another origin: not the playground.
    return undefined;
  }
}
