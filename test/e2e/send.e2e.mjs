/**
 * Auto-stamp on send (docs/DESIGN.md §8): the playground's Send button runs the add-in's OnMessageSend
 * handler (the real commands bundle, in a hidden runtime) before the message goes. With the
 * setting on it stamps a message that has no token of ours and leaves a stamped one alone, online
 * and offline; and every message reaches Sent, whatever the handler did.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { browserSuite } from "./helpers.mjs";

/** Writes a message through the form and clicks Send; resolves with the subject it has in Sent. */
async function sendThroughForm(page, subject) {
  await page.getByRole("button", { name: "New message" }).click();
  await page.getByLabel("To", { exact: true }).fill("dana.buyer@fabrikam.com");
  await page.getByLabel("Subject", { exact: true }).fill(subject);
  const before = await page.evaluate(() => window.__playground.messages("sent").length);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  // Sent: the message left the draft and is the newest in Sent.
  await page.waitForFunction((count) => window.__playground.messages("sent").length === count + 1 && window.__playground.state.draft === null, before, { timeout: 15_000 });
  return page.evaluate(() => window.__playground.messages("sent")[0].subject);
}

async function turnOnAutoStamp(page) {
  const toggle = page.getByRole("switch", { name: /Auto-stamp on send/ });
  await toggle.check();
  assert.equal(await toggle.isChecked(), true);
  assert.equal(await page.evaluate(() => window.__playground.roamingSettings().settings.autoStampOnSend), true);
}

const lastRun = (page) => page.evaluate(() => window.__playgroundSendEvents.at(-1));

describe("auto-stamp on send", () => {
  const suite = browserSuite();

  it("online: stamps an unstamped message (designator 0) and leaves a stamped one alone", async () => {
    const { page, context, errors } = await suite.open();
    await turnOnAutoStamp(page);

    const stamped = await sendThroughForm(page, "Quote for 200 chairs");
    assert.match(stamped, /^Quote for 200 chairs CRM:0002\d{4}$/);
    const run = await lastRun(page);
    assert.equal(run.result, "completed");
    assert.equal(run.allowEvent, true);
    assert.equal(run.completedCalls, 1);
    assert.ok(run.durationMs < 5000, `the handler took ${run.durationMs} ms`);

    assert.equal(await sendThroughForm(page, "RE: Quote CRM:00031003"), "RE: Quote CRM:00031003");
    assert.equal((await lastRun(page)).completedCalls, 1);

    // The online counter moved in the mailbox: the token came from the mailbox authority.
    const online = await page.evaluate(() => window.__playground.roamingSettings()["counter:online"]);
    assert.ok(online !== undefined, "the mailbox's online counter was saved");
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("offline (Work offline): stamps from the device counter (designator 1), leaves a stamped one alone, and sends", async () => {
    const { page, context, errors } = await suite.open();
    await turnOnAutoStamp(page);
    await page.getByRole("switch", { name: /Work offline/ }).check();

    assert.match(await sendThroughForm(page, "Quote while travelling"), /^Quote while travelling CRM:1002\d{4}$/);
    assert.equal(await sendThroughForm(page, "FW: Order ACME:00021003"), "FW: Order ACME:00021003");
    assert.equal((await lastRun(page)).result, "completed");
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("never stamps twice: two unstamped messages get two different numbers", async () => {
    const { page, context } = await suite.open();
    await turnOnAutoStamp(page);
    const first = await sendThroughForm(page, "One");
    const second = await sendThroughForm(page, "Two");
    const token = (subject) => /CRM:\d{8}$/.exec(subject)?.[0];
    assert.ok(token(first) && token(second));
    assert.notEqual(token(first), token(second));
    await context.close();
  });

  it("setting off (the default): sends the message as written", async () => {
    const { page, context, errors } = await suite.open();
    assert.equal(await page.getByRole("switch", { name: /Auto-stamp on send/ }).isChecked(), false);
    assert.equal(await sendThroughForm(page, "No token please"), "No token please");
    const run = await lastRun(page);
    assert.equal(run.result, "completed");
    assert.equal(run.completedCalls, 1);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("a client below Mailbox 1.12 has no send event: the message goes unstamped, at once", async () => {
    const { page, context } = await suite.open();
    await turnOnAutoStamp(page);
    await page.evaluate(() => window.__playground.setOptions({ mailboxVersion: "1.11" }));
    assert.equal(await sendThroughForm(page, "Old Outlook"), "Old Outlook");
    assert.equal((await lastRun(page)).result, "no-event");
    await context.close();
  });
});
