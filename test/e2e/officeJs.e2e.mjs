/**
 * What the playground's host answers Microsoft's office.js (src/playground/outlookHost/README.md),
 * seen from the panes: every browser test runs on office.js; these look at the wire itself.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addToken, browserSuite, composePane, newMessage, officeCall, pane, readyPane, showInReadPane, tokensIn, waitForMode } from "./helpers.mjs";

describe("panes on Microsoft's office.js", () => {
  const suite = browserSuite();

  async function openOnOfficeJs() {
    const opened = await suite.open();
    return { ...opened, unexpected: () => opened.errors };
  }

  /** The pane page loaded Microsoft's office.js and its Outlook on the web script, and no fake. */
  async function assertMicrosoftOfficeJs(frame) {
    const scripts = await frame.evaluate(() => [...document.scripts].map((script) => script.src));
    assert.ok(scripts.some((src) => src.endsWith("/playground/office-js/office.js")), scripts.join(", "));
    assert.ok(scripts.some((src) => src.endsWith("/playground/office-js/outlook-web-16.01.js")), scripts.join(", "));
    assert.ok(!scripts.some((src) => /fake-office/.test(src)), scripts.join(", "));
  }

  it("the compose pane stamps a draft: the subject gets our token, read back through the host", async () => {
    const { page, context, unexpected } = await openOnOfficeJs();
    await page.getByRole("button", { name: "New message" }).click();
    await page.getByLabel("To", { exact: true }).fill("dana.buyer@fabrikam.com");
    await page.getByLabel("Subject", { exact: true }).fill("Quote for 200 chairs");
    const { locator, frame } = await composePane(page);
    await assertMicrosoftOfficeJs(frame);
    const info = await frame.evaluate(() => window.Office.onReady());
    assert.deepEqual({ host: info.host, platform: info.platform }, { host: "Outlook", platform: "OfficeOnline" });
    const subject = await addToken(page, locator);
    assert.equal(tokensIn(subject).length, 1, subject);
    assert.ok(subject.startsWith("Quote for 200 chairs "), subject);
    // office.js reads it back from the host (dispatch id 18), as the pane does.
    const got = await officeCall(frame, "Office.context.mailbox.item.subject.getAsync(done);");
    assert.deepEqual(got, { status: "succeeded", value: subject, error: null });
    assert.deepEqual(unexpected(), []);
    await context.close();
  });

  it("the read pane decodes a received message's token", async () => {
    const { page, context, unexpected } = await openOnOfficeJs();
    const { locator, frame } = await readyPane(page, "read");
    await assertMicrosoftOfficeJs(frame);
    await locator.getByText("Subject: RE: Quote for 200 chairs CRM:00021003").waitFor();
    await locator.getByText("CRM:00021003", { exact: true }).waitFor();
    await locator.getByText("Activity number").waitFor();
    assert.deepEqual(unexpected(), []);
    await context.close();
  });

  it("the pinned read pane follows the selection: the host sends ItemChanged with the new item, the page does not reload", async () => {
    const { page, context, unexpected } = await openOnOfficeJs();
    const { locator, frame } = await readyPane(page, "read");
    await locator.getByText("Subject: RE: Quote for 200 chairs CRM:00021003").waitFor();
    await frame.evaluate(() => {
      window.__sameDocument = true;
    });
    const second = await page.evaluate(() => window.__playground.state.messages.find((m) => m.subject.startsWith("FW: Broken armrest")).id);
    const subject = await showInReadPane(page, locator, second);
    assert.equal(await frame.evaluate(() => window.Office.context.mailbox.item.subject), subject);
    assert.equal(await frame.evaluate(() => window.__sameDocument), true);
    assert.deepEqual(unexpected(), []);
    await context.close();
  });

  it("the compose pane hears RecipientsChanged when To changes, with the changed fields", async () => {
    const { page, context, unexpected } = await openOnOfficeJs();
    await page.getByRole("button", { name: "New message" }).click();
    await page.getByLabel("Subject", { exact: true }).fill("Quote");
    const { frame } = await composePane(page);
    const added = await officeCall(frame, "window.__heard = []; Office.context.mailbox.item.addHandlerAsync(Office.EventType.RecipientsChanged, (event) => window.__heard.push(event.changedRecipientFields), done);");
    assert.equal(added.status, "succeeded");
    await page.getByLabel("To", { exact: true }).fill("dana.buyer@fabrikam.com");
    await frame.waitForFunction(() => window.__heard.length > 0);
    assert.deepEqual(await frame.evaluate(() => window.__heard[0]), { to: true, cc: true, bcc: false });
    const to = await officeCall(frame, "Office.context.mailbox.item.to.getAsync(done);");
    assert.deepEqual(to.value, [{ emailAddress: "dana.buyer@fabrikam.com", displayName: "dana.buyer@fabrikam.com", recipientType: "externalUser" }]);
    assert.deepEqual(unexpected(), []);
    await context.close();
  });

  it("roaming settings save through the host (404), and fail with office.js's network error while the playground works offline", async () => {
    const { page, context, unexpected } = await openOnOfficeJs();
    const { frame } = await readyPane(page, "read");
    const saved = await officeCall(frame, "Office.context.roamingSettings.set('probe', { n: 1 }); Office.context.roamingSettings.saveAsync(done);");
    assert.equal(saved.status, "succeeded");
    assert.deepEqual(await page.evaluate(() => window.__playground.roamingSettings().probe), { n: 1 });
    await page.getByRole("switch", { name: /Work offline/ }).click();
    const failed = await officeCall(frame, "Office.context.roamingSettings.set('probe', { n: 2 }); Office.context.roamingSettings.saveAsync(done);");
    assert.equal(failed.status, "failed");
    assert.equal(failed.error.code, 9041);
    assert.deepEqual(unexpected(), []);
    await context.close();
  });

  it("office.js's own argument check: a subject over 255 characters throws before the host hears of it", async () => {
    const { page, context } = await openOnOfficeJs();
    await page.getByRole("button", { name: "New message" }).click();
    await page.getByLabel("Subject", { exact: true }).fill("Quote");
    const { frame } = await composePane(page);
    const thrown = await frame.evaluate(() => {
      try {
        window.Office.context.mailbox.item.subject.setAsync("x".repeat(256), () => undefined);
        return null;
      } catch (error) {
        return { name: error.name, message: error.message };
      }
    });
    assert.equal(thrown?.name, "Sys.ArgumentOutOfRangeException", JSON.stringify(thrown));
    assert.match(thrown.message, /Parameter name: subject/);
    assert.equal(await page.getByLabel("Subject", { exact: true }).inputValue(), "Quote");
    await context.close();
  });

  it("the display language is the host's one field (displayLanguage): the panes reload in it, and office.js loads its strings", async () => {
    const { page, context, unexpected } = await openOnOfficeJs();
    await readyPane(page, "read");
    await page.evaluate(() => window.__playground.setOptions({ displayLanguage: "de-DE" }));
    const { frame } = await readyPane(page, "read");
    assert.equal(await frame.evaluate(() => window.Office.context.displayLanguage), "de-DE");
    const scripts = await frame.evaluate(() => performance.getEntriesByType("resource").map((entry) => new URL(entry.name).pathname));
    assert.ok(scripts.includes("/playground/office-js/de-de/office_strings.js"), scripts.join(", "));
    assert.deepEqual(unexpected(), []);
    await context.close();
  });

  it("office.js hands asyncContext back with the result; the host never sees it", async () => {
    const { page, context, unexpected } = await openOnOfficeJs();
    await page.getByRole("button", { name: "New message" }).click();
    await page.getByLabel("Subject", { exact: true }).fill("Quote");
    const { frame } = await composePane(page);
    const result = await frame.evaluate(
      () => new Promise((resolve) => window.Office.context.mailbox.item.subject.getAsync({ asyncContext: { draft: 7 } }, (r) => resolve({ status: r.status, value: r.value, asyncContext: r.asyncContext }))),
    );
    assert.deepEqual(result, { status: "succeeded", value: "Quote", asyncContext: { draft: 7 } });
    assert.deepEqual(unexpected(), []);
    await context.close();
  });

  it("a requirement set the host does not answer (Mailbox 1.0): the compose pane says it cannot change the subject", async () => {
    const { page, context, unexpected } = await openOnOfficeJs();
    // office.js reads the requirement matrix once, at the handshake: set before the pane loads.
    await page.evaluate(() => window.__playground.setOptions({ mailboxVersion: "1.0" }));
    await page.getByRole("button", { name: "New message" }).click();
    await page.getByLabel("Subject", { exact: true }).fill("Quote");
    const { locator, frame } = await readyPane(page, "compose");
    assert.equal(await frame.evaluate(() => window.Office.context.requirements.isSetSupported("Mailbox", "1.1")), false);
    await locator.getByText("This Outlook cannot change the subject").waitFor();
    assert.equal(await locator.getByRole("button", { name: "Add tracking token" }).count(), 0);
    assert.deepEqual(unexpected(), []);
    await context.close();
  });

  it("an error code from the host (9041 under Work offline): the pane's settings form says the mailbox cannot be reached", async () => {
    const { page, context, unexpected } = await openOnOfficeJs();
    const { locator } = await newMessage(page, { subject: "Offline settings", mode: "Online" });
    await page.getByRole("switch", { name: /Work offline/ }).click();
    await waitForMode(locator, "Offline");
    await locator.getByRole("button", { name: "Settings" }).click();
    const form = locator.getByRole("form", { name: "Settings" });
    await form.getByRole("textbox", { name: "Active days", exact: true }).fill("45");
    await form.getByRole("button", { name: "Save" }).click();
    await form.getByText(/error 9041/).waitFor();
    assert.deepEqual(unexpected(), []);
    await context.close();
  });

  it("a host that never answers: the pane stops waiting at its own deadline (10 s, not office.js's 65 s) and says so", async () => {
    const { page, context, unexpected } = await openOnOfficeJs();
    await page.evaluate(() => window.__playground.setOptions({ hostAnswers: false }));
    await page.getByRole("button", { name: "New message" }).click();
    const { locator } = await pane(page, "compose");
    await locator.getByText(/Office did not answer within 10 s\. Check the network, then reload the pane\./).waitFor({ timeout: 20_000 });
    assert.equal(await locator.getByRole("button", { name: "Add tracking token" }).count(), 0);
    assert.deepEqual(unexpected(), []);
    await context.close();
  });
});
