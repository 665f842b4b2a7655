/**
 * npm run bench:panes: the panes' budgets on this machine (docs/BENCHMARKS.md, Panes).
 *
 * Builds the add-in for production (webpack --mode production, into a temporary directory so a
 * concurrent `npm run test:e2e` keeps its dist/), serves it, drives Debian's Chromium with
 * playwright-core and measures, side by side in one run after a warm-up:
 *   - initial JavaScript of each pane page (bytes, gzip level 9), Office.js excluded, and the send
 *     handler's bundles, against their budgets (bench/budgets.mjs);
 *   - the shipped pane pages beside Microsoft's React task pane template, all three on the same
 *     Office.js stand-in, cold and warm, in interleaved rounds (bench/sideBySide.mjs), twice: first
 *     with no DevTools in the page, as users' browsers run them (a Chromium of our own, driven at
 *     browser level only, bench/plainChromium.mjs; the 0.8× target is judged on these), then with
 *     DevTools attached, as playwright-core and the browser tests measure (printed and written beside);
 *     and with --trace (on by default) one traced cold and warm load of each through playwright-core:
 *     where the main thread's time goes;
 *   - the panes on Microsoft's office.js, as Outlook on the web opens them: inside the playground
 *     (served on HTTPS, its page playing the host), from the pane frame's navigation start (its
 *     performance.timeOrigin) to interactive (compose: "Add tracking token" enabled; read: its
 *     heading and the decoded token shown): office.js's loader, outlook-web-16.01.js and the
 *     handshake with the host included. Cold, every file from the server (service workers blocked;
 *     the server sends no-store), and warm, from the copy the pane's service worker keeps
 *     (docs/OFFLINE.md), the four interleaved;
 *   - click to subject updated in the playground's mailbox model, online and offline, one fresh
 *     draft per stamp (a draft keeps its token);
 *   - falling back to offline when the mailbox stops answering (roaming saves hang, navigator.onLine
 *     stays true), with the longest requestAnimationFrame gap in the pane meanwhile.
 * Prints a table with PASS/MISS per budget and writes the "Panes" section of docs/BENCHMARKS.md.
 * It reports, it does not judge: a MISS exits 0; a harness error (no Chromium, a build error, a
 * pane that never became ready) exits 1.
 *
 * Options: --rounds N (3) and --round-loads N (15): the side-by-side loads; --template DIR (Microsoft's
 * template, built) and --office-stub FILE (the Office.js stand-in), by default the copies kept beside
 * this repository; --no-template (leave the comparison out), --no-devtools-free (only the
 * playwright-core loads; the target is then judged on them, and says so), --devtools-only (the
 * same), --no-devtools (only the DevTools-free loads), --no-trace; --loads N (10 per pane,
 * cold and warm, in the playground on office.js), --stamps N (100 per mode), --bare-stamps N (30 per
 * mode, with the playground host's simulated latencies at 0, to see our own code's share),
 * --fallbacks N (5), --warmup N (2), --no-write (print only), --keep-build (leave the temporary build
 * for inspection). --quick: 1 round of 5, 20 stamps,
 * 10 bare stamps, 2 fallbacks.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { buildAddIn, findChromium, launchBrowser, openPlayground, startHttpsServer } from "../test/e2e/browserKit.mjs";
import { initialJavaScript, initialStylesheets, SIZE_BUDGETS, sizeBudgets } from "./budgets.mjs";
import { bundleComposition } from "./bundleComposition.mjs";
import { renderSection } from "./panesReport.mjs";
import { withoutDevTools } from "./plainChromium.mjs";
import { PANE_MARK_PREFIX, playwrightDriver, runSideBySide, sideBySideInputs, startComparisonServer, SUBJECTS, traceSideBySide } from "./sideBySide.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const BUDGET = {
  initialGzipBytes: SIZE_BUDGETS.paneInitialGzipBytes, // "100 KB": read as 1 KB = 1,000 bytes, the stricter reading
  handlerGzipBytes: SIZE_BUDGETS.handlerGzipBytes,
  /** A pane is interactive at most this share of the template's first-button time (median, cold and warm). */
  templateRatio: 0.8,
  stampP95OfflineMs: 50,
  stampP95OnlineMs: 100,
  fallbackMs: 1_500,
};
/** A stamp during which the page went this long without a frame was starved of CPU (or ran long). */
const STARVED_GAP_MS = 50;
const budgetFor = (mode) => (mode === "online" ? BUDGET.stampP95OnlineMs : BUDGET.stampP95OfflineMs);
/** A frame gap this long counts as the pane being frozen (RAIL: respond to input within 100 ms). */
const FROZEN_FRAME_GAP_MS = 100;
/** Long enough never to settle during the run, short enough for setTimeout (at most 2^31 - 1). */
const HANG_MS = 24 * 60 * 60 * 1000;
/** The playground host's simulated latencies as the playground starts (read from it), restored after each change. */
let HOST_LATENCY = { itemLatencyMs: 5, roamingLatencyMs: 40 };
const SUBJECT = "Quote for 40 units, delivery in March";

/** Microsoft's template, built, and the Office.js stand-in: by default the copies kept in the folder beside this repository. */
const SIBLINGS = path.join(root, "..", "shared");
const DEFAULT_TEMPLATE = path.join(SIBLINGS, "baselines", "office-addin-taskpane-react");
const DEFAULT_OFFICE_STUB = path.join(SIBLINGS, "bench", "office-stub.js");

