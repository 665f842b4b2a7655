/**
 * The panes beside Microsoft's React task pane template (the project `yo office` generates for a
 * React add-in, converted to Outlook and built for production), in one run of bench/panes.bench.mjs
 * (docs/BENCHMARKS.md, Panes). All three pages are served by one local server with the same
 * headers (ETag, `Cache-Control: no-cache`, as a static host revalidates) and load Office.js from
 * Microsoft's CDN address, which is answered with the same Office.js stand-in (it answers every
 * call at once, so only the page itself is timed). Two drivers load the pages: playwright-core
 * (playwrightDriver: DevTools attached, the stand-in routed by the context) and a Chromium with no
 * DevTools in the page (bench/plainChromium.mjs), as users' browsers run them.
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

/** Sends `body` as a static host would: `Cache-Control: no-cache` with an ETag, 304 when the browser's copy is current. */
export function sendRevalidated(request, response, body, contentType) {
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  const headers = { "Content-Type": contentType, "Cache-Control": "no-cache", ETag: etag };
  if (request.headers["if-none-match"] === etag) response.writeHead(304, headers).end();
  else response.writeHead(200, headers).end(body);
}

/**
 * One server for both builds: /template/… from the template's folder, everything else from ours.
 * Revalidated with ETags. `headStart(pathname)`, when given, returns markup to put first in <head>
 * of that page (the probe of the DevTools-free mode, bench/plainChromium.mjs), and `onRequest` may
 * answer a request itself (returns true).
 */
