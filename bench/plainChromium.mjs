/**
 * The side-by-side loads with no DevTools session in the page, as users' browsers run them
 * (docs/BENCHMARKS.md, Beside Microsoft's template). playwright-core attaches a session to every
 * page it drives (Runtime, Network); with one attached, V8 records a stack trace with source
 * positions for every Error object created, and React 19 creates five while react-dom initializes,
 * so the panes pay a re-parse of their bundle that no user pays and the template (React 18) never
 * triggers.
 *
 * Here we launch Debian's Chromium ourselves with --remote-debugging-pipe and speak to the browser
 * only (Target.createBrowserContext, createTarget, closeTarget, disposeBrowserContext); no page is
 * ever attached, which each load checks (Target.getTargets). Without a page session nothing can
 * route requests or ask the page: Office.js's CDN host is mapped to a local HTTPS server that
 * answers with the stand-in (--host-resolver-rules), the comparison server puts the probe
 * (interactiveProbe) first in the <head> of the three pages, and the probe sends its figures back
 * by navigator.sendBeacon. Pages are otherwise byte for byte as built.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadDevCertificate } from "../scripts/devCertificate.mjs";
import { CHROMIUM_ARGS } from "../test/e2e/browserKit.mjs";
import { interactiveProbe, PANE_MARK_PREFIX, sendRevalidated, startComparisonServer, SUBJECTS } from "./sideBySide.mjs";

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Where shipped pages (ours and the template's) load Office.js from. */
const OFFICE_JS_HOST = "appsforoffice.microsoft.com";
const OFFICE_JS_PATH = "/lib/1/hosted/office.js";
/** Where the probe sends its figures, on the comparison server. */
const REPORT_PATH = "/__bench-report";
/**
 * A blank page that goes on to `?to=`: a page opens here, so its renderer is up before the page
 * under test navigates, as with playwright-core's about:blank then goto. Opening the page itself
 * would count starting a renderer process in every load's time (its navigation starts first).
 */
const OPEN_PATH = "/__bench-open";
const OPEN_PAGE = `<!doctype html><meta charset="utf-8"><script>location.replace(new URLSearchParams(location.search).get("to"))</script>`;
/** A load that has not reported by then is a harness error. */
const LOAD_TIMEOUT_MS = 20_000;
/** A browser command that has not answered by then means the browser is stuck. */
const COMMAND_TIMEOUT_MS = 15_000;

/** The Office.js stand-in on HTTPS, at the CDN's path, for the host the browser maps here. */
async function startOfficeJsServer(officeStub) {
  const certificate = await loadDevCertificate(path.join(repositoryRoot, ".certs"));
  const body = Buffer.from(officeStub);
  const server = https.createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => {
    if (new URL(request.url ?? "/", `https://${OFFICE_JS_HOST}`).pathname !== OFFICE_JS_PATH) return void response.writeHead(404).end();
    sendRevalidated(request, response, body, "text/javascript; charset=utf-8");
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: server.address().port, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * The comparison server with the probe in the three pages and the reports collected. One load is
 * awaited at a time (`expect`); a report nobody awaits, or from another page, is recorded as an error.
 */
async function startProbedServer({ buildDir, templateDir, errors }) {
  const probes = new Map(
    SUBJECTS.map((s) => [s.path.split("?")[0], `<script>(${interactiveProbe})(${JSON.stringify({ wait: s.wait, prefix: PANE_MARK_PREFIX, beacon: REPORT_PATH, key: s.key })});</script>`]),
  );
  let pending;
  const onRequest = (request, response, url) => {
    if (url.pathname === OPEN_PATH) {
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" }).end(OPEN_PAGE);
      return true;
    }
    if (url.pathname !== REPORT_PATH) return false;
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      response.writeHead(204).end();
      let report;
      try {
        report = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        errors.push("A page sent a report that is not JSON.");
        return;
      }
      if (pending?.key === report.key) pending.resolve(report);
      else errors.push(`A report from the ${report.key} page arrived while ${pending ? `the ${pending.key} page's` : "none"} was awaited.`);
    });
    return true;
  };
  const server = await startComparisonServer({ buildDir, templateDir, headStart: (pathname) => probes.get(pathname), onRequest });
  return {
    ...server,
    /** The next report from `subject`'s page; rejects after LOAD_TIMEOUT_MS naming the page. */
    expect(subject) {
      let timer;
      const report = new Promise((resolve, reject) => {
        pending = { key: subject.key, resolve };
        timer = setTimeout(() => reject(new Error(`The ${subject.label} (${subject.path}) did not report within ${LOAD_TIMEOUT_MS / 1000} s in the DevTools-free mode (its page never became interactive, or the probe could not run).`)), LOAD_TIMEOUT_MS);
      });
      return report.finally(() => {
        clearTimeout(timer);
        pending = undefined;
      });
    },
  };
}

/**
 * Chromium with the browser's end of the DevTools protocol on fds 3 (to it) and 4 (from it),
 * NUL-delimited JSON. In its own process group, so close() can end every process it started.
 */
function launchPipedChromium(chromiumPath, extraArgs) {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), "tracking-tokens-bench-chromium-"));
  const child = spawn(chromiumPath, [...CHROMIUM_ARGS, "--remote-debugging-pipe", `--user-data-dir=${userDataDir}`, "--window-size=360,800", ...extraArgs, "about:blank"], {
    stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  let gone = false;
  const exited = new Promise((resolve) => {
    child.once("exit", resolve);
    // Not started at all (a wrong path): no exit follows.
    child.once("error", (error) => {
      gone = true;
      stderr += `\n${error.message}`;
      failAll(new Error(`Chromium (${chromiumPath}) could not start: ${error.message}`));
      resolve();
    });
  });
  const calls = new Map();
  let nextId = 1;
  let buffered = "";
  const failAll = (error) => {
    for (const call of calls.values()) call.reject(error);
    calls.clear();
  };
  child.once("exit", (code, signal) => {
    gone = true;
    failAll(new Error(`Chromium exited (${signal ?? code}) during the DevTools-free loads. Its last output:\n${stderr}`));
  });
  child.stdio[4].on("data", (chunk) => {
    buffered += chunk.toString("utf8");
    let end;
    while ((end = buffered.indexOf("\0")) >= 0) {
      const message = JSON.parse(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
      const call = message.id === undefined ? undefined : calls.get(message.id);
      if (!call) continue; // events: we subscribe to none.
      calls.delete(message.id);
      if (message.error) call.reject(new Error(`${call.method}: ${message.error.message}`));
      else call.resolve(message.result);
    }
  });
  // An EPIPE once Chromium is gone shows up as its exit above.
  child.stdio[3].on("error", () => undefined);
  const killGroup = () => {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  };
  // Even if the bench dies without reaching close(), leave no Chromium behind.
  process.once("exit", killGroup);

  return {
    send(method, params = {}) {
      if (gone) return Promise.reject(new Error(`Chromium is gone; cannot send ${method}. Its last output:\n${stderr}`));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          calls.delete(id);
          reject(new Error(`Chromium did not answer ${method} within ${COMMAND_TIMEOUT_MS / 1000} s.`));
        }, COMMAND_TIMEOUT_MS);
        const settle = (fn) => (value) => {
          clearTimeout(timer);
          fn(value);
        };
        calls.set(id, { method, resolve: settle(resolve), reject: settle(reject) });
        child.stdio[3].write(`${JSON.stringify({ id, method, params })}\0`);
      });
    },
    async close() {
      if (!gone) await Promise.race([this.send("Browser.close").catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 3000))]);
      // Renderers and helpers share the group; some outlive the browser process by a moment.
      killGroup();
      await exited;
      process.removeListener("exit", killGroup);
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}

