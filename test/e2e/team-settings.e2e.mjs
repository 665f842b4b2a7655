/**
 * The team's settings as the tracking service owns them (docs/NUMBERING.md, "The service owns the
 * deployment"), tried as a user would in the playground: the settings form shows the service's
 * prefix, earlier prefixes and the assigned user number read-only; a token with an earlier prefix
 * the service knows resolves through it (no "did not answer"); and a settings change saved in the
 * compose pane reaches the pinned read pane, which stays open, without a reload.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { browserSuite, readyPane, signInAs, waitForMode } from "./helpers.mjs";

describe("team settings from the tracking service", () => {
  const suite = browserSuite({ service: { TOKEN_PREFIX_HISTORY: "ACME:" } });

  it("shows them read-only, resolves an earlier prefix through the service, and a saved change reaches every open pane", async () => {
    const { page, context, errors } = await suite.open();
    await signInAs(page, "pat", suite.service.url);

    // The pinned read pane: a reply whose token has the earlier prefix ACME:.
    const read = await readyPane(page, "read");
    await page.getByRole("option", { name: /Delivery dates ACME:00020017/ }).click();
    const card = read.locator.getByRole("listitem").filter({ has: read.locator.getByRole("heading", { level: 3, name: "ACME:00020017" }) });
    await card.getByText("ACME: (earlier prefix of ours)").waitFor();
    // The service was asked and answered: it reads ACME: as the team's earlier prefix (no 400, no "did not answer").
    await card.getByText("Not in this device's history, and not known to the tracking service.").waitFor();
    assert.equal(await read.locator.getByText("The tracking service did not answer").count(), 0);
    await read.frame.evaluate(() => {
      window.__samePage = true;
    });

    // The compose pane's settings: set by the service, the user number it assigned.
    await page.getByRole("button", { name: "New message" }).click();
    await page.getByLabel("Subject", { exact: true }).fill("Team settings");
    const compose = await readyPane(page, "compose");
    await waitForMode(compose.locator, "Online");
    await compose.locator.getByText("Numbers come from the tracking service.").waitFor();
    await compose.locator.getByRole("button", { name: "Settings" }).click();
    const form = compose.locator.getByRole("form", { name: "Settings" });
    const field = (label) => form.getByRole("textbox", { name: label, exact: true });
    await field("Prefix").waitFor();
    assert.equal(await field("Prefix").inputValue(), "CRM:");
    assert.equal(await field("Prefix").getAttribute("readonly"), "");
    assert.equal(await field("Earlier prefixes").inputValue(), "ACME:");
    // Pat numbered on her own as user 2: the service kept it, and the form shows it, read-only.
    assert.equal(await field("Your user number").inputValue(), "2");
    assert.equal(await field("Your user number").getAttribute("readonly"), "");
    await form.getByText(/Set by your tracking service for everyone in your team/).first().waitFor();

    // Off the service, in the open pane: no reload, the mailbox numbers, the team's settings stay.
    await field("Service URL").fill("");
    assert.equal(await field("Prefix").getAttribute("readonly"), null);
    await field("Prefix").fill("ACME:");
    await form.getByRole("button", { name: "Save" }).click();
    await waitForMode(compose.locator, "Online");
    await compose.locator.getByText("Numbers come from your mailbox.").waitFor();
    const stored = (await page.evaluate(() => window.__playground.roamingSettings())).settings;
    assert.deepEqual({ prefix: stored.prefix, prefixHistory: stored.prefixHistory, userOrdinal: stored.userOrdinal, serviceUrl: stored.serviceUrl }, { prefix: "ACME:", prefixHistory: ["CRM:"], userOrdinal: 2, serviceUrl: "" });

    // The pinned read pane (hidden while composing) heard it: ACME: is now the current prefix, and it never reloaded.
    await page.evaluate(() => window.__playground.discardDraft());
    await card.getByText("ACME: (current prefix)").waitFor();
    assert.equal(await read.frame.evaluate(() => window.__samePage), true);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("two users who claim one number never share it, on the service or off it", async () => {
    const { page, context, errors } = await suite.open();
    const signIn = (user) => signInAs(page, user, suite.service.url);
    const serviceSwitch = () => page.getByRole("switch", { name: /^Tracking service/ });
    const setService = async (on) => {
      if ((await serviceSwitch().isChecked()) !== on) {
        await serviceSwitch().click();
        await page.waitForFunction(() => Boolean(window.__playground));
      }
      assert.equal(await serviceSwitch().isChecked(), on);
    };
    const stamp = async (subject, from) => {
      await page.getByRole("button", { name: "New message" }).click();
      await page.getByLabel("Subject", { exact: true }).fill(subject);
      const compose = await readyPane(page, "compose");
      await waitForMode(compose.locator, "Online");
      await compose.locator.getByText(from).waitFor();
      await compose.locator.getByRole("button", { name: "Add tracking token" }).click();
      await compose.locator.getByRole("button", { name: "Remove tracking token" }).waitFor();
      const stamped = await page.evaluate(() => window.__playground.getSubject());
      return { compose, token: /CRM:\d{8}$/.exec(stamped)?.[0] };
    };
    const userOf = (token) => Number(token.slice(5, 8));

    // Pat registers first and keeps her number 2.
    await signIn("pat");
    const pat = await stamp("Pat's quote", "Numbers come from the tracking service.");
    assert.equal(userOf(pat.token), 2);

    // Sam, on his own, types 2 as his number (as Pat's form once said), then joins the service.
    await signIn("sam");
    await setService(false);
    const own = await stamp("Sam on his own", "Numbers come from your mailbox.");
    await own.compose.locator.getByRole("button", { name: "Settings" }).click();
    const form = own.compose.locator.getByRole("form", { name: "Settings" });
    await form.getByRole("textbox", { name: "Your user number", exact: true }).fill("2");
    await form.getByRole("button", { name: "Save" }).click();
    await form.getByText("Settings saved", { exact: true }).waitFor();
    await page.evaluate(() => window.__playground.discardDraft());

    await setService(true);
    const joined = await stamp("Sam on the service", "Numbers come from the tracking service.");
    const sam = userOf(joined.token);
    assert.notEqual(sam, 2, `the service gives Sam another number than Pat's: ${joined.token}`);
    await joined.compose.locator.getByText(new RegExp(`made you user number ${sam}`)).waitFor();
    await page.evaluate(() => window.__playground.discardDraft());

    // Off the service again, Sam numbers as the user the service made him, never as 2.
    await setService(false);
    const alone = await stamp("Sam off the service", "Numbers come from your mailbox.");
    assert.equal(userOf(alone.token), sam, `${alone.token} carries Sam's assigned number`);
    assert.notEqual(alone.token, joined.token);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
