/** The compose form and the compose pane: labelled fields, the subject shared live with the pane, Reply and Send. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { launchBrowser, officeCall, openPlayground, pane, waitForOfficeReady } from "./helpers.mjs";

describe("compose", () => {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it("New message opens a form with To, Cc and Subject, and the compose pane beside it", async () => {
    const { page, context, errors } = await openPlayground(browser);
    await page.getByRole("button", { name: "New message" }).click();
    for (const label of ["To", "Cc", "Subject"]) await page.getByLabel(label, { exact: true }).waitFor();
    const { frame } = await pane(page, "compose");
    const info = await waitForOfficeReady(frame);
    assert.equal(info.host, "Outlook");
    // The pane's own UI is still being built; once it lands, assert its heading as read.e2e does.
    await frame.waitForFunction(() => (document.getElementById("root")?.textContent ?? "").trim().length > 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("shares the subject with the pane: setAsync shows in the field at once, typing shows in getAsync", async () => {
    const { page, context } = await openPlayground(browser);
    await page.getByRole("button", { name: "New message" }).click();
    const subject = page.getByLabel("Subject", { exact: true });
    await subject.fill("Quote for 200 chairs");
    const { frame } = await pane(page, "compose");
    await waitForOfficeReady(frame);
    const got = await officeCall(frame, "Office.context.mailbox.item.subject.getAsync(done);");
    assert.deepEqual(got, { status: "succeeded", value: "Quote for 200 chairs", error: null });
    const set = await officeCall(frame, "Office.context.mailbox.item.subject.setAsync(value, done);", "Quote for 200 chairs CRM:00021004");
    assert.equal(set.status, "succeeded");
    assert.equal(await subject.inputValue(), "Quote for 200 chairs CRM:00021004");
    const tooLong = await officeCall(frame, "Office.context.mailbox.item.subject.setAsync(value, done);", "x".repeat(256));
    assert.equal(tooLong.error.name, "DataExceedsMaximumSize");
    assert.equal(await subject.inputValue(), "Quote for 200 chairs CRM:00021004");
    await context.close();
  });

  it("Reply prefills RE: and the sender; Send moves the message to Sent", async () => {
    const { page, context } = await openPlayground(browser);
    await page.getByRole("option", { name: /Lunch on Friday/ }).click();
    await page.getByRole("button", { name: "Reply" }).click();
    assert.equal(await page.getByLabel("Subject", { exact: true }).inputValue(), "RE: Lunch on Friday?");
    assert.match(await page.getByLabel("To", { exact: true }).inputValue(), /sam\.colleague@contoso\.com/);
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByRole("button", { name: /Sent/ }).click();
    await page.getByRole("option", { name: /RE: Lunch on Friday\?/ }).waitFor();
    assert.equal(await page.evaluate(() => window.__playground.state.draft), null);
    await context.close();
  });
});