/**
 * Opens a page in `browserContextId` and waits for its report. The page must have no DevTools
 * session: a load that has one would measure what this mode exists to leave out.
 */
async function loadWithoutDevTools(chromium, server, browserContextId, subject) {
  const report = server.expect(subject);
  const url = `${server.base}${OPEN_PATH}?to=${encodeURIComponent(subject.path)}`;
  // A window of its own, 360 wide like the playwright-core contexts' viewport (a size is refused
  // without one, and --window-size gives a new context's window 500 × 713); the window's 800 in
  // height keeps the browser's frame, so the page sees 360 × 713.
  const { targetId } = await chromium.send("Target.createTarget", { url, browserContextId, newWindow: true, width: 360, height: 800 });
  try {
    const { targetInfos } = await chromium.send("Target.getTargets");
    const target = targetInfos.find((t) => t.targetId === targetId);
    if (!target) throw new Error(`Chromium lists no target for the ${subject.label} it just opened.`);
    if (target.attached) throw new Error(`The ${subject.label}'s page has a DevTools session attached; the DevTools-free figures would not be.`);
    const { errors: pageErrors, ...load } = await report;
    delete load.key; // the probe's name for its page, checked on arrival
    return { load, pageErrors };
  } finally {
    await chromium.send("Target.closeTarget", { targetId });
  }
}

/**
 * Runs `run(driver, base)` (runSideBySide, bench/sideBySide.mjs) on a Chromium of our own with no
 * DevTools in the pages; the browser, its temporary profile and the servers are gone after, also on error.
 * Cold: a fresh browser context per load. Warm: one per page kept across loads (service workers
 * allowed, as in a user's browser; a cold context is dropped before its worker matters).
 */
export async function withoutDevTools({ chromiumPath, buildDir, templateDir, officeStub, errors }, run) {
  const officeJsServer = await startOfficeJsServer(officeStub);
  let server;
  let chromium;
  try {
    server = await startProbedServer({ buildDir, templateDir, errors });
    chromium = launchPipedChromium(chromiumPath, [`--host-resolver-rules=MAP ${OFFICE_JS_HOST} 127.0.0.1:${officeJsServer.port}`]);
    const { product } = await chromium.send("Browser.getVersion");
    const driver = {
      open: async () => (await chromium.send("Target.createBrowserContext")).browserContextId,
      load: async (browserContextId, subject, base, runErrors) => {
        const { load, pageErrors } = await loadWithoutDevTools(chromium, server, browserContextId, subject);
        runErrors.push(...pageErrors.map((message) => `${subject.path} (no DevTools): ${message}`));
        return load;
      },
      close: (browserContextId) => chromium.send("Target.disposeBrowserContext", { browserContextId }),
    };
    return { version: product.replace(/^[^/]*\//, ""), results: await run(driver, server.base) };
  } finally {
    await chromium?.close();
    await server?.close();
    await officeJsServer.close();
  }
}
