/**
 * The panes' side of the service worker (docs/OFFLINE.md): registers sw.js once the pane has
 * rendered, tells it what the page loaded and when the page closes, and knows whether this page
 * runs from the copy kept on the device because the add-in's server cannot be reached.
 */
import { officeJsUrls, type PaneMessage } from "../../serviceWorker/precache";

export type OfflineCopyStatus =
  /** No service worker here (the client's browser has none, or registration failed): nothing to say. */
  | "unsupported"
  /** Not known yet, or the page came from the add-in's server. */
  | "current"
  /** The page came from the device's copy and the add-in's server does not answer. */
  | "offline-copy";

/** What the pane needs of the browser: injected, so tests use a fake container and server. */
export type OfflineCopyHost = {
  /** navigator.serviceWorker; undefined where the browser has none. */
  readonly container: Pick<ServiceWorkerContainer, "register" | "ready" | "controller"> | undefined;
  /** sw.js, beside the pane bundles. */
  readonly workerUrl: string;
  readonly fetch: typeof globalThis.fetch;
  /** For "online" (probe again) and "pagehide" (a waiting build may take over). */
  readonly events: Pick<Window, "addEventListener">;
  /** Every script and resource URL the page loaded (performance entries): Office.js's among them. */
  loadedUrls(): string[];
};

export type OfflineCopy = {
  readonly status: () => OfflineCopyStatus;
  readonly subscribe: (listener: () => void) => () => void;
  /** Registers and probes; later calls do nothing. */
  readonly start: () => void;
};

export function createOfflineCopy(host: OfflineCopyHost): OfflineCopy {
  let status: OfflineCopyStatus = host.container ? "current" : "unsupported";
  let started = false;
  const listeners = new Set<() => void>();
  const set = (next: OfflineCopyStatus) => {
    if (next === status) return;
    status = next;
    for (const listener of listeners) listener();
  };
  const tell = (worker: ServiceWorker | null | undefined, message: PaneMessage) => worker?.postMessage(message);

  // A page served by the worker came from the device's copy; whether that is because the server is
  // away shows in asking it directly (sw.js is never answered from the cache).
  const probe = async () => {
    if (!host.container?.controller) return;
    try {
      await host.fetch(host.workerUrl, { method: "HEAD", cache: "no-store" });
      set("current");
    } catch {
      set("offline-copy");
    }
  };

  const start = () => {
    const container = host.container;
    if (started || !container) return;
    started = true;
    void probe();
    host.events.addEventListener("online", () => void probe());
    container.register(host.workerUrl).then(
      (registered: ServiceWorkerRegistration | undefined) => {
        // A host that blocks workers may answer with nothing at all (Playwright's serviceWorkers: "block" does).
        if (!registered) return set("unsupported");
        const registration = registered;
        host.events.addEventListener("pagehide", () => tell(registration.waiting, { type: "pane-closed" }));
        void container.ready.then((ready) => {
          const urls = officeJsUrls(host.loadedUrls());
          if (urls.length > 0) tell(ready.active, { type: "keep-office-js", urls });
        });
      },
      // No worker (a private window, a client that forbids them): the pane works, only not offline.
      () => set("unsupported"),
    );
  };

  return {
    status: () => status,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start,
  };
}

/** webpack's public path: the folder of the pane bundles, where sw.js is too. */
declare const __webpack_public_path__: string;

/** The browser's side, for the pane entries. */
export function browserOfflineCopy(): OfflineCopy {
  return createOfflineCopy({
    container: "serviceWorker" in navigator ? navigator.serviceWorker : undefined,
    workerUrl: new URL("sw.js", new URL(__webpack_public_path__, document.baseURI)).href,
    fetch: (input, init) => window.fetch(input, init),
    events: window,
    loadedUrls: () => performance.getEntriesByType("resource").map((entry) => entry.name),
  });
}
