/**
 * Shared by the browser tests: launching Chromium, opening the playground, reaching the panes.
 * run.mjs sets E2E_BASE_URL (the static server) and E2E_CHROMIUM (the browser binary).
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { chromium } from "playwright-core";

export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export const baseUrl = () => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error("E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`.");
  return url;
};

export async function launchBrowser() {
  return chromium.launch({ executablePath: process.env.E2E_CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Opens the playground in a fresh browser context (its own storage: a new mailbox) at 1280×800.
 * Returns the page and the errors it logs, which tests expect to stay empty.
 */
export async function openPlayground(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    // A missing favicon is the browser's business, not the playground's.
    if (message.type() === "error" && !/favicon|Failed to load resource/.test(message.text())) errors.push(`console: ${message.text()}`);
  });
  await page.goto(`${baseUrl()}/playground/`);
  await page.waitForFunction(() => Boolean(window.__playground));
  return { page, context, errors };
}

/** The pane iframe for a surface, as a FrameLocator (for getByRole) and its Frame (for evaluate). */
export async function pane(page, surface) {
  const element = await page.waitForSelector(`iframe[data-surface="${surface}"]`, { state: "attached" });
  const frame = await element.contentFrame();
  if (!frame) throw new Error(`The ${surface} pane iframe has no frame.`);
  return { locator: page.frameLocator(`iframe[data-surface="${surface}"]`), frame };
}

/** Waits until Office.onReady resolved in a pane (the fake is installed and ready). */
export async function waitForOfficeReady(frame) {
  await frame.waitForFunction(() => typeof window.Office !== "undefined" && window.Office.context !== undefined);
  return frame.evaluate(() => window.Office.onReady());
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
  await page.screenshot({ path: file });
  return file;
}
