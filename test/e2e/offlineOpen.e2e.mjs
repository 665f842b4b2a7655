/**
 * The panes open with no network once they have been opened online (docs/OFFLINE.md): each test
 * serves the add-in itself, so it can make that server unreachable (the playground's switch) and
 * ship a new build without touching the shared one.
 */
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { addToken, launchBrowser, startHttpsServer, localData, newMessage, waitForReserve, openPlayground, pane, showInReadPane, tokenMode, waitForMode, waitForOfficeReady } from "./helpers.mjs";

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist");

/** Resolves once the pane's page is controlled by the add-in's service worker (its copy is kept). */
function offlineCopyKept(frame) {
  return frame.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
  });
}

const offlineNotice = (locator) => locator.getByRole("status", { name: "Offline copy" });

/** Both switches, as a user on a train flips them: the add-in's server goes away, then the network. */
async function goOffline(page) {
  await page.getByRole("switch", { name: "Add-in server unreachable" }).click();
  await page.getByRole("switch", { name: "Add-in server unreachable" }).and(page.locator(":checked")).waitFor();
  // Really gone: a file of the server that no worker keeps cannot be fetched.
  assert.equal(await page.evaluate(() => fetch("/manifest.xml", { cache: "no-store" }).then(() => "answered", () => "unreachable")), "unreachable");
  await page.getByRole("switch", { name: /Work offline/ }).click();
}

async function goOnline(page) {
  await page.getByRole("switch", { name: "Add-in server unreachable" }).click();
  await page.getByRole("switch", { name: /Work offline/ }).click();
}

