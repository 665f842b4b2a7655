/**
 * pane-device.js: the first script of every playground pane page, before Microsoft's office.js. It
 * plays what the browser and Outlook's broker give the add-in, never Office itself (the Office
 * namespace is office.js's, answered by outlookWebHost.ts):
 * - navigator.onLine and the online/offline events follow the playground's "Work offline";
 * - the second device: on the "phone" the panes get IndexedDB databases of their own;
 * - window.nestedAppAuthBridge, the broker MSAL talks to (office.js 1.1.110 has none: README.md).
 * Opened on its own (no playground around it) a page keeps the browser's own; `?device=phone` still
 * picks the phone's storage there (the browser tests' stamp harness).
 */
import type { PaneHost } from "../model/paneHost";
import { findParentHost } from "./hostBridge";
import { createNestedAppAuthBridge } from "./naaBridge";

/** The window a pane page runs in. */
export type PaneWindow = Window & typeof globalThis;

/** Makes navigator.onLine in the pane follow the playground's "Work offline" switch, events included. */
export function followWorkOffline(win: PaneWindow, host: PaneHost): () => void {
  const nativeOnLine = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(win.navigator) as object, "onLine");
  Object.defineProperty(win.navigator, "onLine", {
    configurable: true,
    get: () => !host.isOffline() && (nativeOnLine?.get ? Boolean(nativeOnLine.get.call(win.navigator)) : true),
  });
  return host.subscribe((change) => {
    if (change.kind === "connectivity") win.dispatchEvent(new win.Event(change.offline ? "offline" : "online"));
  });
}

/**
 * The playground's second device: a pane on the "phone" gets IndexedDB databases of its own (name
 * suffixed "@phone"), as a real second device would; the laptop keeps the plain names.
 */
export function overrideIndexedDb(win: PaneWindow, device: string): void {
  const native = win.indexedDB as IDBFactory | undefined;
  if (device === "laptop" || native === undefined) return;
  const own = (name: string) => `${name}@${device}`;
  const factory: IDBFactory = {
    open: (name: string, version?: number) => (version === undefined ? native.open(own(name)) : native.open(own(name), version)),
    deleteDatabase: (name: string) => native.deleteDatabase(own(name)),
    databases: async () =>
      (await native.databases())
        .filter((info) => info.name?.endsWith(`@${device}`))
        .map((info): IDBDatabaseInfo => ({ ...info, name: (info.name ?? "").slice(0, -`@${device}`.length) })),
    cmp: (a: unknown, b: unknown) => native.cmp(a, b),
  };
  Object.defineProperty(win, "indexedDB", { configurable: true, get: () => factory });
}

function installDevice(win: PaneWindow): void {
  const host = findParentHost(win);
  // The device (?device=phone on a page opened on its own, else the playground's switch).
  overrideIndexedDb(win, new URLSearchParams(win.location.search).get("device") ?? host?.device ?? "laptop");
  if (!host) return;
  const stopFollowing = followWorkOffline(win, host);
  // Outlook's broker for MSAL: nested app authentication answered with development tokens.
  (win as unknown as { nestedAppAuthBridge: unknown }).nestedAppAuthBridge = createNestedAppAuthBridge({ win, host });
  // The pane is going away: the mailbox must stop calling into it.
  win.addEventListener("pagehide", stopFollowing);
}

installDevice(window as PaneWindow);
