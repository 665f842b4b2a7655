/**
 * One user, two devices (docs/NUMBERING.md): a laptop and a phone, each with its own IndexedDB
 * (the playground's ?device= switch), both online once, then both offline at the same time,
 * 100 stamps each, interleaved; back online every token reaches the authority. With the tracking
 * service (reserves from POST /v1/reserves) and standalone (reserves from the mailbox's counter).
 *
 * Stamping goes through test/e2e/harness/stampHarness.ts: the compose pane's own wiring over the
 * harness's own Office, a new draft per stamp (see uniqueness.e2e.mjs for why not the button), on
 * the playground's send handler page opened on its own (office.js there has no host).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { baseUrl, browserSuite, devAccessToken, fetchActivity, harnessFile, startService } from "./helpers.mjs";

const STAMPS_PER_DEVICE = 100;
const OFFLINE_TOKEN = /^CRM:1(\d{3})(\d{4})$/;

async function openDevice(context, device, errors, service = "") {
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(`${device}: ${error.message}`));
  const query = new URLSearchParams({ device, ...(service !== "" ? { service } : {}) });
  // The send handler's page opened on its own: the device's storage (pane-device.js reads ?device=),
  // office.js with no host, and no pane whose own monitor would sync the harness's activities instead.
  await page.goto(`${baseUrl()}/playground/office-js/commands.html?${query}`);
  await page.addScriptTag({ path: harnessFile });
  await page.evaluate(() => window.__stampHarness);
  return page;
}

const harness = (page, call, ...args) => page.evaluate(async ([name, rest]) => (await window.__stampHarness)[name](...rest), [call, args]);

async function waitUntil(what, condition, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Online once, then both offline, 100 stamps each interleaved; returns every stamp, in order. */
async function twoDevicesOffline(context, laptop, phone, user) {
  // Online once: each takes its reserve (the phone opens after the laptop took one).
  await waitUntil("the laptop's reserve", async () => (await harness(laptop, "reserveLeft", user)) >= STAMPS_PER_DEVICE);
  await waitUntil("the phone's reserve", async () => (await harness(phone, "reserveLeft", user)) >= STAMPS_PER_DEVICE);
  await context.setOffline(true);
  assert.deepEqual([await harness(laptop, "mode"), await harness(phone, "mode")], ["offline", "offline"]);
  const stamps = [];
  for (let i = 0; i < STAMPS_PER_DEVICE; i += 10) {
    stamps.push(...(await harness(laptop, "stampMany", 10, `laptop ${i}`)), ...(await harness(phone, "stampMany", 10, `phone ${i}`)));
  }
  return stamps;
}

function assertDistinctOffline(stamps, user) {
  const tokens = stamps.map((s) => s.token);
  assert.equal(tokens.length, 2 * STAMPS_PER_DEVICE);
  assert.equal(new Set(tokens).size, tokens.length, "every token is distinct across both devices");
  for (const { token, warning } of stamps) {
    const parts = OFFLINE_TOKEN.exec(token);
    assert.ok(parts, `${token} is an offline token`);
    assert.equal(Number(parts[1]), user);
    assert.equal(warning, undefined, `${token} came from a reserve, without a fallback caution`);
  }
}

describe("one user on two devices, offline at the same time", () => {
  const suite = browserSuite({ harness: true });

  it("with the tracking service: 200 distinct tokens, every one recorded, no conflict", async () => {
    const service = await startService({ OFFLINE_RESERVE_SIZE: String(STAMPS_PER_DEVICE) });
    const context = await suite.browser.newContext();
    try {
      const errors = [];
      const laptop = await openDevice(context, "laptop", errors, service.url);
      const phone = await openDevice(context, "phone", errors, service.url);
      // Pat's standalone number, 2, is the one she claims: the service keeps it.
      const stamps = await twoDevicesOffline(context, laptop, phone, 2);
      assertDistinctOffline(stamps, 2);

      await context.setOffline(false);
      for (const page of [laptop, phone]) {
        await harness(page, "recheck");
        const state = await waitUntil("the sync", async () => {
          const current = await harness(page, "state");
          return current.status === "online" && current.pending === 0 ? current : undefined;
        });
        assert.equal(state.syncProblem, undefined, "no conflict on sync");
      }
      const bearer = await devAccessToken(service.url, "pat.seller@contoso.com");
      const missing = [];
      for (const { token } of stamps) {
        const response = await fetchActivity(service.url, token, bearer);
        if (response.status !== 200) missing.push(`${token}: ${response.status}`);
      }
      assert.deepEqual(missing, [], "the service recorded every token");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      await service.stop();
    }
  });

  it("standalone, after both devices have been online: 200 distinct tokens, every one synced to the mailbox", async () => {
    const context = await suite.browser.newContext();
    try {
      const errors = [];
      const laptop = await openDevice(context, "laptop", errors);
      await waitUntil("the laptop's reserve", async () => (await harness(laptop, "reserveLeft", 2)) > 0);
      const phone = await openDevice(context, "phone", errors); // opens after the laptop saved its reserve
      const stamps = await twoDevicesOffline(context, laptop, phone, 2);
      assertDistinctOffline(stamps, 2);

      await context.setOffline(false);
      for (const page of [laptop, phone]) {
        await harness(page, "recheck");
        await waitUntil("the sync", async () => {
          const current = await harness(page, "state");
          return current.status === "online" && current.pending === 0;
        });
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
