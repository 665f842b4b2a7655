/**
 * The service worker's rules, kept free of the worker's globals so they can be tested on their
 * own (docs/OFFLINE.md): which cache belongs to which build, which requests it answers, and when
 * a new build may take over.
 */

/** What webpack writes at the top of sw.js (scripts/precachePlugin.cjs). */
export type PrecacheManifest = {
  /** A hash of every precached file's content: a new build with any change gets a new one. */
  readonly version: string;
  /** Paths relative to sw.js (the add-in's root): the pane pages, their scripts and chunks. */
  readonly files: readonly string[];
};

const BUILD_CACHE_PREFIX = "tracking-tokens-build-";
/** Office.js is Microsoft's, not our build's: kept across our builds, refreshed whenever it loads. */
export const OFFICE_CACHE = "tracking-tokens-office-js";

/** Where shipped pages load Office.js from (webpack.config.js); Microsoft supports only its CDN. */
export const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";

export const buildCacheName = (version: string): string => `${BUILD_CACHE_PREFIX}${version}`;

/** Our caches from other builds: removed when this one activates. Other caches are not ours to touch. */
export function staleCaches(names: readonly string[], version: string): string[] {
  const current = buildCacheName(version);
  return names.filter((name) => name.startsWith(BUILD_CACHE_PREFIX) && name !== current);
}

export type Route = "build" | "office-js" | "network";

/**
 * How a GET is answered: a file of this build from its cache (the query is ignored: Outlook adds
 * `?_host_Info=…` to the pane's URL), Office.js from the network with the cache as fallback, or
 * anything else (the tracking service, the probe of the server) straight from the network.
 */
export function routeFor(url: URL, workerUrl: URL, manifest: PrecacheManifest): Route {
  if (url.origin === OFFICE_JS_ORIGIN) return "office-js";
  if (url.origin !== workerUrl.origin) return "network";
  const precached = manifest.files.some((file) => new URL(file, workerUrl).pathname === url.pathname);
  return precached ? "build" : "network";
}

/** Pages that stamp: the compose pane and the send handler's page (in the playground too). */
const STAMPING_PAGE = /\/(compose|commands)\.html$/i;

/**
 * A new build takes over only while no page that stamps is open, so a stamp never meets a
 * half-swapped build (a chunk it loads later would be gone with the old cache). The read pane
 * only decodes, and its code is loaded when it opens, so it does not hold a new build back.
 */
export function mayTakeOver(openPageUrls: readonly string[]): boolean {
  return !openPageUrls.some((href) => STAMPING_PAGE.test(new URL(href).pathname));
}

/** What a pane tells its service worker. */
export type PaneMessage =
  /** The pane is closing: a waiting build may take over if no other stamping page is open. */
  | { readonly type: "pane-closed" }
  /** The Office.js scripts the page loaded (office.js loads its host's scripts itself), to keep offline. */
  | { readonly type: "keep-office-js"; readonly urls: readonly string[] };

export function isPaneMessage(data: unknown): data is PaneMessage {
  if (typeof data !== "object" || data === null) return false;
  const { type, urls } = data as { type?: unknown; urls?: unknown };
  if (type === "pane-closed") return true;
  return type === "keep-office-js" && Array.isArray(urls) && urls.every((url) => typeof url === "string");
}

/** Only Office.js's own origin: a page cannot make the worker cache anything else. */
export const officeJsUrls = (urls: readonly string[]): string[] =>
  [...new Set(urls)].filter((href) => {
    try {
      return new URL(href).origin === OFFICE_JS_ORIGIN;
    } catch {
      return false;
    }
  });
