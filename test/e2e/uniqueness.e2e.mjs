/**
 * No offline number is ever issued twice, however many windows stamp at once: 8 tabs of the
 * compose pane in one browser context (one IndexedDB, one set of Web Locks) stamp 200 drafts each,
 * all at the same time, offline; then a tab is closed while it stamps, and reopened.
 *
 * Stamping goes through test/e2e/harness/stampHarness.ts: the compose pane's own wiring
 * (createComposePorts: Stamper, local counter in IndexedDB under Web Locks, activity log, Office
 * adapters over the harness's own Office) with a new draft per stamp, injected into each tab's real compose
 * pane. The pane's own button would need a page load per draft (a draft keeps its one number):
 * about 190 ms a stamp on this 2-core machine, 5 minutes for 1,600. Each tab's real pane also stamps
 * once by its button while the harness runs, so the UI shares the counter under load.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { baseUrl, browserSuite, harnessFile, newMessage } from "./helpers.mjs";


const TABS = 8;
const STAMPS_PER_TAB = 200;
const OFFLINE_TOKEN = /^CRM:1002(\d{4})$/;

/**
 * Opens a playground tab with a new message and adds the harness to its compose pane (the harness
 * shares the pane's origin, IndexedDB and Web Locks). The tab answers like a page, in that frame.
 */
async function openComposeTab(context, errors) {
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  await page.goto(`${baseUrl()}/playground/`);
  await page.waitForFunction(() => Boolean(window.__playground));
  const { frame } = await newMessage(page, { subject: "Uniqueness" });
  await frame.addScriptTag({ path: harnessFile });
  await frame.evaluate(() => window.__stampHarness);
  return {
    evaluate: (...args) => frame.evaluate(...args),
    getByRole: (...args) => frame.getByRole(...args),
    getByText: (...args) => frame.getByText(...args),
    close: () => page.close(),
  };
}

const stampMany = (page, count, label) =>
  page.evaluate(async ([n, name]) => (await (await window.__stampHarness).stampMany(n, name)).map((s) => s.token), [count, label]);

const modeOf = (page) => page.evaluate(async () => (await window.__stampHarness).mode());

/** Clicks the real pane's Add and returns the token it put in the page's own draft. */
async function stampByButton(page) {
  await page.getByRole("status", { name: "Token mode" }).filter({ hasText: /^Offline/ }).waitFor();
  await page.getByRole("button", { name: "Add tracking token" }).click();
  await page.getByRole("button", { name: "Remove tracking token" }).waitFor();
  const text = await page.getByText(/The subject now ends with CRM:\d{8}\./).textContent();
  return /ends with (CRM:\d{8})/.exec(text)[1];
}

function assertDistinct(tokens, what) {
  const seen = new Map();
  const repeats = [];
  for (const token of tokens) {
    if (seen.has(token)) repeats.push(token);
    seen.set(token, true);
  }
  assert.deepEqual(repeats, [], `${what}: ${repeats.length} repeated tokens`);
}