function parseArgs(argv) {
  const options = {
    rounds: 3,
    roundLoads: 15,
    template: DEFAULT_TEMPLATE,
    officeStub: DEFAULT_OFFICE_STUB,
    compare: true,
    devtoolsFree: true,
    devtools: true,
    trace: true,
    loads: 10,
    stamps: 100,
    bareStamps: 30,
    fallbacks: 5,
    warmup: 2,
    write: true,
    keepBuild: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const number = () => {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) throw new Error(`${arg} needs a positive whole number.`);
      return value;
    };
    const file = () => {
      const value = argv[++i];
      if (value === undefined || value.startsWith("--")) throw new Error(`${arg} needs a path.`);
      return path.resolve(value);
    };
    if (arg === "--rounds") options.rounds = number();
    else if (arg === "--round-loads") options.roundLoads = number();
    else if (arg === "--template") options.template = file();
    else if (arg === "--office-stub") options.officeStub = file();
    else if (arg === "--no-template") options.compare = false;
    else if (arg === "--no-devtools-free" || arg === "--devtools-only") options.devtoolsFree = false;
    else if (arg === "--no-devtools") options.devtools = false;
    else if (arg === "--no-trace") options.trace = false;
    else if (arg === "--trace") options.trace = true;
    else if (arg === "--quick") Object.assign(options, { rounds: 1, roundLoads: 5, loads: 5, stamps: 20, bareStamps: 10, fallbacks: 2, warmup: 1 });
    else if (arg === "--loads") options.loads = number();
    else if (arg === "--stamps") options.stamps = number();
    else if (arg === "--bare-stamps") options.bareStamps = number();
    else if (arg === "--fallbacks") options.fallbacks = number();
    else if (arg === "--warmup") options.warmup = number();
    else if (arg === "--no-write") options.write = false;
    else if (arg === "--keep-build") options.keepBuild = true;
    else throw new Error(`Unknown option ${arg}.`);
  }
  if (!options.devtoolsFree && !options.devtools) throw new Error("--no-devtools-free with --no-devtools leaves no side-by-side loads; to leave the comparison out, use --no-template.");
  return options;
}

// ---------------------------------------------------------------- statistics and formatting

