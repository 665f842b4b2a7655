/**
 * A small static file server for dist/, used by `npm start` (HTTPS for Outlook, HTTP for the
 * playground) and by the browser tests. No caching: a rebuilt file is served at once.
 *
 * The playground's "Add-in server unreachable" switch (docs/OFFLINE.md) sets, through
 * ADDIN_SERVER_PATH, whether this server answers for the add-in's files: while unreachable it drops
 * every connection asking for them, as a server that is down does. The playground's own page (it
 * stands in for Outlook, which the add-in's server does not serve) and the switch keep answering.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import path from "node:path";

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** Resolves a URL path inside root, or undefined when it would leave root. */
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return file === root || file.startsWith(root + path.sep) ? file : undefined;
}

/** GET: `{ "reachable": true }`; PUT with that body: sets it. */
export const ADDIN_SERVER_PATH = "/playground/addin-server";
/** The playground page itself (Outlook's stand-in) and its script; pane pages under /playground/ are the add-in's. */
const PLAYGROUND_SHELL = new Set(["/playground/", "/playground/index.html", "/playground/playground.js", "/favicon.ico"]);
/**
 * Microsoft's office.js and the files it loads: in Outlook they come from Microsoft's CDN, so the
 * add-in's server going down does not take them (the pane pages and pane-device.js are the add-in's).
 */
const isMicrosoftOfficeJs = (pathname) => pathname.startsWith("/playground/office-js/") && pathname.endsWith(".js") && pathname !== "/playground/office-js/pane-device.js";

async function answerSwitch(request, response, state) {
  if (request.method === "PUT") {
    let body = "";
    for await (const chunk of request) body += chunk;
    let reachable;
    try {
      reachable = JSON.parse(body).reachable;
    } catch {
      // Answered below.
    }
    if (typeof reachable !== "boolean") {
      response.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end('Send {"reachable": true} or {"reachable": false}.');
      return;
    }
    state.reachable = reachable;
  } else if (request.method !== "GET") {
    response.writeHead(405, { Allow: "GET, PUT" }).end();
    return;
  }
  response.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" }).end(JSON.stringify({ reachable: state.reachable }));
}

function handler(root, state) {
  return async (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === ADDIN_SERVER_PATH) {
      await answerSwitch(request, response, state);
      return;
    }
    if (!state.reachable && !PLAYGROUND_SHELL.has(url.pathname) && !isMicrosoftOfficeJs(url.pathname)) {
      // No answer at all: the browser sees a network error, as from a server that is down.
      request.socket.destroy();
      return;
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let file = resolveInside(root, url.pathname);
    if (!file) {
      response.writeHead(400).end("Bad path");
      return;
    }
    let info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      if (!url.pathname.endsWith("/")) {
        // /playground -> /playground/, so the page's relative URLs resolve inside it.
        response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      file = path.join(file, "index.html");
      info = await stat(file).catch(() => undefined);
    }
    if (!info?.isFile()) {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`Not found: ${url.pathname}`);
      return;
    }
    response.writeHead(200, {
      "Content-Type": CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
      "Content-Length": info.size,
      "Cache-Control": "no-store",
    });
    if (request.method === "HEAD") response.end();
    else createReadStream(file).pipe(response);
  };
}

/**
 * Serves `root` on `port` (0: any free port) at `host`. With `tls` ({ key, cert }) it is HTTPS.
 * Resolves with { server, port, url, close(), setReachable(boolean) } (the playground's switch, for tests).
 */
export async function startStaticServer({ root, port = 0, host = "localhost", tls } = {}) {
  const absoluteRoot = path.resolve(root);
  const state = { reachable: true };
  const listener = handler(absoluteRoot, state);
  const server = tls ? https.createServer(tls, listener) : http.createServer(listener);
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    server,
    port: actualPort,
    url: `${tls ? "https" : "http"}://localhost:${actualPort}`,
    setReachable: (reachable) => {
      state.reachable = reachable;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
