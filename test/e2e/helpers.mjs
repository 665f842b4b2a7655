/**
 * Shared by the browser tests: their browser and service, reaching the panes, acting as a user,
 * the stamp harness, the service.
 * Launching Chromium and opening the playground are in browserKit.mjs, which the bench shares.
 * run.mjs sets E2E_BASE_URL (the static server) and E2E_CHROMIUM (the browser binary).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before } from "node:test";
import assert from "node:assert/strict";
import { baseUrl, launchBrowser, OFFICE_STAND_IN, openPlayground } from "./browserKit.mjs";

export { baseUrl, launchBrowser, openPlayground, startHttpsServer } from "./browserKit.mjs";

/**
 * What a file's tests share, set up once: the browser; with `service`, a tracking service
 * (`true`, or the settings startService adds); with `harness`, the stamp harness built first.
 * Call it inside describe(), whose before and after it registers; the tests read `suite.browser`
 * and `suite.service`, and `suite.open(options)` opens the playground (browserKit's openPlayground).
 */
export function browserSuite({ service = false, harness = false } = {}) {
  const suite = {
    browser: undefined,
    service: undefined,
    open: (options) => openPlayground(suite.browser, options),
  };
  before(async () => {
    if (harness) await buildHarness();
    [suite.browser, suite.service] = await Promise.all([launchBrowser(), service ? startService(service === true ? {} : service) : undefined]);
  });
  after(async () => {
    await suite.browser?.close();
    await suite.service?.stop();
  });
  return suite;
}

/** The pane iframe for a surface, as a FrameLocator (for getByRole) and its Frame (for evaluate). */
export async function pane(page, surface) {
  const element = await page.waitForSelector(`iframe[data-surface="${surface}"]`, { state: "attached" });
  const frame = await element.contentFrame();
  if (!frame) throw new Error(`The ${surface} pane iframe has no frame.`);
  return { locator: page.frameLocator(`iframe[data-surface="${surface}"]`), frame };
}

/**
 * Waits until Office.onReady resolved in a pane, and fails unless its Office is Microsoft's office.js
 * (OSF, its runtime, beside it; the page's scripts are the package's copies, no stand-in).
 */
export async function waitForOfficeReady(frame) {
  await frame.waitForFunction(() => typeof window.Office !== "undefined" && window.Office.context !== undefined);
  const office = await frame.evaluate(() => ({ osf: typeof window.OSF === "object" && typeof window.OSF.DDA === "object", scripts: [...document.scripts].map((script) => script.src).filter(Boolean) }));
  assert.ok(office.osf, `The pane's Office is not Microsoft's office.js (no OSF.DDA); its scripts: ${office.scripts.join(", ")}`);
  assert.ok(office.scripts.some((src) => src.endsWith("/playground/office-js/office.js")), `The pane did not load Microsoft's office.js: ${office.scripts.join(", ")}`);
  assert.ok(!office.scripts.some((src) => OFFICE_STAND_IN.test(new URL(src).pathname)), `The pane loaded a stand-in for Office.js: ${office.scripts.join(", ")}`);
  return frame.evaluate(() => window.Office.onReady());
}

/** The pane iframe for a surface once Office is ready in it; `info` is what onReady resolved with. */
export async function readyPane(page, surface) {
  const found = await pane(page, surface);
  const info = await waitForOfficeReady(found.frame);
  return { ...found, info };
}

/** Calls an Office async method inside a pane and returns its AsyncResult as JSON. */
export function officeCall(frame, script, arg) {
  return frame.evaluate(
    ([source, value]) =>
      new Promise((resolve) => {
        const run = new Function("Office", "value", "done", source);
        run(window.Office, value, (result) => resolve(JSON.parse(JSON.stringify({ status: result.status, value: result.value ?? null, error: result.error ?? null }))));
      }),
    [script, arg],
  );
}

export async function screenshot(page, name) {
  const file = path.resolve("docs/screenshots", name);
  await mkdir(path.dirname(file), { recursive: true });
  // Transitions fast-forwarded: a button that just changed state (Add → Remove) would be caught half-way.
  await page.screenshot({ path: file, animations: "disabled" });
  return file;
}

// ---- The panes, as a user sees them (used by the compose, offline, read, settings and screenshot tests) ----

/** Our tokens in a subject with the playground's settings (prefix CRM:, 1 + 3 + 4 digits). */
export const OUR_TOKEN = /CRM:[01]\d{7}(?!\d)/g;

export function tokensIn(subject) {
  return subject.match(OUR_TOKEN) ?? [];
}

/** Signs the playground in as `user` ("pat", "sam"), with the tracking service at `serviceUrl` ("" for none). */
export async function signInAs(page, user, serviceUrl = "") {
  await page.goto(`${baseUrl()}/playground/?user=${user}${serviceUrl !== "" ? `&service=${serviceUrl}` : ""}`);
  await page.waitForFunction(() => Boolean(window.__playground));
}

/** The open compose pane, once Office is ready and the pane has read the draft (Add or Remove is offered). */
export async function composePane(page) {
  const compose = await readyPane(page, "compose");
  await compose.locator.getByRole("button", { name: /^(Add|Remove) tracking token$/ }).waitFor();
  return compose;
}