function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
  const median = sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { n: sorted.length, median, p95: rank(0.95), min: sorted[0], max: sorted[sorted.length - 1], mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

const ms = (value) => (value === undefined ? "n/a" : `${value.toFixed(value < 10 ? 1 : 0)} ms`);
const bytes = (value) => value.toLocaleString("en-US");
const kb = (value) => `${(value / 1000).toFixed(1)} KB`;
const verdict = (met) => (met ? "PASS" : "MISS");

function table(headers, rows, align) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (align[i] === "r" ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join("  ");
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

function markdownTable(headers, rows, align) {
  return [
    `| ${headers.join(" | ")} |`,
    `|${align.map((a) => (a === "r" ? "---:" : "---")).join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

// ---------------------------------------------------------------- build and sizes

/**
 * The chunks a pane may load later (import()), not part of its initial JavaScript: those whose
 * content hash the pane's scripts name (webpack's runtime maps chunk ids to file names).
 */
function lazyChunks(distDir, paneScripts) {
  const dir = path.join(distDir, "chunks");
  if (!existsSync(dir)) return [];
  const runtime = paneScripts.map((file) => readFileSync(file, "utf8")).join("\n");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".js"))
    .map((name) => ({ name, hash: /\.([0-9a-f]{8})\.js$/.exec(name)?.[1] }))
    .filter(({ hash }) => hash !== undefined && runtime.includes(`"${hash}"`))
    .map(({ name }) => {
      const content = readFileSync(path.join(dir, name));
      return { src: `chunks/${name}`, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
}

/** Where the build keeps Microsoft's office.js and the files it loads for the playground's pane pages (webpack.config.js). */
const OFFICE_JS_FOLDER = "playground/office-js";

/**
 * Office.js is not ours: the sizes of the build's copies (the package's files as they ship) that a
 * playground pane fetched from the office.js folder, for scale. `fetched`: paths under that folder,
 * from the pane frames' resource timings; office.js's loader and its Outlook on the web script first.
 */
function officeJsSizes(distDir, fetched) {
  const dir = path.join(distDir, OFFICE_JS_FOLDER);
  const measure = (name) => {
    const content = readFileSync(path.join(dir, name));
    return { name, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
  };
  const { version } = JSON.parse(readFileSync(path.join(root, "node_modules", "@microsoft", "office-js", "package.json"), "utf8"));
  const loader = measure("office.js");
  const host = measure("outlook-web-16.01.js");
  const others = [...fetched].filter((name) => name.endsWith(".js") && ![loader.name, host.name, "pane-device.js"].includes(name)).sort().map(measure);
  return { version, loader, host, others };
}

// ---------------------------------------------------------------- the browser

/**
 * Runs in every pane page before its scripts: records, against performance.timeOrigin (the
 * navigation start), when the pane became interactive and when its mode badge first said Online,
 * Checking or Offline, and every change of the badge since. Pane pages only.
 */
function paneTimelineScript() {
  const surface = /compose\.html$/.test(location.pathname) ? "compose" : /read\.html$/.test(location.pathname) ? "read" : null;
  if (surface === null) return;
  const timeline = { interactive: undefined, badge: {}, transitions: [] };
  window.__benchTimeline = timeline;
  const addButton = () => [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Add tracking token");
  const interactive = () => {
    if (surface === "compose") {
      const button = addButton();
      return Boolean(button) && !button.disabled && button.getAttribute("aria-disabled") !== "true";
    }
    // The read pane: its heading, and the selected message's token decoded (its parts shown).
    return Boolean(document.querySelector("main h1")) && Boolean(document.querySelector('main [role="group"][aria-label^="Parts of "]'));
  };
  const check = () => {
    const now = performance.now();
    if (timeline.interactive === undefined && interactive()) timeline.interactive = now;
    const status = document.querySelector('[role="status"][aria-label="Token mode"]');
    if (status) {
      const text = status.textContent ?? "";
      const word = ["Online", "Checking", "Offline"].find((w) => text.startsWith(w));
      if (word !== undefined && timeline.transitions.at(-1)?.word !== word) {
        timeline.transitions.push({ word, t: now });
        timeline.badge[word] ??= now;
      }
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
}

/** The message the read pane shows during its loads: one token of ours (src/playground/model/samples.ts). */
const READ_MESSAGE = "inbox-ours";

/**
 * One pane load in the playground, as Outlook on the web opens a pane: compose, a new message (its
 * own pane frame); read, the pinned pane's frame navigated anew (a reload: the playground keeps one
 * read frame). Timed in the frame against its performance.timeOrigin, by paneTimelineScript.
 */
async function loadInPlayground(page, surface) {
  let frame;
  if (surface === "compose") frame = await newDraft(page);
  else {
    const element = await page.waitForSelector('iframe[data-surface="read"]', { state: "attached" });
    frame = await element.contentFrame();
    if (!frame) throw new Error("The read pane iframe has no frame.");
    // The old document says it is old, so the wait below sees only the reloaded one.
    await frame.evaluate(() => {
      window.__benchOld = true;
      setTimeout(() => location.reload(), 0);
    });
  }
  await describeOnFailure(frame, `the ${surface} pane interactive`, () =>
    waitAcrossNavigation(frame, () => window.__benchOld === undefined && window.__benchTimeline?.interactive !== undefined),
  );
  const load = await frame.evaluate(([markPrefix, officeFolder]) => {
    const navigation = performance.getEntriesByType("navigation")[0];
    const marks = Object.fromEntries(performance.getEntriesByType("mark").filter((m) => m.name.startsWith(markPrefix)).map((m) => [m.name.slice(markPrefix.length), m.startTime]));
    const officeFiles = performance.getEntriesByType("resource").map((r) => new URL(r.name).pathname).filter((p) => p.startsWith(officeFolder)).map((p) => p.slice(officeFolder.length));
    // Microsoft's office.js runs in the frame when its runtime (OSF.DDA) is there beside the loader.
    const office = [...document.scripts].map((s) => s.src).find((src) => /(^|\/)office\.js$/.test(new URL(src || location.href).pathname)) ?? "";
    return {
      interactive: window.__benchTimeline.interactive,
      domContentLoaded: navigation?.domContentLoadedEventEnd,
      marks,
      officeFiles,
      fromWorker: navigator.serviceWorker?.controller != null,
      officeJs: typeof window.OSF === "object" && typeof window.OSF.DDA === "object" ? new URL(office || location.href).pathname : "(no OSF.DDA)",
    };
  }, [PANE_MARK_PREFIX, `/${OFFICE_JS_FOLDER}/`]);
  if (surface === "compose") await page.evaluate(() => window.__playground.discardDraft());
  return load;
}

/** A wait in a frame that may navigate meanwhile (a reload destroys the context the wait runs in). */
async function waitAcrossNavigation(frame, predicate) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      return await frame.waitForFunction(predicate, null, { timeout: Math.max(1, deadline - Date.now()) });
    } catch (error) {
      if (Date.now() >= deadline || !/context was destroyed|navigat/i.test(error.message)) throw error;
    }
  }
}

// ---------------------------------------------------------------- the playground: stamps

/** Opens a fresh draft (its own compose pane iframe) and returns the pane's frame once it loaded. */
async function newDraft(page) {
  await page.evaluate((subject) => {
    document.querySelector('iframe[data-surface="compose"]')?.setAttribute("data-bench-old", "");
    window.__playground.composeNew();
    window.__playground.setSubject(subject);
  }, SUBJECT);
  const element = await page.waitForSelector('iframe[data-surface="compose"]:not([data-bench-old])', { state: "attached" });
  const frame = await element.contentFrame();
  if (!frame) throw new Error("The compose pane iframe has no frame.");
  await frame.waitForURL(/\/compose\.html([?#]|$)/);
  return frame;
}

/** Waits until Add is enabled and the badge shows `mode` (online: with nothing left to sync). */
async function waitForReadyPane(frame, mode) {
  await describeOnFailure(frame, `the compose pane ready ${mode}`, () => frame.waitForFunction(
    (wanted) => {
      const button = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Add tracking token");
      if (!button || button.disabled || button.getAttribute("aria-disabled") === "true") return false;
      const text = document.querySelector('[role="status"][aria-label="Token mode"]')?.textContent ?? "";
      // Online, the queued offline activities are synced first, so a stamp does not race the sync.
      return wanted === "online" ? text.startsWith("Online") && !/waiting to sync/.test(text) : text.startsWith("Offline");
    },
    mode,
    { timeout: 15_000 },
  ));
}

/** A wait that failed says what the pane showed, for the harness error. */
async function describeOnFailure(frame, what, wait) {
  try {
    return await wait();
  } catch (error) {
    const shown = await frame.evaluate(() => document.body?.innerText ?? "(no body)").catch((e) => `(unreadable: ${e.message})`);
    throw new Error(`Waiting for ${what} failed (${error.message.split("\n")[0]}). The pane showed:\n${shown}`);
  }
}

/**
 * In the pane: t0 when the click reaches the window (capture), t1 when the mailbox model's draft
 * subject changes, t2 when the pane shows "Remove tracking token". One clock: the pane's.
 */
function armStampProbe(frame) {
  return frame.evaluate(() => {
    const model = window.parent.__playground.model;
    const before = model.getState().draft?.subject;
    const probe = { t0: undefined, t1: undefined, t2: undefined, subject: undefined, maxGap: 0 };
    window.__benchStamp = probe;
    // Frames keep coming while a stamp waits on timers and IndexedDB; a long gap between the click
    // and the subject update means the page got no CPU (or did long work): it tells noise from code.
    let last = performance.now();
    const frame = () => {
      const now = performance.now();
      if (probe.t0 !== undefined && probe.t1 === undefined) probe.maxGap = Math.max(probe.maxGap, now - Math.max(last, probe.t0));
      last = now;
      if (probe.t2 === undefined) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    window.addEventListener("click", () => {
      if (probe.t0 === undefined) probe.t0 = performance.now();
    }, { capture: true });
    const off = model.subscribeState(() => {
      const subject = model.getState().draft?.subject;
      if (probe.t1 === undefined && subject !== undefined && subject !== before) {
        probe.t1 = performance.now();
        probe.subject = subject;
        off();
      }
    });
    window.addEventListener("pagehide", off);
    new MutationObserver((_, observer) => {
      if (probe.t2 === undefined && [...document.querySelectorAll("button")].some((b) => b.textContent.trim() === "Remove tracking token")) {
        probe.t2 = performance.now();
        observer.disconnect();
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

const addButton = (frame) => frame.getByRole("button", { name: "Add tracking token" });

async function stampOnce(page, mode) {
  const frame = await newDraft(page);
  await waitForReadyPane(frame, mode);
  await armStampProbe(frame);
  await addButton(frame).click();
  await frame.waitForFunction(() => window.__benchStamp.t1 !== undefined && window.__benchStamp.t2 !== undefined, null, { timeout: 15_000 });
  const probe = await frame.evaluate(() => window.__benchStamp);
  const designator = /CRM:([01])\d{7}/.exec(probe.subject ?? "")?.[1];
  return { mode, subjectMs: probe.t1 - probe.t0, shownMs: probe.t2 - probe.t0, maxGapMs: probe.maxGap, subject: probe.subject, designator };
}

async function setOffline(page, offline) {
  await page.evaluate((value) => window.__playground.setOffline(value), offline);
}

// ---------------------------------------------------------------- the playground: fallback

/**
 * The mailbox stops answering while an online pane is open and the user clicks Add at once:
 * roaming saves hang (they never call back), navigator.onLine stays true. Measured in the pane
 * from the moment saves start hanging: the offline token in the subject, the badge at Offline,
 * and the longest frame gap (a requestAnimationFrame loop) until both happened.
 */
async function fallbackOnce(page) {
  await page.evaluate((latency) => window.__playground.setOptions(latency), HOST_LATENCY);
  const frame = await newDraft(page);
  await waitForReadyPane(frame, "online");
  await armStampProbe(frame);
  // A second of frames before the outage: the noise floor of the frame gap on this machine.
  await frame.evaluate(
    (hangMs) =>
      new Promise((resolve) => {
        const gaps = { idle: 0, outage: 0, outageAt: undefined, frames: 0 };
        const probe = { gaps, hangAt: undefined, stop: false };
        window.__benchFallback = probe;
        let last = performance.now();
        const loop = () => {
          const now = performance.now();
          const gap = now - last;
          last = now;
          if (probe.hangAt === undefined) gaps.idle = Math.max(gaps.idle, gap);
          else {
            if (gap > gaps.outage) {
              gaps.outage = gap;
              gaps.outageAt = now - probe.hangAt; // when the gap ended, from the outage
            }
            gaps.frames += 1;
          }
          if (!probe.stop) requestAnimationFrame(loop);
        };
        requestAnimationFrame(loop);
        setTimeout(() => {
          window.parent.__playground.setOptions({ roamingLatencyMs: hangMs });
          probe.hangAt = performance.now();
          last = probe.hangAt;
          resolve();
        }, 1000);
      }),
    HANG_MS,
  );
  await addButton(frame).click();
  await frame.waitForFunction(
    () => window.__benchStamp.t1 !== undefined && window.__benchTimeline.transitions.some((x) => x.word === "Offline" && x.t >= window.__benchFallback.hangAt),
    null,
    { timeout: 15_000 },
  );
  // Frames for a little longer, then stop the loop.
  await frame.waitForTimeout(200);
  const result = await frame.evaluate(() => {
    const probe = window.__benchFallback;
    probe.stop = true;
    const after = (word) => window.__benchTimeline.transitions.find((x) => x.word === word && x.t >= probe.hangAt)?.t;
    return { hangAt: probe.hangAt, gaps: probe.gaps, stamp: window.__benchStamp, offlineAt: after("Offline"), checkingAt: after("Checking") };
  });
  await page.evaluate((latency) => window.__playground.setOptions(latency), HOST_LATENCY);
  const designator = /CRM:([01])\d{7}/.exec(result.stamp.subject ?? "")?.[1];
  return {
    clickMs: result.stamp.t0 - result.hangAt,
    stampMs: result.stamp.t1 - result.hangAt,
    badgeMs: result.offlineAt - result.hangAt,
    checkingMs: result.checkingAt === undefined ? undefined : result.checkingAt - result.hangAt,
    designator,
    maxGapMs: result.gaps.outage,
    maxGapEndedMs: result.gaps.outageAt,
    idleMaxGapMs: result.gaps.idle,
  };
}

/**
 * A pane opened while the mailbox already hangs: from the pane's navigation start, when it became
 * interactive and when its badge left Checking for Offline (the first ping's timeout).
 */
async function openDuringOutage(page) {
  await page.evaluate((hangMs) => window.__playground.setOptions({ roamingLatencyMs: hangMs }), HANG_MS);
  const frame = await newDraft(page);
  await frame.waitForFunction(() => window.__benchTimeline?.badge.Offline !== undefined && window.__benchTimeline.interactive !== undefined, null, { timeout: 15_000 });
  const timeline = await frame.evaluate(() => window.__benchTimeline);
  await page.evaluate((latency) => window.__playground.setOptions(latency), HOST_LATENCY);
  return { interactiveMs: timeline.interactive, offlineMs: timeline.badge.Offline, onlineShown: timeline.badge.Online !== undefined };
}

// ---------------------------------------------------------------- the report

/** The two ways the side-by-side loads run, in words. */
const SIDE_BY_SIDE_MODES = {
  plain: "no DevTools in the page: as users' browsers run them",
  devtools: "DevTools attached, as playwright-core and the browser tests measure",
};

/** Medians per page and kind (all loads, and each round's), and each pane's ratio to the template. */
function compareWithTemplate(sideBySide, options) {
  const figures = {};
  for (const { key, label } of SUBJECTS) {
    figures[key] = { label };
    for (const kind of ["cold", "warm"]) {
      const all = sideBySide[key][kind];
      figures[key][kind] = {
        ...summarize(all.map((l) => l.interactive)),
        rounds: sideBySide[key][`${kind}Rounds`].map((round) => summarize(round.map((l) => l.interactive)).median),
        dcl: summarize(all.map((l) => l.domContentLoaded)).median,
        fcp: all.every((l) => l.firstContentfulPaint !== undefined) ? summarize(all.map((l) => l.firstContentfulPaint)).median : undefined,
        fromWorker: all.filter((l) => l.fromWorker).length,
      };
    }
  }
  for (const pane of ["compose", "read"]) {
    for (const kind of ["cold", "warm"]) figures[pane][kind].ratio = figures[pane][kind].median / figures.template[kind].median;
  }
  figures.rounds = options.rounds;
  figures.roundLoads = options.roundLoads;
  return figures;
}

function machine(chromiumVersion) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown CPU",
    cores: cpus.length,
    node: process.version,
    chromium: chromiumVersion,
    load: os.loadavg()[0],
    date: new Date().toISOString().slice(0, 10),
  };
}

function writeSection(section) {
  const docPath = path.join(root, "docs", "BENCHMARKS.md");
  // Read right before writing: other benchmarks write their own sections of the same file.
  let doc = existsSync(docPath) ? readFileSync(docPath, "utf8") : "# Benchmarks\n\nFigures from real runs on the machine named in each section.\n\n";
  const sectionPattern = /^## Panes\n[\s\S]*?(?=^## |(?![\s\S]))/m;
  doc = sectionPattern.test(doc) ? doc.replace(sectionPattern, `${section}\n`) : `${doc.trimEnd()}\n\n${section}`;
  writeFileSync(docPath, doc.endsWith("\n") ? doc : `${doc}\n`);
  return docPath;
}

// ---------------------------------------------------------------- main

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const startLoad = os.loadavg()[0];
  const chromiumPath = findChromium();
  if (!chromiumPath) throw new Error("Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH).");

  // Checked before the build, so a missing template stops the run at once with what to do.
  const comparison = options.compare ? sideBySideInputs(options.template, options.officeStub) : undefined;
  const outDir = mkdtempSync(path.join(os.tmpdir(), "tracking-tokens-bench-panes-"));
  let server;
  let comparisonServer;
  let browser;
  try {
    console.log(`Building for production into ${outDir} …`);
    const buildStart = Date.now();
    await buildAddIn("production", outDir);
    console.log(`Built in ${((Date.now() - buildStart) / 1000).toFixed(1)} s.`);

    // ---- sizes
    const sizes = {};
    for (const pane of ["compose", "read"]) {
      const shipped = initialJavaScript(outDir, `${pane}.html`);
      if (shipped.ours.length === 0) throw new Error(`${pane}.html loads no script of ours.`);
      const analysis = { composition: bundleComposition(shipped.ours.at(-1).file) };
      const lazy = lazyChunks(outDir, shipped.ours.map((o) => o.file));
      sizes[pane] = { shipped, analysis, lazy, stylesheets: initialStylesheets(outDir, `${pane}.html`) };
    }
    const sizeRows = sizeBudgets(outDir);
    const templateSize = comparison ? initialJavaScript(comparison.templateDir, "taskpane.html") : undefined;

    // ---- the browser
    // HTTPS: office.js trusts only a host on HTTPS (src/playground/outlookHost/README.md).
    server = await startHttpsServer(outDir);
    const base = server.url;
    browser = await launchBrowser(chromiumPath);
    const chromiumVersion = browser.version();
    const errors = [];
    console.log(`Chromium ${chromiumVersion} (${chromiumPath}); serving the build on ${base}`);

    // ---- the shipped panes beside Microsoft's template, on the same Office.js stand-in: without
    // DevTools in the page (the target's figures), then through playwright-core (DevTools attached).
    const sideBySide = {};
    let traces;
    if (comparison) {
      const runOptions = {
        rounds: options.rounds,
        loads: options.roundLoads,
        warmup: options.warmup,
        errors,
        progress: (done, total) => process.stdout.write(`  ${done} / ${total}\r`),
      };
      if (options.devtoolsFree) {
        console.log(`Beside Microsoft's template, no DevTools in the page: ${options.rounds} rounds of ${options.roundLoads} loads of each page, cold and warm …`);
        const plain = await withoutDevTools({ chromiumPath, buildDir: outDir, templateDir: comparison.templateDir, officeStub: comparison.officeStub, errors }, (driver, plainBase) => runSideBySide(driver, { base: plainBase, ...runOptions }));
        sideBySide.plain = plain.results;
        process.stdout.write("\n");
      }
      comparisonServer = await startComparisonServer({ buildDir: outDir, templateDir: comparison.templateDir });
      if (options.devtools) {
        console.log(`Beside Microsoft's template, DevTools attached (playwright-core): ${options.rounds} rounds of ${options.roundLoads} loads of each page, cold and warm …`);
        sideBySide.devtools = await runSideBySide(playwrightDriver(browser, comparison), { base: comparisonServer.base, ...runOptions });
        process.stdout.write("\n");
      }
      for (const [mode, results] of Object.entries(sideBySide)) {
        for (const key of ["compose", "read"]) {
          const fromWorker = results[key].warm.filter((l) => l.fromWorker).length;
          if (fromWorker !== results[key].warm.length) console.log(`Note (${SIDE_BY_SIDE_MODES[mode]}): ${fromWorker} of ${results[key].warm.length} warm ${key} loads came through the service worker.`);
        }
      }
      if (options.trace) {
        console.log("Tracing one cold and one warm load of each (playwright-core) …");
        traces = await traceSideBySide(browser, { base: comparisonServer.base, inputs: comparison, errors });
      }
    }

    // ---- the panes on Microsoft's office.js, inside the playground (the host page), cold and warm.
    // Cold: service workers blocked, so every file comes from the server (no-store). Warm: the
    // worker registered during the warm-up serves the pane pages and office.js's files.
    const LOADS = ["compose", "read"].flatMap((pane) => [`${pane}:cold`, `${pane}:warm`]);
    const hosts = {};
    for (const kind of ["cold", "warm"]) {
      hosts[kind] = await openPlayground(browser, { base, errors, initScript: paneTimelineScript, serviceWorkers: kind === "cold" ? "block" : "allow" });
      await hosts[kind].page.evaluate((id) => window.__playground.selectMessage(id), READ_MESSAGE);
    }
    const loadOnce = (load) => {
      const [pane, kind] = load.split(":");
      return loadInPlayground(hosts[kind].page, pane);
    };
    const { context: playgroundContext, page } = await openPlayground(browser, { base, errors, initScript: paneTimelineScript });
    HOST_LATENCY = await page.evaluate(() => {
      const { itemLatencyMs, roamingLatencyMs } = window.__playground.state.options;
      return { itemLatencyMs, roamingLatencyMs };
    });
    console.log(`Warming up (${options.warmup} loads per pane and kind, ${options.warmup * 2} stamps per mode) …`);
    for (let i = 0; i < options.warmup; i += 1) {
      for (const load of LOADS) await loadOnce(load);
    }
    // The warm loads need the service worker in control: it installs with the first pane page and precaches the build.
    await hosts.warm.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    for (const offline of [false, true]) {
      await setOffline(page, offline);
      for (let i = 0; i < options.warmup * 2; i += 1) await stampOnce(page, offline ? "offline" : "online");
    }
    await setOffline(page, false);

    console.log(`Loading each pane ${options.loads} times cold and warm inside the playground, on Microsoft's office.js …`);
    const loads = Object.fromEntries(LOADS.map((load) => [load, []]));
    for (let i = 0; i < options.loads; i += 1) {
      for (const load of LOADS) loads[load].push(await loadOnce(load));
    }
    for (const host of Object.values(hosts)) await host.context.close();
    for (const load of LOADS) {
      const fromWorker = loads[load].filter((l) => l.fromWorker).length;
      const expected = load.endsWith(":warm") ? loads[load].length : 0;
      if (fromWorker !== expected) throw new Error(`${load}: ${fromWorker} of ${loads[load].length} loads came through the service worker, expected ${expected}.`);
      const notOffice = loads[load].filter((l) => !l.officeJs.endsWith(`/${OFFICE_JS_FOLDER}/office.js`));
      if (notOffice.length > 0) throw new Error(`${load}: ${notOffice.length} loads ran without Microsoft's office.js (${notOffice[0].officeJs}).`);
    }

    // ---- stamps: blocks of online and offline in turn, so both see the same machine
    console.log(`Stamping ${options.stamps} fresh drafts online and ${options.stamps} offline …`);
    const stamps = { online: [], offline: [] };
    const block = Math.min(20, options.stamps);
    while (stamps.online.length < options.stamps || stamps.offline.length < options.stamps) {
      for (const mode of ["online", "offline"]) {
        await setOffline(page, mode === "offline");
        for (let i = 0; i < block && stamps[mode].length < options.stamps; i += 1) stamps[mode].push(await stampOnce(page, mode));
      }
      process.stdout.write(`  ${stamps.online.length + stamps.offline.length} / ${options.stamps * 2}\r`);
    }
    await setOffline(page, false);
    process.stdout.write("\n");

    // ---- the same with the playground host answering at once: what our own code costs
    console.log(`Stamping ${options.bareStamps} drafts per mode with the playground host's latencies at 0 …`);
    const bare = { online: [], offline: [] };
    await page.evaluate(() => window.__playground.setOptions({ itemLatencyMs: 0, roamingLatencyMs: 0 }));
    for (const mode of ["online", "offline"]) {
      await setOffline(page, mode === "offline");
      for (let i = 0; i < options.bareStamps; i += 1) bare[mode].push(await stampOnce(page, mode));
    }
    await setOffline(page, false);
    await page.evaluate((latency) => window.__playground.setOptions(latency), HOST_LATENCY);

    // ---- fallback
    console.log(`Mailbox stops answering: ${options.fallbacks} stamps during an outage, ${options.fallbacks} panes opened during one …`);
    const fallbacks = [];
    const opened = [];
    for (let i = 0; i < options.fallbacks; i += 1) {
      fallbacks.push(await fallbackOnce(page));
      opened.push(await openDuringOutage(page));
    }
    await playgroundContext.close();
    const endLoad = os.loadavg()[0];
    // The machine is shared: its load says how much the tails can be trusted.
    const host = machine(chromiumVersion);
    host.load = endLoad;
    host.startLoad = startLoad;

    // ---- figures
    const tokens = [...stamps.online, ...stamps.offline, ...bare.online, ...bare.offline].map((s) => /CRM:[01]\d{7}/.exec(s.subject ?? "")?.[0]);
    const distinct = new Set(tokens.filter(Boolean)).size;
    const wrongMode = [...stamps.online, ...stamps.offline, ...bare.online, ...bare.offline].filter((s) => s.designator !== (s.mode === "online" ? "0" : "1")).length;
    const fig = {
      // tti.compose / tti.read: in the playground on office.js, cold (from the server); ttiWarm: from the service worker's copy.
      // officeReady: the pane's own mark when Office.onReady resolved (office.js loaded and its handshake with the host done).
      ...Object.fromEntries(
        [["tti", ":cold"], ["ttiWarm", ":warm"]].map(([key, kind]) => [
          key,
          Object.fromEntries(
            ["compose", "read"].map((pane) => {
              const list = loads[pane + kind];
              const officeReady = list.every((l) => l.marks["office-ready"] !== undefined) ? summarize(list.map((l) => l.marks["office-ready"])) : undefined;
              return [pane, { interactive: summarize(list.map((l) => l.interactive)), dcl: summarize(list.map((l) => l.domContentLoaded)), officeReady }];
            }),
          ),
        ]),
      ),
      stamp: Object.fromEntries(
        Object.entries(stamps).map(([mode, list]) => {
          const quarter = Math.max(1, Math.floor(list.length / 4));
          return [
            mode,
            {
              subject: summarize(list.map((s) => s.subjectMs)),
              shown: summarize(list.map((s) => s.shownMs)),
              starved: list.filter((s) => s.maxGapMs >= STARVED_GAP_MS).length,
              overBudget: list.filter((s) => s.subjectMs > budgetFor(mode)).length,
              overBudgetStarved: list.filter((s) => s.subjectMs > budgetFor(mode) && s.maxGapMs >= STARVED_GAP_MS).length,
              fed: list.some((s) => s.maxGapMs < STARVED_GAP_MS) ? summarize(list.filter((s) => s.maxGapMs < STARVED_GAP_MS).map((s) => s.subjectMs)) : undefined,
              firstQuarter: summarize(list.slice(0, quarter).map((s) => s.subjectMs)),
              lastQuarter: summarize(list.slice(-quarter).map((s) => s.subjectMs)),
            },
          ];
        }),
      ),
      bare: Object.fromEntries(Object.entries(bare).map(([mode, list]) => [mode, { subject: summarize(list.map((s) => s.subjectMs)), shown: summarize(list.map((s) => s.shownMs)) }])),
      fallback: {
        click: summarize(fallbacks.map((f) => f.clickMs)),
        stamp: summarize(fallbacks.map((f) => f.stampMs)),
        badge: summarize(fallbacks.map((f) => f.badgeMs)),
        checking: fallbacks.every((f) => f.checkingMs !== undefined) ? summarize(fallbacks.map((f) => f.checkingMs)) : undefined,
        maxGap: summarize(fallbacks.map((f) => f.maxGapMs)),
        worst: fallbacks.reduce((a, f) => (f.maxGapMs > a.maxGapMs ? f : a)),
        idleGap: summarize(fallbacks.map((f) => f.idleMaxGapMs)),
        offlineTokens: fallbacks.filter((f) => f.designator === "1").length,
      },
      opened: {
        interactive: summarize(opened.map((o) => o.interactiveMs)),
        offline: summarize(opened.map((o) => o.offlineMs)),
        afterInteractive: summarize(opened.map((o) => o.offlineMs - o.interactiveMs)),
        showedOnline: opened.filter((o) => o.onlineShown).length,
      },
    };
    const compared = comparison
      ? { plain: sideBySide.plain && compareWithTemplate(sideBySide.plain, options), devtools: sideBySide.devtools && compareWithTemplate(sideBySide.devtools, options) }
      : undefined;
    // The target is judged without DevTools when those loads ran; the other mode's figure stands beside it.
    const judged = compared && (compared.plain ? "plain" : "devtools");
    const besides = compared && (judged === "plain" ? "devtools" : "plain");
    const ratioText = (figures, pane, kind) => `${figures[pane][kind].ratio.toFixed(2)}× (${ms(figures[pane][kind].median)} vs ${ms(figures.template[kind].median)})`;
    const budgets = [
      ...sizeRows.map((row) => ({ name: `${row.name}, gzip`, budget: `≤ ${bytes(row.limit)} bytes`, value: `${bytes(row.gzip)} bytes`, met: row.met })),
      ...(compared
        ? ["compose", "read"].flatMap((pane) =>
            ["cold", "warm"].map((kind) => {
              const figures = compared[judged];
              const other = compared[besides];
              return {
                name: `${pane} interactive vs template's first button, ${kind} (${judged === "plain" ? "no DevTools in the page" : "DevTools attached"})`,
                budget: `≤ ${BUDGET.templateRatio}×`,
                value: `${ratioText(figures, pane, kind)}${other ? `; DevTools ${besides === "devtools" ? "attached" : "free"}: ${ratioText(other, pane, kind)}` : ""}`,
                met: figures[pane][kind].ratio <= BUDGET.templateRatio,
              };
            }),
          )
        : []),
      { name: "stamp p95, online", budget: `≤ ${BUDGET.stampP95OnlineMs} ms`, value: ms(fig.stamp.online.subject.p95), met: fig.stamp.online.subject.p95 <= BUDGET.stampP95OnlineMs },
      { name: "stamp p95, offline", budget: `≤ ${BUDGET.stampP95OfflineMs} ms`, value: ms(fig.stamp.offline.subject.p95), met: fig.stamp.offline.subject.p95 <= BUDGET.stampP95OfflineMs },
      { name: "fallback: offline stamp (max)", budget: `≤ ${bytes(BUDGET.fallbackMs)} ms`, value: ms(fig.fallback.stamp.max), met: fig.fallback.stamp.max <= BUDGET.fallbackMs },
      { name: "fallback: badge Offline (max)", budget: `≤ ${bytes(BUDGET.fallbackMs)} ms`, value: ms(fig.fallback.badge.max), met: fig.fallback.badge.max <= BUDGET.fallbackMs },
      { name: "fallback: longest frame gap", budget: `< ${FROZEN_FRAME_GAP_MS} ms`, value: ms(fig.fallback.maxGap.max), met: fig.fallback.maxGap.max < FROZEN_FRAME_GAP_MS },
    ];

    // ---- console
    console.log("\nInitial JavaScript (shipped pane pages; Office.js from Microsoft's CDN excluded):");
    console.log(
      table(
        ["pane", "scripts", "bytes", "gzip -9"],
        ["compose", "read"].map((p) => [p, sizes[p].shipped.ours.map((s) => s.src).join(", "), bytes(sizes[p].shipped.bytes), bytes(sizes[p].shipped.gzip)]),
        ["l", "l", "r", "r"],
      ),
    );
    for (const pane of ["compose", "read"]) {
      const { composition } = sizes[pane].analysis;
      console.log(`\nLargest parts of ${pane}.js (minified bytes; gzip saved if left out):`);
      console.log(table(["part", "bytes", "gzip saved"], composition.groups.slice(0, 12).map((g) => [g.group, bytes(g.bytes), bytes(g.gzipSaved)]), ["l", "r", "r"]));
    }
    console.log("\nTimings:");
    const timingRows = [
      ["office.js in the playground: compose interactive, cold", ms(fig.tti.compose.interactive.median), ms(fig.tti.compose.interactive.p95), fig.tti.compose.interactive.n],
      ["office.js in the playground: read interactive, cold", ms(fig.tti.read.interactive.median), ms(fig.tti.read.interactive.p95), fig.tti.read.interactive.n],
      ["office.js in the playground: compose interactive, warm", ms(fig.ttiWarm.compose.interactive.median), ms(fig.ttiWarm.compose.interactive.p95), fig.ttiWarm.compose.interactive.n],
      ["office.js in the playground: read interactive, warm", ms(fig.ttiWarm.read.interactive.median), ms(fig.ttiWarm.read.interactive.p95), fig.ttiWarm.read.interactive.n],
      ["click → subject updated, online", ms(fig.stamp.online.subject.median), ms(fig.stamp.online.subject.p95), fig.stamp.online.subject.n],
      ["click → subject updated, offline", ms(fig.stamp.offline.subject.median), ms(fig.stamp.offline.subject.p95), fig.stamp.offline.subject.n],
      ["click → pane shows token, online", ms(fig.stamp.online.shown.median), ms(fig.stamp.online.shown.p95), fig.stamp.online.shown.n],
      ["click → pane shows token, offline", ms(fig.stamp.offline.shown.median), ms(fig.stamp.offline.shown.p95), fig.stamp.offline.shown.n],
      ["online, stamps with no frame gap ≥ 50 ms", ms(fig.stamp.online.fed?.median), ms(fig.stamp.online.fed?.p95), fig.stamp.online.fed?.n ?? 0],
      ["offline, stamps with no frame gap ≥ 50 ms", ms(fig.stamp.offline.fed?.median), ms(fig.stamp.offline.fed?.p95), fig.stamp.offline.fed?.n ?? 0],
      ["same, host latencies 0: online", ms(fig.bare.online.subject.median), ms(fig.bare.online.subject.p95), fig.bare.online.subject.n],
      ["same, host latencies 0: offline", ms(fig.bare.offline.subject.median), ms(fig.bare.offline.subject.p95), fig.bare.offline.subject.n],
      ["online stamps, first quarter", ms(fig.stamp.online.firstQuarter.median), ms(fig.stamp.online.firstQuarter.p95), fig.stamp.online.firstQuarter.n],
      ["online stamps, last quarter", ms(fig.stamp.online.lastQuarter.median), ms(fig.stamp.online.lastQuarter.p95), fig.stamp.online.lastQuarter.n],
      ["outage → offline stamp in subject", ms(fig.fallback.stamp.median), ms(fig.fallback.stamp.p95), fig.fallback.stamp.n],
      ["outage → badge Offline", ms(fig.fallback.badge.median), ms(fig.fallback.badge.p95), fig.fallback.badge.n],
      ["outage → badge Checking… (stamp's recheck)", ms(fig.fallback.checking?.median), ms(fig.fallback.checking?.p95), fig.fallback.checking?.n ?? 0],
      ["outage → click reaches the pane", ms(fig.fallback.click.median), ms(fig.fallback.click.p95), fig.fallback.click.n],
      ["longest frame gap during fallback", ms(fig.fallback.maxGap.median), ms(fig.fallback.maxGap.p95), fig.fallback.maxGap.n],
      ["longest frame gap, 1 s idle before", ms(fig.fallback.idleGap.median), ms(fig.fallback.idleGap.p95), fig.fallback.idleGap.n],
      ["pane opened in outage: interactive → Offline", ms(fig.opened.afterInteractive.median), ms(fig.opened.afterInteractive.p95), fig.opened.afterInteractive.n],
    ];
    console.log(table(["measure", "median", "p95", "n"], timingRows, ["l", "r", "r", "r"]));
    for (const mode of ["plain", "devtools"]) {
      const f = compared?.[mode];
      if (!f) continue;
      console.log(`\nBeside Microsoft's template, ${SIDE_BY_SIDE_MODES[mode]} (${options.rounds} rounds of ${options.roundLoads}; navigation → first useful button, medians):`);
      console.log(
        table(
          ["page", "cold", "warm", "cold rounds", "warm rounds", "ratio cold", "ratio warm"],
          SUBJECTS.map(({ key, label }) => [label, ms(f[key].cold.median), ms(f[key].warm.median), f[key].cold.rounds.map((r) => r.toFixed(0)).join(" / "), f[key].warm.rounds.map((r) => r.toFixed(0)).join(" / "), f[key].cold.ratio?.toFixed(2) ?? "1", f[key].warm.ratio?.toFixed(2) ?? "1"]),
          ["l", "r", "r", "r", "r", "r", "r"],
        ),
      );
    }
    console.log("\nBudgets:");
    console.log(table(["budget", "limit", "measured", "verdict"], budgets.map((b) => [b.name, b.budget, b.value, verdict(b.met)]), ["l", "l", "r", "l"]));
    for (const mode of ["online", "offline"]) {
      const f = fig.stamp[mode];
      console.log(`${mode}: ${f.overBudget} stamps over ${budgetFor(mode)} ms, ${f.overBudgetStarved} of them with a frame gap ≥ ${STARVED_GAP_MS} ms; ${f.starved} starved stamps in all.`);
    }
    console.log(`Longest fallback frame gap ${ms(fig.fallback.worst.maxGapMs)}, ending ${ms(fig.fallback.worst.maxGapEndedMs)} after the outage (click at ${ms(fig.fallback.worst.clickMs)}, stamp at ${ms(fig.fallback.worst.stampMs)}, badge at ${ms(fig.fallback.worst.badgeMs)}).`);
    console.log(`\nTokens: ${distinct} distinct of ${tokens.length}; in the wrong mode: ${wrongMode}. Page errors: ${errors.length}.`);
    for (const error of errors.slice(0, 10)) console.log(`  ${error}`);
    if (distinct !== tokens.length) console.log("WARNING: a token repeated.");

    if (process.env.BENCH_PANES_DUMP) writeFileSync(process.env.BENCH_PANES_DUMP, JSON.stringify({ loads, stamps, bare, fallbacks, opened }, null, 1));
    const playgroundOfficeJs = [...new Set(Object.values(loads).flat().map((l) => l.officeJs))];
    const officeJs = officeJsSizes(outDir, new Set(Object.values(loads).flat().flatMap((l) => l.officeFiles)));
    const results = { STARVED_GAP_MS, budgetFor, options, host, hostLatency: HOST_LATENCY, officeJs, sizes, sizeRows, templateSize, compared, traces, playgroundOfficeJs, fig, budgets, distinct, tokens: tokens.length, wrongMode, errors, minutes: (Date.now() - started) / 60_000 };
    if (options.write) {
      const docPath = writeSection(renderSection(results, { markdownTable, ms, bytes, kb, verdict, BUDGET, FROZEN_FRAME_GAP_MS }));
      console.log(`\nWrote the Panes section of ${path.relative(root, docPath)}`);
    }
    console.log(`Done in ${((Date.now() - started) / 60_000).toFixed(1)} min.`);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    await comparisonServer?.close().catch(() => undefined);
    if (options.keepBuild) console.log(`Build kept in ${outDir}`);
    else rmSync(outDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`\nbench:panes failed (harness error, not a budget): ${error?.stack ?? error}`);
    process.exit(1);
  },
);
