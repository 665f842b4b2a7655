/** The read pane in the playground: Office is ready, the item is the selected message, and the pinned pane follows the selection. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { launchBrowser, openPlayground, pane, waitForOfficeReady } from "./helpers.mjs";

describe("read pane", () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it("loads with the fake Office: onReady resolves with Outlook and the pane renders its heading", async () => {
    const { page, context, errors } = await openPlayground(browser);
    const { locator, frame } = await pane(page, "read");
    const info = await waitForOfficeReady(frame);
    assert.equal(info.host, "Outlook");
    await locator.getByRole("heading", { level: 1 }).waitFor();
    assert.match(await locator.getByRole("heading", { level: 1 }).textContent(), /tracking tokens/i);
    const item = await frame.evaluate(() => {
      const it = window.Office.context.mailbox.item;
      return { subject: it.subject, from: it.from.emailAddress, isDate: it.dateTimeCreated instanceof Date, toIsArray: Array.isArray(it.to) };
    });
    assert.deepEqual(item, { subject: "RE: Quote for 200 chairs CRM:00021003", from: "dana.buyer@fabrikam.com", isDate: true, toIsArray: true });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("is pinned: selecting another message fires ItemChanged instead of reloading; no selection gives item null", async () => {
    const { page, context } = await openPlayground(browser);
    const { frame } = await pane(page, "read");
    await waitForOfficeReady(frame);
    await frame.evaluate(
      () =>
        new Promise((resolve) => {
          window.__samePage = true;
          window.__itemChanges = [];
          window.Office.context.mailbox.addHandlerAsync(
            window.Office.EventType.ItemChanged,
            () => window.__itemChanges.push(window.Office.context.mailbox.item?.subject ?? null),
            resolve,
          );
        }),
    );
    await page.getByRole("option", { name: /Delivery dates ACME:00020017/ }).click();
    await frame.waitForFunction(() => window.__itemChanges.length === 1);
    await page.getByRole("button", { name: /Sent/ }).click();
    await frame.waitForFunction(() => window.__itemChanges.length === 2);
    assert.deepEqual(await frame.evaluate(() => window.__itemChanges), ["RE: RE: Delivery dates ACME:00020017", null]);
    assert.equal(await frame.evaluate(() => window.__samePage), true);
    await context.close();
  });
});
