/**
 * The browser kit that the browser tests (run.mjs, helpers.mjs) and bench/panes.bench.mjs share:
 * finding Debian's Chromium, launching it headless, building the add-in with the project's webpack
 * config, and opening the playground in a fresh context with its page errors collected.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { loadDevCertificate } from "../../scripts/devCertificate.mjs";
import { startStaticServer } from "../../scripts/serve.mjs";

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);

/**
 * --ignore-certificate-errors: the playground is served on HTTPS with a self-signed certificate
 * (office.js trusts only an HTTPS host), and Chromium registers no service worker from an origin
 * whose certificate it does not trust unless told to ignore it (a context's ignoreHTTPSErrors is not enough).
 */
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--ignore-certificate-errors"];

/** The Chromium binary: CHROMIUM_PATH, else the first of Debian's names on the PATH or in /usr/bin; undefined when there is none. */
export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "chromium", "chromium-browser", "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
  for (const candidate of candidates) {
    if (candidate.includes("/")) {
      if (existsSync(candidate)) return candidate;
      continue;
    }
    try {
      const found = execFileSync("which", [candidate], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
      if (found) return found;
    } catch {
      // Not on the PATH; try the next.
    }
  }
  return undefined;
}

/** Headless Chromium; the browser tests get the binary from run.mjs through E2E_CHROMIUM. */
export async function launchBrowser(executablePath = process.env.E2E_CHROMIUM) {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** The static server the browser tests run against (run.mjs sets E2E_BASE_URL). */
export const baseUrl = () => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error("E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`.");
  return url;
};

/**
 * Serves `root` on HTTPS at 127.0.0.1 (its URL says localhost) with the development certificate
 * (scripts/devCertificate.mjs): Microsoft's office.js trusts only a host on HTTPS. `caFile` is the
 * certificate Node's fetch needs to trust it (NODE_EXTRA_CA_CERTS; Chromium ignores certificate errors).
 */
export async function startHttpsServer(root) {
  const certificate = await loadDevCertificate(path.join(repositoryRoot, ".certs"));
  const server = await startStaticServer({ root, host: "127.0.0.1", tls: { key: certificate.key, cert: certificate.cert } });
  return { ...server, caFile: certificate.caFile };
}

/** Builds the add-in with webpack.config.js in `mode`, into `outputPath` (dist/ by default). Resolves with webpack's stats. */
export function buildAddIn(mode, outputPath) {
  const webpack = require("webpack");
  const makeConfig = require(path.join(repositoryRoot, "webpack.config.js"));
  const config = { ...makeConfig({}, { mode }), mode, context: repositoryRoot };
  if (outputPath !== undefined) config.output = { ...config.output, path: outputPath };
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error || stats?.hasErrors()) reject(new Error(error ? String(error.stack ?? error) : stats.toString("errors-only")));
      else resolve(stats);
    });
  });
}

/**
 * The panes run on Microsoft's office.js only: a page that asks for the project's old fake
 * (fake-office.js) or any other stand-in for the Office namespace is an error of the test run.
 */
export const OFFICE_STAND_IN = /(^|\/)(fake-office|office-stub|office-shim)\.js(\?|$)/i;

/** Collects a page's uncaught errors and console errors into `errors` (a missing favicon is the browser's business). */
export function collectErrors(page, errors) {
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && !/favicon|Failed to load resource/.test(message.text())) errors.push(`console: ${message.text()}`);
  });
  return page;
}

/**
 * Opens the playground in a fresh browser context (its own storage: a new mailbox) at 1280×800.
 * Returns the page and the errors it logs, which tests expect to stay empty. `fixedTime` pins
 * Date in every frame (timers still run), for screenshots that do not change from run to run;
 * `base` is another server than the shared one (a test that stops it); `initScript` runs in every
 * frame before its scripts (the bench's timeline); `errors` is the list to collect into; other
 * options go to browser.newContext.
 */
export async function openPlayground(browser, { fixedTime, base = baseUrl(), initScript, errors = [], ...contextOptions } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ignoreHTTPSErrors: true, ...contextOptions });
  context.on("request", (request) => {
    if (OFFICE_STAND_IN.test(new URL(request.url()).pathname)) errors.push(`a page loaded a stand-in for Office.js: ${request.url()}`);
  });
  if (fixedTime !== undefined) await context.clock.setFixedTime(fixedTime);
  if (initScript !== undefined) await context.addInitScript(initScript);
  const page = collectErrors(await context.newPage(), errors);
  await page.goto(`${base}/playground/`);
  await page.waitForFunction(() => Boolean(window.__playground));
  return { page, context, errors };
}
