/**
 * Sign-in to the tracking service in the real browser (docs/DEPLOY.md, step 1): the panes run the
 * real MSAL.js against the playground's host bridge (src/playground/outlookHost/naaBridge.ts), which
 * answers with the service's development tokens. NAA where the host has NestedAppAuth 1.1, Office's
 * legacy SSO where it does not, the Office dialog where the popup is blocked; MSAL is fetched only
 * when a service is configured.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { baseUrl, browserSuite, devAccessToken, fetchActivity, readyPane, signInAs } from "./helpers.mjs";

const MSAL_CHUNK = /\/chunks\/msal\.[0-9a-f]{8}\.js$/;

describe("sign-in to the tracking service", () => {
  const suite = browserSuite({ service: true });

  /** The playground as Pat with the service on, every script URL any frame asked for, and the host's NAA behaviour set first. */
  async function open({ nestedAppAuth = "answers", withService = true } = {}) {
    const { page, context, errors } = await suite.open();
    const scripts = [];
    context.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
    });
    await signInAs(page, "pat", withService ? suite.service.url : "");
    // office.js reads the requirement sets once, at its handshake: without NAA the panes reload, and
    // only what the reloaded panes load counts. The old read pane's frame must be gone first, or it
    // could still take the NAA path (and fetch MSAL) after the count starts.
    const oldReadFrame = await page.locator('iframe[data-surface="read"]').elementHandle();
    await page.getByLabel("Host sign-in").selectOption(nestedAppAuth);
    if (nestedAppAuth === "unsupported") {
      await page.waitForFunction((frame) => !frame?.isConnected, oldReadFrame);
      await readyPane(page, "read");
      scripts.length = 0;
    }
    await page.getByRole("button", { name: "New message" }).click();
    await page.getByLabel("To", { exact: true }).fill("dana.buyer@fabrikam.com");
    await page.getByLabel("Subject", { exact: true }).fill("Quote for 3 desks");
    const compose = await readyPane(page, "compose");
    return { page, context, errors, scripts, compose };
  }

  async function stampOnline(page, compose) {
    await compose.locator.getByRole("status", { name: "Token mode" }).filter({ hasText: /^Online/ }).waitFor();
    await compose.locator.getByRole("button", { name: "Add tracking token" }).click();
    await compose.locator.getByRole("button", { name: "Remove tracking token" }).waitFor();
    const subject = await page.evaluate(() => window.__playground.getSubject());
    const token = /CRM:\d{8}/.exec(subject)?.[0];
    assert.ok(token, `a token in "${subject}"`);
    return token;
  }

  /** What the service knows of `token`, asked as Pat with a development token of its own. */
  async function serviceKnows(token) {
    const answer = await fetchActivity(suite.service.url, token, await devAccessToken(suite.service.url, "pat.seller@contoso.com"));
    return { status: answer.status, body: await answer.json() };
  }

  it("NAA: MSAL signs in through the host's bridge, the stamp is numbered and recorded by the service, the path shown is NAA", async () => {
    const { page, context, errors, scripts, compose } = await open();
    const token = await stampOnline(page, compose);
    await page.getByRole("status", { name: "Sign-in path" }).filter({ hasText: "Signed in via NAA" }).waitFor();
    assert.ok(scripts.some((s) => MSAL_CHUNK.test(s)), `MSAL's chunk was fetched: ${scripts.join(", ")}`);
    const known = await serviceKnows(token);
    assert.equal(known.status, 200);
    assert.equal(known.body.status, "issued");
    assert.equal(known.body.token, token);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("NestedAppAuth unsupported: legacy SSO signs in, the stamp is recorded, MSAL is never fetched", async () => {
    const { page, context, errors, scripts, compose } = await open({ nestedAppAuth: "unsupported" });
    const token = await stampOnline(page, compose);
    await page.getByRole("status", { name: "Sign-in path" }).filter({ hasText: "Signed in via legacy SSO" }).waitFor();
    assert.equal((await serviceKnows(token)).status, 200);
    assert.deepEqual(scripts.filter((s) => MSAL_CHUNK.test(s)), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("interaction required: MSAL's popup request signs in through the bridge", async () => {
    const { page, context, errors, compose } = await open({ nestedAppAuth: "interaction-required" });
    await stampOnline(page, compose);
    await page.getByRole("status", { name: "Sign-in path" }).filter({ hasText: "Signed in via NAA popup" }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("popup blocked: the pane signs in through the Office dialog and the stamp is recorded by the service", async () => {
    const { page, context, errors, compose } = await open({ nestedAppAuth: "popup-blocked" });
    // On the web office.js asks in the pane before it opens the dialog's window ("… wants to display a new window").
    await compose.locator.getByRole("button", { name: "Allow" }).click();
    const token = await stampOnline(page, compose);
    await page.getByRole("status", { name: "Sign-in path" }).filter({ hasText: "Signed in via Office dialog" }).waitFor();
    const known = await serviceKnows(token);
    assert.equal(known.status, 200);
    assert.equal(known.body.token, token);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("consent refused: the compose and read panes say so and what to do; the compose pane goes Offline", async () => {
    const { page, context, errors, compose } = await open({ nestedAppAuth: "consent-refused" });
    await compose.locator.getByRole("status", { name: "Token mode" }).filter({ hasText: /^Offline/ }).waitFor();
    await compose.locator.getByText(/^The tracking service was not allowed to sign you in: consent was refused\. Ask your admin to grant consent/).waitFor();
    await page.getByRole("button", { name: "Discard" }).click();
    // The pinned read pane opened before consent was refused and may hold a token from then (MSAL
    // caches it): opened again, as after a restart of Outlook, it must sign in under the refusal.
    await page.locator('iframe[data-surface="read"]').evaluate((frame) => frame.contentWindow.location.reload());
    const original = await page.evaluate(() => window.__playground.messages("inbox").find((m) => /CRM:\d{8}/.test(m.subject)));
    await page.evaluate((id) => window.__playground.selectMessage(id), original.id);
    const read = await readyPane(page, "read");
    await read.locator.getByText("Sign-in to the tracking service failed").waitFor();
    await read.locator.getByText(/consent was refused\. Ask your admin to grant consent for Tracking Tokens/).first().waitFor();
    // Not asserted: the playground's "Sign-in path". The pinned read pane opens with the page, before
    // consent is refused, and may already have signed in then; what the refusal shows is above.
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("standalone (no service): the pane stamps on its own and MSAL is never fetched", async () => {
    const { page, context, errors, scripts, compose } = await open({ withService: false });
    await compose.locator.getByRole("button", { name: "Add tracking token" }).click();
    await compose.locator.getByRole("button", { name: "Remove tracking token" }).waitFor();
    assert.match(await page.evaluate(() => window.__playground.getSubject()), /CRM:\d{8}/);
    assert.deepEqual(scripts.filter((s) => MSAL_CHUNK.test(s)), []);
    assert.equal(await page.getByRole("status", { name: "Sign-in path" }).textContent(), "No sign-in yet");
    // Nor does the service worker fetch it for offline opens: it is not in the precache list.
    const worker = await (await fetch(`${baseUrl()}/sw.js`)).text();
    assert.match(worker, /chunks\/service\.[0-9a-f]{8}\.js/);
    assert.doesNotMatch(worker, /chunks\/msal\./);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
