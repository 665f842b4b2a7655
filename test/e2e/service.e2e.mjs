/**
 * A team sharing the tracking service, in the real browser with the real service (src/server, SQLite
 * in a temporary folder, development sign-in): Pat stamps and sends a quote with Sam in Cc; the
 * customer replies to all; Sam's read pane shows Pat's activity, resolved through the service.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { browserSuite, devAccessToken, fetchActivity, pane, readyPane, screenshot, signInAs } from "./helpers.mjs";

describe("tracking service shared by two users", () => {
  const suite = browserSuite({ service: true });

  it("Pat stamps and sends; the customer replies to all; Sam's read pane shows Pat's activity from the service", async () => {
    const { page, context, errors } = await suite.open();
    const signIn = (user) => signInAs(page, user, suite.service.url);

    // Pat: a new message to the customer, Sam in Cc, stamped online by the service.
    await signIn("pat");
    assert.match(await page.getByLabel("Signed in as").inputValue(), /^pat$/);
    await page.getByRole("button", { name: "New message" }).click();
    await page.getByLabel("To", { exact: true }).fill("Dana Buyer <dana.buyer@fabrikam.com>");
    await page.getByLabel("Cc", { exact: true }).fill("sam.colleague@contoso.com");
    await page.getByLabel("Subject", { exact: true }).fill("Quote for 12 standing desks");
    const compose = await readyPane(page, "compose");
    await compose.locator.getByRole("status", { name: "Token mode" }).filter({ hasText: /^Online/ }).waitFor();
    await compose.locator.getByText("Numbers come from the tracking service.").waitFor();
    await compose.locator.getByRole("button", { name: "Add tracking token" }).click();
    await compose.locator.getByRole("button", { name: "Remove tracking token" }).waitFor();
    const subject = await page.evaluate(() => window.__playground.getSubject());
    // Pat numbered on her own as user 2 before: the service keeps the number she claims (docs/NUMBERING.md), online.
    assert.equal(subject, "Quote for 12 standing desks CRM:00020001");
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByRole("button", { name: /Sent/ }).click();
    await page.getByRole("option", { name: /Quote for 12 standing desks CRM:00020001/ }).click();

    // The customer replies to all: Pat and Sam (Cc) get the reply.
    await page.getByRole("button", { name: "Simulate customer answer" }).click();
    await page.getByRole("option", { name: /RE: Quote for 12 standing desks CRM:00020001/ }).waitFor();

    // Sam: the reply is in his Inbox; his read pane asks the service, which knows Pat's activity.
    await signIn("sam");
    const reply = await page.evaluate(() => window.__playground.messages("inbox").find((m) => m.subject.startsWith("RE: Quote for 12 standing desks")));
    assert.ok(reply, "the reply reached Sam's Inbox");
    assert.equal(reply.from.emailAddress, "dana.buyer@fabrikam.com");
    await page.evaluate((id) => window.__playground.selectMessage(id), reply.id);
    const read = await readyPane(page, "read");
    const answer = read.locator.getByRole("region", { name: "What it answers" });
    await answer.getByText("Found by token (tracking service)").waitFor();
    const details = await answer.locator("dt").evaluateAll((terms) => Object.fromEntries(terms.map((t) => [t.textContent, t.nextElementSibling?.textContent])));
    assert.equal(details.Subject, "Quote for 12 standing desks CRM:00020001");
    assert.equal(details.Sender, "Pat Seller <pat.seller@contoso.com>");
    assert.equal(details.To, "dana.buyer@fabrikam.com");
    assert.equal(details.Cc, "sam.colleague@contoso.com");
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("the record is the sent mail: stamped first, then recipients and a changed subject; a discarded stamped draft is not shown as sent", async () => {
    const { page, context, errors } = await suite.open();
    const signIn = (user) => signInAs(page, user, suite.service.url);
    const stampInPane = async () => {
      const compose = await readyPane(page, "compose");
      await compose.locator.getByRole("status", { name: "Token mode" }).filter({ hasText: /^Online/ }).waitFor();
      await compose.locator.getByRole("button", { name: "Add tracking token" }).click();
      await compose.locator.getByRole("button", { name: "Remove tracking token" }).waitFor();
      return compose;
    };

    await signIn("pat");
    // A stamped draft that is discarded: its number is used, but it was never sent.
    await page.getByRole("button", { name: "New message" }).click();
    await page.getByLabel("Subject", { exact: true }).fill("Quote for 40 desks");
    await stampInPane();
    const discarded = /CRM:\d{8}$/.exec(await page.evaluate(() => window.__playground.getSubject()))?.[0];
    assert.ok(discarded, "the discarded draft was stamped");
    await page.evaluate(() => window.__playground.discardDraft());

    // The steps: subject first, Add tracking token, then To and Cc, 12 -> 14, Send.
    await page.getByRole("button", { name: "New message" }).click();
    await page.getByLabel("Subject", { exact: true }).fill("Offer for 12 standing desks");
    await stampInPane();
    const stamped = await page.evaluate(() => window.__playground.getSubject());
    const token = /CRM:\d{8}$/.exec(stamped)?.[0];
    assert.ok(token && token !== discarded, `a new number for the offer (${stamped})`);
    await page.getByLabel("To", { exact: true }).fill("dana.buyer@fabrikam.com");
    await page.getByLabel("Cc", { exact: true }).fill("sam.colleague@contoso.com");
    await page.getByLabel("Subject", { exact: true }).fill(stamped.replace("12", "14"));
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await page.waitForFunction(() => window.__playground.state.draft === null, undefined, { timeout: 15_000 });
    const run = await page.evaluate(() => window.__playgroundSendEvents.at(-1));
    assert.equal(run.completedCalls, 1);
    await page.getByRole("button", { name: /Sent/ }).click();
    await page.getByRole("option", { name: /Offer for 14 standing desks/ }).click();
    await page.getByRole("button", { name: "Simulate customer answer" }).click();
    await page.getByRole("option", { name: /RE: Offer for 14 standing desks/ }).waitFor();
    // The same answer from a client that dropped the token: only smart matching can pair it.
    await page.getByRole("button", { name: /Sent/ }).click();
    await page.getByRole("option", { name: /Offer for 14 standing desks/ }).click();
    await page.getByRole("button", { name: "Simulate answer without the token" }).click();

    await signIn("sam");
    const inbox = await page.evaluate(() => window.__playground.messages("inbox").filter((m) => m.subject.startsWith("RE: Offer for 14 standing desks")));
    const withToken = inbox.find((m) => m.subject.includes(token));
    const withoutToken = inbox.find((m) => !/CRM:\d{8}/.test(m.subject));
    assert.ok(withToken && withoutToken, `both answers reached Sam: ${inbox.map((m) => m.subject).join(" | ")}`);
    await page.evaluate((id) => window.__playground.selectMessage(id), withToken.id);
    const read = await readyPane(page, "read");
    const answer = read.locator.getByRole("region", { name: "What it answers" });
    await answer.getByText("Found by token (tracking service)").waitFor();
    const details = await answer.locator("dt").evaluateAll((terms) => Object.fromEntries(terms.map((t) => [t.textContent, t.nextElementSibling?.textContent])));
    assert.equal(details.Subject, `Offer for 14 standing desks ${token}`);
    assert.equal(details.To, "dana.buyer@fabrikam.com");
    assert.equal(details.Cc, "sam.colleague@contoso.com");
    await screenshot(page, "read-final-record-via-service.png");

    await page.evaluate((id) => window.__playground.selectMessage(id), withoutToken.id);
    const smart = await pane(page, "read");
    // The screenshot shows the service's answer, which follows what this device knows.
    await smart.locator.getByText(/smart match by the tracking service/i).first().waitFor();
    await screenshot(page, "read-smart-match-no-token.png");

    // The discarded draft's token, as a colleague's service lookup sees it: not a sent mail.
    const lookup = await fetchActivity(suite.service.url, discarded, await devAccessToken(suite.service.url, "sam.colleague@contoso.com"));
    assert.deepEqual(await lookup.json(), { status: "issued", token: discarded });
    assert.deepEqual(errors, []);
    await context.close();
  });
});
