/**
 * The compose form and the compose pane: labelled fields, the subject shared live with the pane,
 * Reply and Send; then stamping online through the pane's own buttons.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addToken, browserSuite, composePane, newMessage, officeCall, readyPane, tokenMode, tokensIn, waitForMode } from "./helpers.mjs";

describe("compose", () => {
  const suite = browserSuite();

  it("New message opens a form with To, Cc and Subject, and the compose pane beside it", async () => {
    const { page, context, errors } = await suite.open();
    await page.getByRole("button", { name: "New message" }).click();
    for (const label of ["To", "Cc", "Subject"]) await page.getByLabel(label, { exact: true }).waitFor();
    const { frame, info } = await readyPane(page, "compose");
    assert.equal(info.host, "Outlook");
    // The pane's own UI is still being built; once it lands, assert its heading as read.e2e does.
    await frame.waitForFunction(() => (document.getElementById("root")?.textContent ?? "").trim().length > 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("shares the subject with the pane: setAsync shows in the field at once, typing shows in getAsync", async () => {
    const { page, context } = await suite.open();
    await page.getByRole("button", { name: "New message" }).click();
    const subject = page.getByLabel("Subject", { exact: true });
    await subject.fill("Quote for 200 chairs");
    const { frame } = await readyPane(page, "compose");
    const got = await officeCall(frame, "Office.context.mailbox.item.subject.getAsync(done);");
    assert.deepEqual(got, { status: "succeeded", value: "Quote for 200 chairs", error: null });
    const set = await officeCall(frame, "Office.context.mailbox.item.subject.setAsync(value, done);", "Quote for 200 chairs CRM:00021004");
    assert.equal(set.status, "succeeded");
    assert.equal(await subject.inputValue(), "Quote for 200 chairs CRM:00021004");
    await context.close();
  });

  it("Reply prefills RE: and the sender; Send moves the message to Sent", async () => {
    const { page, context } = await suite.open();
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

describe("compose pane, online", () => {
  const suite = browserSuite();

  it("Add puts CRM:0 + user 002 + a 4-digit counter at the end of a new message's subject, under an Online badge", async () => {
    const { page, context, errors } = await suite.open();
    const { locator } = await newMessage(page, { subject: "Quote for 200 chairs", mode: "Online" });
    assert.match(await tokenMode(locator).textContent(), /^OnlineNumbers come from your mailbox\.$/);

    const subject = await addToken(page, locator);
    assert.match(subject, /^Quote for 200 chairs CRM:0002\d{4}$/);
    const token = subject.slice(-"CRM:00020001".length);
    // A fresh mailbox: the first online number is 1.
    assert.equal(token, "CRM:00020001");
    assert.equal(await page.getByLabel("Subject", { exact: true }).inputValue(), subject);
    // The pane shows the token it added, decoded, and says so.
    await locator.getByText(`The subject now ends with ${token}.`).waitFor();
    await locator.getByText("This message's token", { exact: true }).waitFor();
    await locator.getByText(token, { exact: true }).waitFor();
    assert.match(await tokenMode(locator).textContent(), /^Online/);
    assert.deepEqual((await page.evaluate(() => window.__playground.roamingSettings()))["counter:online"], { 2: { cycle: 0, last: 1 } });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("Reply keeps RE: and replaces the answered message's token with a new one of ours; Remove takes it out; Add again reuses it", async () => {
    const { page, context, errors } = await suite.open();
    await page.getByRole("listbox", { name: "Inbox messages" }).getByRole("option", { name: /RE: Quote for 200 chairs CRM:00021003/ }).click();
    await page.getByRole("button", { name: "Reply" }).click();
    const { locator } = await composePane(page);
    assert.equal(await page.evaluate(() => window.__playground.getSubject()), "RE: Quote for 200 chairs CRM:00021003");
    // Before Add, the pane reads the old token as someone else's, not this draft's.
    await locator.getByText("An earlier token of ours", { exact: true }).waitFor();
    await waitForMode(locator, "Online");

    const stamped = await addToken(page, locator);
    assert.match(stamped, /^RE: Quote for 200 chairs CRM:0002\d{4}$/);
    assert.equal(tokensIn(stamped).length, 1, `one token of ours in "${stamped}"`);
    assert.ok(!stamped.includes("CRM:00021003"), "the answered message's token is gone");
    const [token] = tokensIn(stamped);

    await locator.getByRole("button", { name: "Remove tracking token" }).click();
    await locator.getByRole("button", { name: "Add tracking token" }).waitFor();
    assert.equal(await page.evaluate(() => window.__playground.getSubject()), "RE: Quote for 200 chairs");
    await locator.getByText("Token removed", { exact: true }).waitFor();

    // The draft keeps its number: adding again puts the same token back.
    const again = await addToken(page, locator);
    assert.equal(again, `RE: Quote for 200 chairs ${token}`);
    await locator.getByText("Token already added", { exact: true }).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("two quick clicks on Add use one number", async () => {
    const { page, context, errors } = await suite.open();
    const { locator, frame } = await newMessage(page, { subject: "Double click", mode: "Online" });
    // Both clicks land before React re-renders (a real double click can be that fast).
    await frame.evaluate(() => {
      const add = [...document.querySelectorAll("button")].find((b) => b.textContent === "Add tracking token");
      add.click();
      add.click();
    });
    await locator.getByRole("button", { name: "Remove tracking token" }).waitFor();
    assert.equal(await page.evaluate(() => window.__playground.getSubject()), "Double click CRM:00020001");
    assert.deepEqual((await page.evaluate(() => window.__playground.roamingSettings()))["counter:online"], { 2: { cycle: 0, last: 1 } });

    // The next message gets the next number: the second click burned none.
    await newMessage(page, { subject: "Next one" });
    const next = await addToken(page, (await composePane(page)).locator);
    assert.equal(next, "Next one CRM:00020002");
    assert.deepEqual(errors, []);
    await context.close();
  });
});