describe("panes opened once online open offline", () => {
  let browser;
  let server;
  before(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startHttpsServer(dist)]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("compose: reopened with the server unreachable and no network, it says so, stamps with designator 1, and syncs once back online", async () => {
    const { page, context, errors } = await openPlayground(browser, { base: server.url });
    let { locator, frame } = await newMessage(page, { subject: "Before the train", mode: "Online" });
    await offlineCopyKept(frame);
    assert.equal(await offlineNotice(locator).count(), 0);
    // Online, the device takes its reserve of offline numbers (docs/NUMBERING.md) before the train.
    await waitForReserve(frame);
    await page.evaluate(() => window.__playground.discardDraft());

    await goOffline(page);
    ({ locator, frame } = await newMessage(page, { subject: "On the train" }));
    await offlineNotice(locator).waitFor();
    assert.match(await offlineNotice(locator).textContent(), /add-in's server can't be reached, so this pane runs from the copy kept on this device/);
    await waitForMode(locator, "Offline");
    assert.equal(await addToken(page, locator), "On the train CRM:10020001");
    await tokenMode(locator).getByText("1 offline activity waiting to sync", { exact: true }).waitFor();
    const reserveMark = (await page.evaluate(() => window.__playground.roamingSettings()))["counter:offline-hwm"];
    assert.ok(reserveMark[2].last >= 1, "the mailbox recorded the reserve before the device used it");

    await goOnline(page);
    await waitForMode(locator, "Online");
    await tokenMode(locator).filter({ hasNotText: "waiting to sync" }).waitFor();
    await offlineNotice(locator).waitFor({ state: "detached" });
    const synced = await localData(frame);
    assert.deepEqual(synced.activities.map((a) => [a.token, a.designator, a.synced]), [["CRM:10020001", 1, true]]);
    assert.deepEqual((await page.evaluate(() => window.__playground.roamingSettings()))["counter:offline-hwm"], reserveMark);

    // Once: a later round offline and back finds nothing queued, and the next number moves on.
    await page.getByRole("switch", { name: /Work offline/ }).click();
    await waitForMode(locator, "Offline");
    assert.equal(await tokenMode(locator).getByText(/waiting to sync/).count(), 0);
    await page.getByRole("switch", { name: /Work offline/ }).click();
    await waitForMode(locator, "Online");
    assert.deepEqual((await localData(frame)).activities.map((a) => a.synced), [true]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("read: reopened with the server unreachable and no network, it says so and decodes the message", async () => {
    const { page, context, errors } = await openPlayground(browser, { base: server.url });
    let { locator, frame } = await pane(page, "read");
    await waitForOfficeReady(frame);
    await showInReadPane(page, locator, "inbox-ours");
    await offlineCopyKept(frame);

    await goOffline(page);
    await frame.evaluate(() => location.reload());
    ({ locator, frame } = await pane(page, "read"));
    await waitForOfficeReady(frame);
    await offlineNotice(locator).waitFor();
    await page.evaluate(() => window.__playground.selectMessage("inbox-history"));
    await showInReadPane(page, locator, "inbox-ours");
    const token = locator.getByRole("group", { name: "Parts of CRM:00021003" });
    assert.match(await token.innerText(), /Online[\s\S]*2[\s\S]*1003/);

    await goOnline(page);
    await offlineNotice(locator).waitFor({ state: "detached" });
    assert.deepEqual(errors, []);
    await context.close();
  });
});

/** A copy of dist/ that a test can redeploy: `deploy(label)` ships a new build with a new page title. */
function deployableCopy() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "e2e-build-"));
  cpSync(dist, dir, { recursive: true });
  return {
    dir,
    deploy(label) {
      const page = path.join(dir, "playground", "office-js", "compose.html");
      writeFileSync(page, readFileSync(page, "utf8").replace(/<title>[^<]*<\/title>/, `<title>${label}</title>`));
      // What the build writes at the top of sw.js (scripts/precachePlugin.cjs): a new version, so a new worker.
      const worker = path.join(dir, "sw.js");
      const [header, ...rest] = readFileSync(worker, "utf8").split("\n");
      const manifest = JSON.parse(/^self\.__trackingTokensPrecache = (.*);$/.exec(header)[1]);
      manifest.version = `${manifest.version}-${label.replace(/\W/g, "")}`;
      writeFileSync(worker, [`self.__trackingTokensPrecache = ${JSON.stringify(manifest)};`, ...rest].join("\n"));
      return manifest.version;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

describe("a new build", () => {
  let browser;
  let build;
  let server;
  before(async () => {
    build = deployableCopy();
    [browser, server] = await Promise.all([launchBrowser(), startHttpsServer(build.dir)]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    build?.remove();
  });

  it("waits while a compose pane is open, then replaces the cached one on the next open", async () => {
    const { page, context, errors } = await openPlayground(browser, { base: server.url });
    let { locator, frame } = await newMessage(page, { subject: "First build" });
    await offlineCopyKept(frame);
    const firstTitle = await frame.title();

    const version = build.deploy("Second build");
    // As the browser does on an open (or an open pane once in a while): it checks sw.js, and the new build installs.
    const waitingState = await frame.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration.update();
      const worker = registration.installing ?? registration.waiting;
      while (worker.state === "installing") await new Promise((resolve) => worker.addEventListener("statechange", resolve, { once: true }));
      return worker.state;
    });
    assert.equal(waitingState, "installed");
    // Mid-session the open pane keeps its build: it stamps, and the new one waits.
    assert.equal(await addToken(page, locator), "First build CRM:00020001");
    assert.equal(await frame.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.waiting !== null)), true);
    assert.equal(await frame.title(), firstTitle);

    await page.evaluate(() => window.__playground.discardDraft());
    ({ locator, frame } = await newMessage(page, { subject: "Second build" }));
    assert.equal(await frame.title(), "Second build");
    // The old build's cache went with it; Office.js's (the playground's copy is the build's) is not a build's.
    const buildCaches = await frame.evaluate(() => caches.keys().then((names) => names.filter((name) => name.startsWith("tracking-tokens-build-"))));
    assert.deepEqual(buildCaches, [`tracking-tokens-build-${version}`]);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
