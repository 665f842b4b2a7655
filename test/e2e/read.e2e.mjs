/**
 * The read pane in the playground: Office is ready, the item is the selected message, every sample
 * decodes as its note says, and the pinned pane follows the selection without reloading.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { browserSuite, pane, readyPane, showInReadPane } from "./helpers.mjs";

const NOT_IN_HISTORY = "Not in this device's history.";
const ours = (text, prefix, created, user, activity) => ({ text, parts: { Prefix: prefix, Created: created, "User number": user, "Activity number": activity } });

/** What the read pane must say about each sample in the Inbox (src/playground/model/samples.ts). */
const EXPECTED = {
  "inbox-ours": { tokens: [ours("CRM:00021003", "CRM: (current prefix)", "Online", "2", "1003")] },
  "inbox-history": { tokens: [ours("ACME:00020017", "ACME: (earlier prefix of ours)", "Online", "2", "17")] },
  "inbox-two-tokens": {
    tokens: [ours("CRM:00021003", "CRM: (current prefix)", "Online", "2", "1003"), ours("CRM:10020042", "CRM: (current prefix)", "Offline", "2", "42")],
  },
  "inbox-ticket": { foreign: [["[Ticket#4711]", "(OTRS / Zammad ticket)", /help desk ticket number.*Not a token of ours/]] },
  "inbox-tkt": { foreign: [["TKT:123456", "(another system's prefix)", /"TKT:" is not a prefix of ours/]] },
  "inbox-salesforce": { foreign: [["ref:_00D1a2b3c._5001a2b3c4:ref", "(Salesforce thread id)", /Salesforce Email-to-Case thread id/]] },
  "inbox-short": { nearMisses: [["CRM:0002100", /wrong length.*7 digits, now 8/]] },
  "inbox-glued": { nearMisses: [["CRM:00021003", /glued to the word before it/]] },
  "inbox-none": {},
};

/** The read pane's decode, read the way a screen reader user meets it: headings, named lists and groups. */
function readDecode(frame) {
  return frame.evaluate(() => {
    const main = document.querySelector("main");
    const listNamed = (name) => [...main.querySelectorAll("ul[aria-labelledby]")].find((ul) => document.getElementById(ul.getAttribute("aria-labelledby"))?.textContent === name);
    const marks = (name) =>
      [...(listNamed(name)?.children ?? [])].map((li) => {
        const [mark, explanation] = li.children;
        return { mark: mark.textContent, text: mark.querySelector("span")?.textContent ?? "", explanation: explanation.textContent };
      });
    const ourList = [...main.querySelectorAll("ul[aria-labelledby]")].find((ul) => /^Tracking tokens?( \(\d+\))?$/.test(document.getElementById(ul.getAttribute("aria-labelledby"))?.textContent ?? ""));
    const tokens = [...(ourList?.children ?? [])].map((li) => {
      const text = li.querySelector("h3").textContent;
      const group = li.querySelector(`[role="group"][aria-label="Parts of ${text}"]`);
      const parts = Object.fromEntries([...group.querySelectorAll("dt")].map((dt) => [dt.textContent, dt.nextElementSibling.textContent]));
      const answer = document.getElementById(li.querySelector("section[aria-labelledby]").getAttribute("aria-labelledby")).parentElement.innerText;
      return { text, parts, answer, copy: li.querySelector(`button[aria-label="Copy ${text}"]`) !== null };
    });
    const h2 = [...main.querySelectorAll("h2")].map((h) => h.textContent);
    return { h2, tokens, foreign: marks("Marks of other systems"), nearMisses: marks("Near misses"), text: main.innerText };
  });
}