describe("uniqueness of offline numbers across tabs", () => {
  const suite = browserSuite({ harness: true });

  it(`${TABS} tabs stamping ${STAMPS_PER_TAB} drafts each at once, offline, get ${TABS * STAMPS_PER_TAB} distinct tokens`, async () => {
    const context = await suite.browser.newContext();
    const errors = [];
    const pages = [];
    for (let i = 0; i < TABS; i += 1) pages.push(await openComposeTab(context, errors));
    await context.setOffline(true);
    assert.deepEqual(await Promise.all(pages.map(modeOf)), Array(TABS).fill("offline"));

    const started = Date.now();
    const [harnessTokens, buttonTokens] = await Promise.all([
      Promise.all(pages.map((page, i) => stampMany(page, STAMPS_PER_TAB, `tab ${i}`))),
      // Each real pane stamps by its button while the harnesses run.
      Promise.all(pages.map(stampByButton)),
    ]);
    const elapsed = Date.now() - started;

    const tokens = harnessTokens.flat();
    assert.equal(tokens.length, TABS * STAMPS_PER_TAB);
    for (const token of [...tokens, ...buttonTokens]) assert.match(token, OFFLINE_TOKEN);
    assertDistinct(tokens, "harness stamps");
    assertDistinct([...tokens, ...buttonTokens], "harness and button stamps");
    // Nothing was skipped either: the tabs shared one counter, one unbroken run of 1,608 numbers
    // (it starts above the device's reserve when the tabs went offline before holding one).
    const counters = [...tokens, ...buttonTokens].map((t) => Number(OFFLINE_TOKEN.exec(t)[1])).sort((a, b) => a - b);
    assert.deepEqual(counters, Array.from({ length: counters.length }, (_, i) => i + (counters[0] ?? 1)));
    // Interleaved, not one tab after another: the first tab's numbers are spread over the whole range.
    const firstTab = harnessTokens[0].map((t) => Number(OFFLINE_TOKEN.exec(t)[1]));
    assert.ok(Math.max(...firstTab) - Math.min(...firstTab) > STAMPS_PER_TAB * 2, "the tabs stamped concurrently");
    console.log(`# ${tokens.length + buttonTokens.length} offline stamps in ${TABS} tabs took ${(elapsed / 1000).toFixed(1)} s`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("a tab closed while it stamps, then reopened, repeats no number", async () => {
    const context = await suite.browser.newContext();
    const errors = [];
    const reported = [];
    // Tokens reach the test as each is in its draft's subject, so the closed tab's are known too.
    await context.exposeFunction("reportToken", (token) => reported.push(token));
    const closing = await openComposeTab(context, errors);
    const steady = await openComposeTab(context, errors);
    await context.setOffline(true);
    assert.equal(await modeOf(closing), "offline");

    const report = (page, count, label) =>
      page.evaluate(
        async ([n, name]) => (await window.__stampHarness).stampMany(n, name, (stamp) => void window.reportToken(stamp.token)),
        [count, label],
      );
    const doomed = report(closing, 1000, "closing").then(
      () => assert.fail("the closed tab finished its stamps"),
      (error) => error,
    );
    const steadyRun = report(steady, 150, "steady");
    // Close in the middle: both tabs are stamping, and the closing one has stamps in flight.
    await waitFor(() => reported.length >= 80);
    await closing.close();
    assert.ok((await doomed) instanceof Error, "the closed tab's stamping stopped with the tab");
    await steadyRun;
    const beforeReopen = [...reported];
    assertDistinct(beforeReopen, "before the reopen");

    // Reopen (the page needs the network to load), then offline again and stamp on, in both tabs.
    await context.setOffline(false);
    const reopened = await openComposeTab(context, errors);
    await context.setOffline(true);
    assert.equal(await modeOf(reopened), "offline");
    const highest = Math.max(...beforeReopen.map((t) => Number(OFFLINE_TOKEN.exec(t)[1])));
    const stored = await reopened.evaluate(async () => (await window.__stampHarness).offlineCounter(2));
    // The stored counter is at or past every number seen, including any the closed tab took and never used.
    assert.ok(stored >= highest, `stored counter ${stored} is below the highest token seen, ${highest}`);

    const [afterReopen, steadyMore] = await Promise.all([stampMany(reopened, 150, "reopened"), stampMany(steady, 50, "steady again")]);
    const after = [...afterReopen, ...steadyMore];
    for (const token of after) {
      assert.match(token, OFFLINE_TOKEN);
      // Past every number used before: a reserve taken on reopening starts above the device's counter.
      assert.ok(Number(OFFLINE_TOKEN.exec(token)[1]) > highest, `${token} is not past the highest number seen before, ${highest}`);
    }
    assertDistinct([...beforeReopen, ...after], "before and after the reopen");
    assert.deepEqual(errors, []);
    await context.close();
  });
});

async function waitFor(condition, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
