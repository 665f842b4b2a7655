/**
 * sw.js: keeps the panes' pages, scripts and chunks of one build, and Office.js, so a pane opened
 * once online opens with no network (docs/OFFLINE.md). Files of the build come from its cache
 * first; a new build installs in the background and takes over when no stamping page is open.
 */
import { buildCacheName, isPaneMessage, mayTakeOver, OFFICE_CACHE, officeJsUrls, routeFor, staleCaches, type PrecacheManifest } from "./precache";

// The worker's own globals, declared here: the DOM and WebWorker libraries cannot share one program.
type ExtendableEvent = Event & { waitUntil(promise: Promise<unknown>): void };
type FetchEvent = ExtendableEvent & { readonly request: Request; respondWith(response: Promise<Response>): void };
type WorkerClient = { readonly id: string; readonly url: string };
type ExtendableMessageEvent = ExtendableEvent & { readonly data: unknown; readonly source: WorkerClient | null };
type WorkerScope = {
  readonly location: Location;
  readonly clients: { matchAll(options: { type: "window"; includeUncontrolled: boolean }): Promise<WorkerClient[]>; claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
  addEventListener(type: "message", listener: (event: ExtendableMessageEvent) => void): void;
  /** Written at the top of sw.js by scripts/precachePlugin.cjs. */
  readonly __trackingTokensPrecache?: PrecacheManifest;
};

const scope = self as unknown as WorkerScope;
const manifest: PrecacheManifest = scope.__trackingTokensPrecache ?? { version: "unbuilt", files: [] };
const workerUrl = new URL(scope.location.href);
const cacheName = buildCacheName(manifest.version);

/**
 * Office.js and the host scripts it loads, as the pages report them (the first page loaded them
 * before this worker existed). A script tag asks without CORS, so Office.js's answer is opaque: kept and served as it came. */
async function keepOfficeJs(urls: readonly string[]): Promise<void> {
  const cache = await caches.open(OFFICE_CACHE);
  await Promise.all(
    officeJsUrls(urls).map(async (href) => {
      const request = new Request(href, { mode: "no-cors" });
      if (await cache.match(request)) return;
      // Best effort: without the network now, the next online open keeps it.
      const response = await fetch(request).catch(() => undefined);
      if (response && (response.ok || response.type === "opaque")) await cache.put(request, response);
    }),
  );
}

async function openPageUrls(exceptClientId?: string): Promise<string[]> {
  const clients = await scope.clients.matchAll({ type: "window", includeUncontrolled: true });
  return clients.filter((client) => client.id !== exceptClientId).map((client) => client.url);
}

scope.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      // "reload": a server that lets browsers keep compose.js must not hand the new build an old one.
      await cache.addAll(manifest.files.map((file) => new Request(new URL(file, workerUrl), { cache: "reload" })));
      if (mayTakeOver(await openPageUrls())) await scope.skipWaiting();
    })(),
  );
});

scope.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      await Promise.all(staleCaches(await caches.keys(), manifest.version).map((name) => caches.delete(name)));
      // The page that registered the first build is served by it from now on (its chunks, Office.js's host scripts).
      await scope.clients.claim();
    })(),
  );
});

async function fromBuild(request: Request): Promise<Response> {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request, { ignoreSearch: true });
  return cached ?? fetch(request);
}

async function officeJs(request: Request): Promise<Response> {
  try {
    const response = await fetch(request);
    if (response.ok || response.type === "opaque") {
      const copy = response.clone();
      void caches.open(OFFICE_CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  } catch (error) {
    const cached = await caches.match(request, { cacheName: OFFICE_CACHE });
    if (cached) return cached;
    throw error;
  }
}

scope.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const route = routeFor(new URL(request.url), workerUrl, manifest);
  if (route === "build") event.respondWith(fromBuild(request));
  else if (route === "office-js") event.respondWith(officeJs(request));
});

scope.addEventListener("message", (event) => {
  const message = event.data;
  if (!isPaneMessage(message)) return;
  if (message.type === "keep-office-js") event.waitUntil(keepOfficeJs(message.urls));
  else
    event.waitUntil(
      (async () => {
        if (mayTakeOver(await openPageUrls(event.source?.id))) await scope.skipWaiting();
      })(),
    );
});