describe("read pane", () => {
  const suite = browserSuite();

  it("loads on Microsoft's office.js: onReady resolves with Outlook and the pane renders its heading", async () => {
    const { page, context, errors } = await suite.open();
    const { locator, frame, info } = await readyPane(page, "read");
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
    const { page, context } = await suite.open();
    const { frame } = await readyPane(page, "read");
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

describe("read pane decoding", () => {
  const suite = browserSuite();

  it("decodes every sample in the Inbox as its note says", async () => {
    const { page, context, errors } = await suite.open();
    const { locator, frame } = await pane(page, "read");
    await locator.getByRole("heading", { level: 1 }).waitFor();
    const inbox = await page.evaluate(() => window.__playground.messages("inbox").map((m) => m.id));
    assert.deepEqual([...inbox].sort(), Object.keys(EXPECTED).sort(), "every Inbox sample has an expectation");

    for (const id of inbox) {
      const expected = EXPECTED[id];
      await showInReadPane(page, locator, id);
      const seen = await readDecode(frame);
      const tokens = expected.tokens ?? [];
      const headings = [
        tokens.length === 0 ? "No tracking token in this subject" : tokens.length === 1 ? "Tracking token" : `Tracking tokens (${tokens.length})`,
        ...(expected.foreign ? ["Marks of other systems"] : []),
        ...(expected.nearMisses ? ["Near misses"] : []),
      ];
      assert.deepEqual(seen.h2, headings, `${id}: sections`);
      assert.deepEqual(
        seen.tokens.map(({ text, parts }) => ({ text, parts })),
        tokens,
        `${id}: tokens`,
      );
      for (const token of seen.tokens) {
        assert.ok(token.copy, `${id}: ${token.text} has a Copy button`);
        // A fresh device: nothing it sent, so the pane says where the answer may be instead.
        assert.match(token.answer, new RegExp(`^What it answers\n${NOT_IN_HISTORY}`), `${id}: ${token.text} answer`);
        assert.match(token.answer, token.parts.Created === "Online" ? /created online/ : /created offline, possibly on another device/);
      }
      assert.deepEqual(
        seen.foreign.map(({ text, mark }) => [text, mark.slice(text.length).trim()]),
        (expected.foreign ?? []).map(([text, kind]) => [text, kind]),
        `${id}: marks of other systems`,
      );
      (expected.foreign ?? []).forEach(([, , why], i) => assert.match(seen.foreign[i].explanation, why, `${id}: why`));
      assert.deepEqual(
        seen.nearMisses.map(({ mark }) => mark),
        (expected.nearMisses ?? []).map(([text]) => text),
        `${id}: near misses`,
      );
      (expected.nearMisses ?? []).forEach(([, why], i) => assert.match(seen.nearMisses[i].explanation, why, `${id}: near miss explained`));
      if (tokens.length === 0) assert.match(seen.text, /No sent activity on this device has the same subject and addresses\./, `${id}: smart match says none`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("follows the selection without reloading, and says when nothing is selected", async () => {
    const { page, context, errors } = await suite.open();
    const { locator, frame } = await pane(page, "read");
    await locator.getByRole("heading", { level: 2 }).first().waitFor();
    await frame.evaluate(() => {
      window.__loadedOnce = true;
    });
    const inbox = page.getByRole("listbox", { name: "Inbox messages" });

    await inbox.getByRole("option", { name: /RE: Quote for 200 chairs CRM:00021003/ }).click();
    await locator.getByText("Subject: RE: Quote for 200 chairs CRM:00021003", { exact: true }).waitFor();
    await locator.getByRole("heading", { name: "CRM:00021003", level: 3 }).waitFor();

    await inbox.getByRole("option", { name: /Invoice query TKT:123456/ }).click();
    await locator.getByText("Subject: Invoice query TKT:123456", { exact: true }).waitFor();
    await locator.getByRole("list", { name: "Marks of other systems" }).getByText("TKT:123456", { exact: true }).waitFor();
    assert.equal(await locator.getByRole("heading", { name: "CRM:00021003" }).count(), 0);

    // Opening another folder selects nothing, as Outlook does.
    await page.getByRole("navigation", { name: "Folders" }).getByRole("button", { name: /Sent/ }).click();
    await locator.getByRole("heading", { name: "No message selected", level: 2 }).waitFor();
    await locator.getByText("Select a message to see the tracking tokens in its subject.").waitFor();

    // And back to a message: the same page all along.
    await page.getByRole("listbox", { name: "Sent messages" }).getByRole("option", { name: /Delivery dates ACME:00020017/ }).click();
    await locator.getByText("ACME: (earlier prefix of ours)", { exact: true }).waitFor();
    assert.equal(await frame.evaluate(() => window.__loadedOnce), true, "the pane was not reloaded");
    assert.deepEqual(errors, []);
    await context.close();
  });
});
