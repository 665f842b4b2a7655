/**
 * The panes beside Microsoft's React task pane template (the project `yo office` generates for a
 * React add-in, converted to Outlook and built for production), in one run of bench/panes.bench.mjs
 * (docs/BENCHMARKS.md, Panes). All three pages are served by one local server with the same
 * headers (ETag, `Cache-Control: no-cache`, as a static host revalidates) and load Office.js from
 * Microsoft's CDN address, which the browser context answers with the same Office.js stand-in
 * (it answers every call at once, so only the page itself is timed).
 *
 * Each load is timed in the page against its navigation start: until its first useful button can be
 * pressed (the template: its first button shown; compose: Add tracking token enabled; read: a
 * token's Copy enabled). Cold: a fresh browser context per load (empty caches, no service worker).
 * Warm: one context per page kept across loads, a new page each time (HTTP cache, compiled code,
 * and for the panes their service worker's copy, docs/OFFLINE.md). Rounds interleave the three.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";

/** The prefix of the panes' User Timing marks (src/panes/shared/paneMarks.ts). */
export const PANE_MARK_PREFIX = "tracking-tokens:";

/** The address shipped pages (ours and the template's) load Office.js from; the context answers it with the stand-in. */
const OFFICE_JS_CDN = /^https:\/\/appsforoffice\.microsoft\.com\//;

/** The three pages, the stand-in's flags on their URL (a draft for compose; a received message for read; settings with user 2), and what counts as interactive. */
export const SUBJECTS = [
  { key: "template", label: "Microsoft's template", path: "/template/taskpane.html", wait: { kind: "first-button" } },
  { key: "compose", label: "compose pane", path: "/compose.html?user=2", wait: { kind: "enabled-button", name: "Add tracking token" } },
  { key: "read", label: "read pane", path: "/read.html?mode=read&user=2", wait: { kind: "enabled-button", name: "Copy" } },
];

/** Checks the template folder and the stand-in; says what is missing and how to point at it. */
export function sideBySideInputs(templateDir, officeStubFile) {
  const page = path.join(templateDir, "taskpane.html");
  if (!existsSync(page)) {
    throw new Error(`Microsoft's template build is not at ${templateDir} (no taskpane.html there). Point at a production build of it with --template DIR, or leave the comparison out with --no-template.`);
  }
  if (!existsSync(officeStubFile)) {
    throw new Error(`The Office.js stand-in ${officeStubFile} does not exist. Name one with --office-stub FILE, or leave the comparison out with --no-template.`);
  }
  return { templateDir, officeStub: readFileSync(officeStubFile, "utf8") };
}

const CONTENT_TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json; charset=utf-8", ".png": "image/png", ".css": "text/css; charset=utf-8" };

