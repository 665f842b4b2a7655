/** The playground itself: it loads, shows the sample mailbox, and "Work offline" reaches the panes. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { browserSuite, officeCall, readyPane, screenshot } from "./helpers.mjs";

const INBOX_SUBJECTS = [
  "RE: Quote for 200 chairs CRM:00021003",
  "RE: RE: Delivery dates ACME:00020017",
  "RE: FW: Order 4411 CRM:00021003 CRM:10020042",
  "FW: Broken armrest [Ticket#4711]",
  "Invoice query TKT:123456",
  "RE: Your case ref:_00D1a2b3c._5001a2b3c4:ref",
  "RE: Price list CRM:0002100",
  "Re: Samples xCRM:00021003",
  "Lunch on Friday?",
];

describe("playground", () => {
  const suite = browserSuite();

  it("loads without errors and shows the mailbox", async () => {
    const { page, context, errors } = await suite.open();
    await page.getByRole("heading", { name: "Tracking Tokens playground" }).waitFor();
    assert.equal(await page.title(), "Tracking Tokens playground");
    await page.getByRole("navigation", { name: "Folders" }).getByRole("button", { name: /Inbox/ }).waitFor();
    await page.getByRole("button", { name: "New message" }).waitFor();
    await page.getByRole("switch", { name: /Work offline/ }).waitFor();
    // Let the read pane finish loading: its errors count too.
    await readyPane(page, "read");
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("lists the sample messages in the Inbox, and the sent ones in Sent", async () => {
    const { page, context } = await suite.open();
    const inbox = page.getByRole("listbox", { name: "Inbox messages" }).getByRole("option");
    await inbox.first().waitFor();
    const texts = await inbox.allTextContents();
    assert.equal(texts.length, INBOX_SUBJECTS.length);
    for (const subject of INBOX_SUBJECTS) assert.ok(texts.some((t) => t.includes(subject)), `Inbox lacks "${subject}"`);
    await page.getByRole("button", { name: /Sent/ }).click();
    const sent = page.getByRole("listbox", { name: "Sent messages" }).getByRole("option");
    await sent.first().waitFor();
    assert.ok((await sent.allTextContents()).some((t) => t.includes("Quote for 200 chairs CRM:00021003")));
    await context.close();
  });

  it("Work offline makes navigator.onLine false in the pane, fires offline/online, and fails roaming saves", async () => {
    const { page, context } = await suite.open();
    const { frame } = await readyPane(page, "read");
    await frame.evaluate(() => {
      window.__connectivityEvents = [];
      for (const type of ["offline", "online"]) window.addEventListener(type, () => window.__connectivityEvents.push(type));
    });
    assert.equal(await frame.evaluate(() => navigator.onLine), true);

    await page.getByRole("switch", { name: /Work offline/ }).click();
    assert.equal(await frame.evaluate(() => navigator.onLine), false);
    const save = await officeCall(frame, "Office.context.roamingSettings.set('probe', 1); Office.context.roamingSettings.saveAsync(done);");
    assert.equal(save.status, "failed");
    assert.equal(save.error.name, "NetworkError");

    await page.getByRole("switch", { name: /Work offline/ }).click();
    assert.equal(await frame.evaluate(() => navigator.onLine), true);
    assert.deepEqual(await frame.evaluate(() => window.__connectivityEvents), ["offline", "online"]);
    const retry = await officeCall(frame, "Office.context.roamingSettings.saveAsync(done);");
    assert.equal(retry.status, "succeeded");
    await context.close();
  });

  it("looks right at 1280×800 (screenshot in docs/screenshots/playground.png)", async () => {
    const { page, context } = await suite.open();
    await readyPane(page, "read");
    await page.getByRole("heading", { level: 2 }).first().waitFor();
    const file = await screenshot(page, "playground.png");
    assert.ok(file.endsWith("playground.png"));
    await context.close();
  });
});