/** The compose pane's "Token mode" live region: the badge, why, and how many offline activities wait. */
export function tokenMode(locator) {
  return locator.getByRole("status", { name: "Token mode" });
}

/** Waits until the mode's badge reads `badge` ("Online", "Offline"). */
export async function waitForMode(locator, badge) {
  await tokenMode(locator).filter({ hasText: new RegExp(`^${badge}`) }).waitFor();
}

/** Clicks Add tracking token and waits until the draft's token is in place (the button turns to Remove). */
export async function addToken(page, locator) {
  await locator.getByRole("button", { name: "Add tracking token" }).click();
  await locator.getByRole("button", { name: "Remove tracking token" }).waitFor();
  return page.evaluate(() => window.__playground.getSubject());
}

/** New message with `subject` (and To), its compose pane ready; with `mode`, once its badge reads that ("Online", "Offline"). */
export async function newMessage(page, { subject, to = "dana.buyer@fabrikam.com", mode }) {
  await page.getByRole("button", { name: "New message" }).click();
  await page.getByLabel("To", { exact: true }).fill(to);
  await page.getByLabel("Subject", { exact: true }).fill(subject);
  const compose = await composePane(page);
  if (mode !== undefined) await waitForMode(compose.locator, mode);
  return compose;
}

/** Selects a message by id and waits until the read pane shows it (its "Subject: …" line). */
export async function showInReadPane(page, locator, id) {
  const subject = await page.evaluate((messageId) => {
    window.__playground.selectMessage(messageId);
    return window.__playground.state.messages.find((m) => m.id === messageId).subject;
  }, id);
  await locator.getByText(`Subject: ${subject}`, { exact: true }).waitFor();
  return subject;
}

/**
 * The add-in's local IndexedDB data as a pane sees it: every activity, and the counters by name.
 * Only reads: if no pane created the database yet, it rejects rather than create an empty one.
 */
export function localData(frame) {
  return frame.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("tracking-tokens");
        // A version-less open of a missing database would create it empty, and the panes' schema
        // upgrade would then never run.
        open.onupgradeneeded = () => open.transaction.abort();
        open.onerror = () => reject(new Error(`The add-in's database is not there yet: ${open.error?.message}`));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(["activities", "counters"], "readonly");
          const activities = tx.objectStore("activities").getAll();
          const counters = tx.objectStore("counters").getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({ activities: activities.result, counters: Object.fromEntries(counters.result.map((c) => [c.name, c.value])) });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const harnessEntry = path.join(root, "test/e2e/harness/stampHarness.ts");
const harnessDir = path.join(root, "test-results/e2e-harness");
/** The stamp harness bundle (test/e2e/harness/stampHarness.ts), once buildHarness() made it. */
export const harnessFile = path.join(harnessDir, "stamp-harness.js");

/** Bundles the harness from the sources with the project's webpack and ts-loader (about 2 s). */
export async function buildHarness() {
  const { default: webpack } = await import("webpack");
  const config = {
    mode: "development",
    devtool: false,
    context: root,
    entry: harnessEntry,
    output: { path: harnessDir, filename: path.basename(harnessFile) },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.build.json" } } }] },
    performance: { hints: false },
    // One file: the page injects it by path, so the pane's lazy chunks (service mode) go inline.
    plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
  };
  await new Promise((resolve, reject) =>
    webpack(config, (error, stats) => {
      if (error || stats?.hasErrors()) reject(new Error(error ? String(error.stack ?? error) : stats.toString("errors-only")));
      else resolve();
    }),
  );
}

/** Starts src/server/main.ts on a free port (SQLite in a temporary folder, development sign-in); `env` adds settings. Resolves with its URL once it listens. */
export async function startService(env = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "e2e-service-"));
  const page = new URL(baseUrl());
  const origins = [page.origin, `${page.protocol}//127.0.0.1:${page.port}`, `${page.protocol}//localhost:${page.port}`];
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "src/server/main.ts")], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", HOST: "127.0.0.1", PORT: "0", DATA_DIR: dataDir, CREATE_DATABASE: "1", SERVICE_DEV_AUTH: "1", ADDIN_ORIGINS: [...new Set(origins)].join(","), LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The tracking service did not start:\n${output}`)), 30_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1].replace(/[;,)]$/, ""));
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The tracking service exited (${code}):\n${output}`));
    });
  });
  return {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A development access token of the service for `mailbox` (POST /v1/dev/token). */
export async function devAccessToken(serviceUrl, mailbox) {
  const response = await fetch(`${serviceUrl}/v1/dev/token`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ mailbox }) });
  const { accessToken } = await response.json();
  return accessToken;
}

/** The service's answer for `token` (GET /v1/activities/:token), asked with `accessToken`. */
export function fetchActivity(serviceUrl, token, accessToken) {
  return fetch(`${serviceUrl}/v1/activities/${encodeURIComponent(token)}`, { headers: { Authorization: `Bearer ${accessToken}` } });
}

/** Resolves once this device's IndexedDB holds a reserve of offline numbers for user 2. */
export async function waitForReserve(frame) {
  for (let i = 0; i < 100; i += 1) {
    if ((await localData(frame)).counters["reserve:2"] !== undefined) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("The device took no reserve of offline numbers within 10 s online.");
}
