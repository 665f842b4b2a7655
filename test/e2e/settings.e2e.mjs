/**
 * The compose pane's settings form in a real browser: each invalid field is marked and described by
 * its own message, nothing is saved while any field is invalid (the mailbox's roaming settings stay
 * as they were), and a valid change is saved and used by the next token.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addToken, browserSuite, newMessage, waitForMode } from "./helpers.mjs";

/** Whether a control is marked invalid, and the texts that describe it (its hint, and its message when invalid). */
function fieldState(control) {
  return control.evaluate((element) => ({
    invalid: element.getAttribute("aria-invalid") === "true",
    descriptions: (element.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => element.ownerDocument.getElementById(id)?.textContent ?? ""),
  }));
}

describe("settings", () => {
  const suite = browserSuite();

  it("shows each invalid field's own message and saves nothing invalid; a valid change is saved and used", async () => {
    const { page, context, errors } = await suite.open();
    const roaming = () => page.evaluate(() => window.__playground.roamingSettings());
    const { locator } = await newMessage(page, { subject: "Settings check", mode: "Online" });
    await locator.getByRole("button", { name: "Settings" }).click();
    const form = locator.getByRole("form", { name: "Settings" });
    const field = (label) => form.getByRole("textbox", { name: label, exact: true });
    // Beside the settings, the mark of the reserve of offline numbers this device takes once online
    // (docs/NUMBERING.md): the pane takes it after its first render, so wait for it before comparing.
    await page.waitForFunction(() => window.__playground.roamingSettings()["counter:offline-hwm"] !== undefined);
    const stored = await roaming();
    assert.deepEqual(stored.settings, { prefix: "CRM:", prefixHistory: ["ACME:"], userOrdinal: 2 });

    // Round 1: three invalid fields and one valid change (Active days): none of it may be saved.
    await field("Prefix").fill("CR M");
    await field("User digits").fill("0");
    await field("Counter digits").fill("12");
    await field("Active days").fill("30");
    await form.getByRole("button", { name: "Save" }).click();
    await form.getByText("Settings not saved", { exact: true }).waitFor();
    await form.getByText("Fix Prefix, User digits, and Counter digits; nothing was changed.").waitFor();
    // The keyboard is taken to the first field to fix.
    assert.equal(await field("Prefix").evaluate((element) => element === document.activeElement), true);
    const expectedRound1 = {
      Prefix: /^Prefix must not contain whitespace \(a space \(U\+0020\) at position 3\)/,
      "User digits": /^User digits must be a whole number from 1 to 10; got 0\.$/,
      "Counter digits": /^Counter digits must be a whole number from 1 to 9; got 12\.$/,
    };
    for (const [label, message] of Object.entries(expectedRound1)) {
      const state = await fieldState(field(label));
      assert.equal(state.invalid, true, `${label} is marked invalid`);
      assert.equal(state.descriptions.filter((d) => message.test(d)).length, 1, `${label} is described by its own message; got ${JSON.stringify(state.descriptions)}`);
    }
    for (const label of ["Earlier prefixes", "Deployment base", "Your user number", "Service URL", "Active days"]) {
      const state = await fieldState(field(label));
      assert.equal(state.invalid, false, `${label} is not marked`);
      assert.equal(state.descriptions.length, 1, `${label} has only its hint: ${JSON.stringify(state.descriptions)}`);
    }
    assert.deepEqual(await roaming(), stored, "nothing was saved");

    // Round 2: those fixed, a deployment base too big for 3 user digits; only that field complains.
    await field("Prefix").fill("CRM:");
    assert.equal((await fieldState(field("Prefix"))).invalid, false, "editing a field clears its message");
    await field("User digits").fill("3");
    await field("Counter digits").fill("5");
    await field("Deployment base").fill("1000");
    await form.getByRole("button", { name: "Save" }).click();
    await form.getByText("Settings not saved", { exact: true }).waitFor();
    const base = await fieldState(field("Deployment base"));
    assert.equal(base.invalid, true);
    assert.ok(
      base.descriptions.some((d) => d === "Deployment base must be a whole number from 0 to 999 (it must fit in 3 user digits); got 1000."),
      JSON.stringify(base.descriptions),
    );
    for (const label of ["Prefix", "User digits", "Counter digits", "Your user number", "Active days"]) {
      assert.equal((await fieldState(field(label))).invalid, false, `${label} is valid now`);
    }
    assert.deepEqual(await roaming(), stored, "still nothing saved");

    // Round 3: all valid: saved, and the next token has 5 counter digits.
    await field("Deployment base").fill("0");
    await form.getByRole("button", { name: "Save" }).click();
    await form.getByText("Settings saved", { exact: true }).waitFor();
    const saved = (await roaming()).settings;
    assert.equal(saved.counterDigits, 5);
    assert.equal(saved.activeDays, 30);
    assert.equal(saved.prefix, "CRM:");
    assert.equal(saved.userDigits, 3);
    assert.equal(saved.deploymentBase, 0);
    assert.equal(saved.userOrdinal, 2);
    assert.deepEqual(saved.prefixHistory, ["ACME:"]);

    assert.match(await addToken(page, locator), /^Settings check CRM:0002\d{5}$/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("offline, a valid change cannot reach the mailbox: the form says so and keeps the input", async () => {
    const { page, context, errors } = await suite.open();
    const { locator } = await newMessage(page, { subject: "Offline settings", mode: "Online" });
    await page.getByRole("switch", { name: /Work offline/ }).click();
    await waitForMode(locator, "Offline");
    const stored = await page.evaluate(() => window.__playground.roamingSettings());
    await locator.getByRole("button", { name: "Settings" }).click();
    const form = locator.getByRole("form", { name: "Settings" });
    await form.getByRole("textbox", { name: "Active days", exact: true }).fill("45");
    await form.getByRole("button", { name: "Save" }).click();
    await form.getByText("Settings not saved", { exact: true }).waitFor();
    await form.getByText(/Your changes are still here; try Save again\./).waitFor();
    assert.equal(await form.getByRole("textbox", { name: "Active days", exact: true }).inputValue(), "45");
    assert.deepEqual(await page.evaluate(() => window.__playground.roamingSettings()), stored);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
