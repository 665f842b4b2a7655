/**
 * The screenshots in docs/screenshots/ (1280×800), taken from the real panes in the playground.
 * Each test first checks that the pane shows what its picture is for. The clock is pinned, and the
 * time zone is the playground user's, so the pictures only change when the panes do.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addToken, browserSuite, newMessage, pane, screenshot, showInReadPane, tokenMode, waitForMode } from "./helpers.mjs";

const SHOT = { fixedTime: "2025-05-15T09:30:00Z", timezoneId: "Europe/Berlin", locale: "en-US" };

describe("screenshots", () => {
  const suite = browserSuite();

  it("compose-online.png: a new message stamped online", async () => {
    const { page, context, errors } = await suite.open(SHOT);
    const { locator } = await newMessage(page, { subject: "Quote for 200 chairs", mode: "Online" });
    assert.equal(await addToken(page, locator), "Quote for 200 chairs CRM:00020001");
    await locator.getByText("Token added", { exact: true }).waitFor();
    await screenshot(page, "compose-online.png");
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("compose-offline.png: Work offline on, a token from the device's counter", async () => {
    const { page, context, errors } = await suite.open(SHOT);
    await page.getByRole("switch", { name: /Work offline/ }).click();
    const { locator } = await newMessage(page, { subject: "Delivery dates for order 4411", mode: "Offline" });
    assert.equal(await addToken(page, locator), "Delivery dates for order 4411 CRM:10020001");
    await tokenMode(locator).getByText("1 offline activity waiting to sync", { exact: true }).waitFor();
    await screenshot(page, "compose-offline.png");
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("read-reply.png: a reply carrying our token, and the sent message it answers", async () => {
    const { page, context, errors } = await suite.open(SHOT);
    // Stamp and send a message, so this device's activity log knows its token.
    const { locator: compose } = await newMessage(page, { subject: "Quote for 200 chairs" });
    await page.getByLabel("Cc", { exact: true }).fill("lee@fabrikam.com");
    await waitForMode(compose, "Online");
    const stamped = await addToken(page, compose);
    await page.getByRole("button", { name: "Send" }).click();
    // The playground receives no mail: the reply is one sent from here (Sent, Reply, Send).
    await page.getByRole("navigation", { name: "Folders" }).getByRole("button", { name: /Sent/ }).click();
    const sent = page.getByRole("listbox", { name: "Sent messages" });
    await sent.getByRole("option", { name: new RegExp(stamped) }).click();
    await page.getByRole("button", { name: "Reply" }).click();
    assert.equal(await page.getByLabel("Subject", { exact: true }).inputValue(), `RE: ${stamped}`);
    await page.getByRole("button", { name: "Send" }).click();
    // Sending may wait for the send handler: wait until the reply is in Sent.
    const reply = await (
      await page.waitForFunction((subject) => window.__playground.messages("sent").find((m) => m.subject === subject)?.id, `RE: ${stamped}`)
    ).jsonValue();

    const { locator, frame } = await pane(page, "read");
    await showInReadPane(page, locator, reply);
    await locator.getByRole("heading", { name: "CRM:00020001", level: 3 }).waitFor();
    await locator.getByText("Found by token", { exact: true }).waitFor();
    const answer = await frame.evaluate(() => document.querySelector("main").innerText);
    assert.match(answer, /What it answers\nFound by token\nSubject\nQuote for 200 chairs CRM:00020001\nTo\ndana\.buyer@fabrikam\.com\nCc\nlee@fabrikam\.com\nSent\n/);
    await screenshot(page, "read-reply.png");
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("read-foreign.png and read-near-miss.png: marks of other systems, and near misses of ours", async () => {
    const { page, context, errors } = await suite.open(SHOT);
    const { locator } = await pane(page, "read");
    await showInReadPane(page, locator, "inbox-ticket");
    await locator.getByRole("list", { name: "Marks of other systems" }).getByText("[Ticket#4711]", { exact: true }).waitFor();
    await screenshot(page, "read-foreign.png");
    await showInReadPane(page, locator, "inbox-short");
    await locator.getByRole("list", { name: "Near misses" }).getByText("CRM:0002100", { exact: true }).waitFor();
    await screenshot(page, "read-near-miss.png");
    assert.deepEqual(errors, []);
    await context.close();
  });
});