/** One server for both builds: /template/… from the template's folder, everything else from ours. Revalidated with ETags. */
export async function startComparisonServer({ buildDir, templateDir }) {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const [base, rest] = url.pathname.startsWith("/template/") ? [templateDir, url.pathname.slice("/template".length)] : [buildDir, url.pathname];
    const file = path.resolve(base, `.${path.posix.normalize(decodeURIComponent(rest))}`);
    if (!file.startsWith(base + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    const body = readFileSync(file);
    const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
    const headers = { "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-cache", ETag: etag };
    if (request.headers["if-none-match"] === etag) response.writeHead(304, headers).end();
    else response.writeHead(200, headers).end(body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * Runs in every page before its scripts: records when the wanted button became usable, from a
 * MutationObserver (so the time does not depend on how often the harness polls).
 */
function interactiveProbe(wait) {
  const probe = { interactive: undefined };
  window.__benchLoad = probe;
  const usable = () => {
    const buttons = [...document.querySelectorAll("button")];
    if (wait.kind === "first-button") return buttons.some((b) => b.getClientRects().length > 0);
    return buttons.some((b) => b.textContent.trim() === wait.name && !b.disabled && b.getAttribute("aria-disabled") !== "true" && b.getClientRects().length > 0);
  };
  const check = () => {
    if (probe.interactive === undefined && usable()) probe.interactive = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
}

/** What one load measured, ms from its navigation start. */
async function measure(page, markPrefix) {
  await page.waitForFunction(() => window.__benchLoad?.interactive !== undefined, null, { timeout: 20_000 });
  return page.evaluate((prefix) => {
    const navigation = performance.getEntriesByType("navigation")[0];
    const paint = performance.getEntriesByType("paint").find((p) => p.name === "first-contentful-paint");
    const marks = Object.fromEntries(performance.getEntriesByType("mark").filter((m) => m.name.startsWith(prefix)).map((m) => [m.name.slice(prefix.length), m.startTime]));
    const scripts = performance
      .getEntriesByType("resource")
      .filter((r) => /\.js(\?|$)/.test(r.name))
      .map((r) => ({ name: new URL(r.name).pathname.replace(/^.*\//, ""), start: r.startTime, end: r.responseEnd }));
    return {
      interactive: window.__benchLoad.interactive,
      domContentLoaded: navigation?.domContentLoadedEventEnd,
      firstContentfulPaint: paint?.startTime,
      marks,
      scripts,
      fromWorker: navigator.serviceWorker?.controller != null,
    };
  }, markPrefix);
}

async function newContext(browser, inputs, subject, serviceWorkers) {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, serviceWorkers });
  await context.route(OFFICE_JS_CDN, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: inputs.officeStub }));
  await context.addInitScript(interactiveProbe, subject.wait);
  return context;
}

async function loadOnce(context, url, errors) {
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(`${url}: ${error.message}`));
  try {
    await page.goto(url, { waitUntil: "commit" });
    return await measure(page, PANE_MARK_PREFIX);
  } finally {
    await page.close();
  }
}

/**
 * `rounds` rounds of `loads` loads of each page, cold and warm, interleaved page by page so that all
 * three see the same machine. Returns { [key]: { cold: [load], warm: [load], coldRounds: [[load]], warmRounds } }.
 */
export async function runSideBySide(browser, { base, inputs, rounds, loads, warmup, errors, progress }) {
  const results = Object.fromEntries(SUBJECTS.map((s) => [s.key, { cold: [], warm: [], coldRounds: [], warmRounds: [] }]));
  const warmContexts = {};
  for (const subject of SUBJECTS) {
    warmContexts[subject.key] = await newContext(browser, inputs, subject, "allow");
    // The first loads fill the caches and register the panes' service worker.
    for (let i = 0; i < warmup; i += 1) await loadOnce(warmContexts[subject.key], base + subject.path, errors);
  }
  for (let round = 0; round < rounds; round += 1) {
    for (const subject of SUBJECTS) {
      results[subject.key].coldRounds.push([]);
      results[subject.key].warmRounds.push([]);
    }
    for (let i = 0; i < loads; i += 1) {
      for (const subject of SUBJECTS) {
        const cold = await newContext(browser, inputs, subject, "block");
        try {
          results[subject.key].coldRounds[round].push(await loadOnce(cold, base + subject.path, errors));
        } finally {
          await cold.close();
        }
        results[subject.key].warmRounds[round].push(await loadOnce(warmContexts[subject.key], base + subject.path, errors));
      }
      progress?.(round * loads + i + 1, rounds * loads);
    }
  }
  for (const context of Object.values(warmContexts)) await context.close();
  for (const subject of SUBJECTS) {
    results[subject.key].cold = results[subject.key].coldRounds.flat();
    results[subject.key].warm = results[subject.key].warmRounds.flat();
  }
  return results;
}

/**
 * One cold and one warm load of each page under Chromium's tracing: where the main thread's time
 * went before the page was interactive (script evaluation and compilation per script, style and
 * layout, paint), with the page's own marks and script fetches.
 */
export async function traceSideBySide(browser, { base, inputs, errors }) {
  const traces = {};
  for (const subject of SUBJECTS) {
    traces[subject.key] = {};
    const warm = await newContext(browser, inputs, subject, "allow");
    for (let i = 0; i < 2; i += 1) await loadOnce(warm, base + subject.path, errors);
    for (const kind of ["cold", "warm"]) {
      const context = kind === "cold" ? await newContext(browser, inputs, subject, "block") : warm;
      const page = await context.newPage();
      page.on("pageerror", (error) => errors.push(`${subject.path}: ${error.message}`));
      await browser.startTracing(page, { categories: ["toplevel", "devtools.timeline", "v8", "v8.execute", "blink.user_timing", "loading"] });
      await page.goto(base + subject.path, { waitUntil: "commit" });
      const load = await measure(page, PANE_MARK_PREFIX);
      const buffer = await browser.stopTracing();
      await page.close();
      if (kind === "cold") await context.close();
      traces[subject.key][kind] = { load, breakdown: mainThreadBreakdown(JSON.parse(buffer.toString("utf8")).traceEvents, load.interactive) };
    }
    await warm.close();
  }
  return traces;
}

/** Totals of the renderer main thread's top-level work from navigation start until `untilMs`, by kind. */
export function mainThreadBreakdown(events, untilMs) {
  const navigations = events.filter((e) => e.name === "navigationStart" && e.args?.data?.isLoadingMainFrame && e.args?.data?.documentLoaderURL?.startsWith("http"));
  const navigation = navigations.at(-1);
  if (navigation === undefined) return undefined;
  const thread = (e) => e.pid === navigation.pid && e.tid === navigation.tid;
  const start = navigation.ts;
  const end = start + untilMs * 1000;
  const inWindow = events.filter((e) => thread(e) && e.ph === "X" && e.ts >= start && e.ts <= end);
  const sum = (names) => inWindow.filter((e) => names.includes(e.name)).reduce((a, e) => a + (Math.min(e.ts + e.dur, end) - e.ts), 0) / 1000;
  const scripts = {};
  for (const e of inWindow.filter((x) => x.name === "EvaluateScript")) {
    const name = (e.args?.data?.url ?? "(inline)").replace(/^.*\//, "").replace(/\?.*$/, "") || "(inline)";
    scripts[name] = (scripts[name] ?? 0) + e.dur / 1000;
  }
  const busyMs = sum(["RunTask", "ThreadControllerImpl::RunTask"]);
  const evaluateScriptMs = sum(["EvaluateScript"]);
  const styleLayoutMs = sum(["UpdateLayoutTree", "Layout"]);
  const paintMs = sum(["Paint", "PrePaint", "Layerize"]);
  const parseHtmlMs = sum(["ParseHTML"]);
  return {
    untilMs,
    busyMs,
    evaluateScriptMs,
    // Inside the evaluation: compiling the scripts' top-level code and the functions it ran.
    compileMs: sum(["v8.compile"]),
    scripts,
    styleLayoutMs,
    paintMs,
    parseHtmlMs,
    // The rest of the main thread's work: promise callbacks, React's rendering, timers, the stand-in's answers.
    otherMs: Math.max(0, busyMs - evaluateScriptMs - styleLayoutMs - paintMs - parseHtmlMs),
  };
}