export async function startComparisonServer({ buildDir, templateDir, headStart, onRequest }) {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (onRequest?.(request, response, url)) return;
    const [base, rest] = url.pathname.startsWith("/template/") ? [templateDir, url.pathname.slice("/template".length)] : [buildDir, url.pathname];
    const file = path.resolve(base, `.${path.posix.normalize(decodeURIComponent(rest))}`);
    if (!file.startsWith(base + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    let body = readFileSync(file);
    const inject = path.extname(file) === ".html" ? headStart?.(url.pathname) : undefined;
    if (inject !== undefined) {
      const html = body.toString("utf8");
      const head = /<head(\s[^>]*)?>/i.exec(html);
      // The page then never reports, and the load's timeout names it.
      if (!head) return void response.writeHead(500).end(`${url.pathname} has no <head> to put the bench's probe in.`);
      body = Buffer.from(html.slice(0, head.index + head[0].length) + inject + html.slice(head.index + head[0].length));
    }
    sendRevalidated(request, response, body, CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream");
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * Runs in every page before its scripts: records when the wanted button became usable, from a
 * MutationObserver (so the time does not depend on how often the harness polls), and offers the
 * load's figures (ms from navigation start) as window.__benchLoad.figures(). With `beacon` (the
 * DevTools-free mode, where nothing can ask the page) it sends them there itself once the page is
 * interactive and DOMContentLoaded is over, with the page's errors. Self-contained: Playwright
 * and the comparison server put its source in the page.
 */
export function interactiveProbe({ wait, prefix, beacon, key }) {
  const errors = [];
  const figures = () => {
    const navigation = performance.getEntriesByType("navigation")[0];
    const paint = performance.getEntriesByType("paint").find((p) => p.name === "first-contentful-paint");
    const marks = Object.fromEntries(performance.getEntriesByType("mark").filter((m) => m.name.startsWith(prefix)).map((m) => [m.name.slice(prefix.length), m.startTime]));
    const scripts = performance
      .getEntriesByType("resource")
      .filter((r) => /\.js(\?|$)/.test(r.name))
      .map((r) => ({ name: new URL(r.name).pathname.replace(/^.*\//, ""), start: r.startTime, end: r.responseEnd }));
    return {
      interactive: probe.interactive,
      domContentLoaded: navigation?.domContentLoadedEventEnd,
      firstContentfulPaint: paint?.startTime,
      marks,
      scripts,
      fromWorker: navigator.serviceWorker?.controller != null,
    };
  };
  const probe = { interactive: undefined, figures };
  window.__benchLoad = probe;
  const usable = () => {
    const buttons = [...document.querySelectorAll("button")];
    if (wait.kind === "first-button") return buttons.some((b) => b.getClientRects().length > 0);
    return buttons.some((b) => b.textContent.trim() === wait.name && !b.disabled && b.getAttribute("aria-disabled") !== "true" && b.getClientRects().length > 0);
  };
  const report = () => {
    // After the next frame (first-contentful-paint recorded) or 100 ms, whichever comes first.
    let sent = false;
    const send = () => {
      if (sent) return;
      sent = true;
      navigator.sendBeacon(beacon, JSON.stringify({ key, ...figures(), errors }));
    };
    requestAnimationFrame(() => setTimeout(send, 0));
    setTimeout(send, 100);
  };
  const check = () => {
    if (probe.interactive !== undefined || !usable()) return;
    probe.interactive = performance.now();
    if (beacon === undefined) return;
    // domContentLoadedEventEnd is set once the event's listeners are done.
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => setTimeout(report, 0));
    else report();
  };
  if (beacon !== undefined) {
    window.addEventListener("error", (event) => errors.push(String(event.message)));
    window.addEventListener("unhandledrejection", (event) => errors.push(`Unhandled rejection: ${event.reason?.message ?? event.reason}`));
  }
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
}

/** What one load measured, ms from its navigation start. */
async function measure(page) {
  await page.waitForFunction(() => window.__benchLoad?.interactive !== undefined, null, { timeout: 20_000 });
  return page.evaluate(() => window.__benchLoad.figures());
}

async function newContext(browser, inputs, subject, serviceWorkers) {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, serviceWorkers });
  await context.route(OFFICE_JS_CDN, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: inputs.officeStub }));
  await context.addInitScript(interactiveProbe, { wait: subject.wait, prefix: PANE_MARK_PREFIX });
  return context;
}

async function loadOnce(context, url, errors) {
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(`${url}: ${error.message}`));
  try {
    await page.goto(url, { waitUntil: "commit" });
    return await measure(page);
  } finally {
    await page.close();
  }
}

/** The Playwright way of loading a page (DevTools attached): contexts with the stand-in routed and the probe as an init script. */
export function playwrightDriver(browser, inputs) {
  return {
    open: (subject, kind) => newContext(browser, inputs, subject, kind === "warm" ? "allow" : "block"),
    load: (context, subject, base, errors) => loadOnce(context, base + subject.path, errors),
    close: (context) => context.close(),
  };
}

/**
 * `rounds` rounds of `loads` loads of each page, cold and warm, interleaved page by page so that all
 * three see the same machine. `driver` opens a browser context per page and kind (`open(subject,
 * "cold" | "warm")`), loads a page in it and closes it: playwrightDriver above, or the
 * DevTools-free one (bench/plainChromium.mjs). Returns { [key]: { cold: [load], warm: [load],
 * coldRounds: [[load]], warmRounds } }.
 */
export async function runSideBySide(driver, { base, rounds, loads, warmup, errors, progress }) {
  const results = Object.fromEntries(SUBJECTS.map((s) => [s.key, { cold: [], warm: [], coldRounds: [], warmRounds: [] }]));
  const warmContexts = {};
  try {
    for (const subject of SUBJECTS) {
      warmContexts[subject.key] = await driver.open(subject, "warm");
      // The first loads fill the caches and register the panes' service worker.
      for (let i = 0; i < warmup; i += 1) await driver.load(warmContexts[subject.key], subject, base, errors);
    }
    for (let round = 0; round < rounds; round += 1) {
      for (const subject of SUBJECTS) {
        results[subject.key].coldRounds.push([]);
        results[subject.key].warmRounds.push([]);
      }
      for (let i = 0; i < loads; i += 1) {
        for (const subject of SUBJECTS) {
          const cold = await driver.open(subject, "cold");
          try {
            results[subject.key].coldRounds[round].push(await driver.load(cold, subject, base, errors));
          } finally {
            await driver.close(cold);
          }
          results[subject.key].warmRounds[round].push(await driver.load(warmContexts[subject.key], subject, base, errors));
        }
        progress?.(round * loads + i + 1, rounds * loads);
      }
    }
  } finally {
    for (const context of Object.values(warmContexts)) await driver.close(context);
  }
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
      const load = await measure(page);
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
