/**
 * The panes in the user's language (docs/DESIGN.md §9): the playground's Display language switch
 * reloads both panes in German, Japanese and the right-to-left pseudo-locale, which the screenshots
 * in docs/screenshots/ show; and in the pseudo-locale (texts about 40 % longer) a 320 px pane cuts
 * nothing off.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { browserSuite, pane, screenshot } from "./helpers.mjs";

const SHOT = { fixedTime: "2025-05-15T09:30:00Z", timezoneId: "Europe/Berlin", locale: "en-US" };

/** What each language's panes say, to know they loaded in it. */
const LANGUAGES = [
  { tag: "de-DE", file: "de", heading: "Tracking-Tokens", nearMisses: "Beinahe-Treffer", add: "Tracking-Token hinzufügen", remove: "Tracking-Token entfernen", dir: "ltr" },
  { tag: "ja-JP", file: "ja", heading: "追跡トークン", nearMisses: "トークンに似た文字列", add: "追跡トークンを追加", remove: "追跡トークンを削除", dir: "ltr" },
  { tag: "qps-plocm", file: "rtl", heading: /^\[Ţŕàçķíñĝ ţöķéñš/, nearMisses: /^\[Ñéàŕ ɱíššéš/, add: /^\[Åđđ ţŕàçķíñĝ ţöķéñ/, remove: /^\[Ŕéɱöṽé ţŕàçķíñĝ ţöķéñ/, dir: "rtl" },
];

async function switchLanguage(page, tag) {
  await page.getByLabel("Language", { exact: true }).selectOption(tag);
}

async function showMessage(page, id) {
  await page.evaluate((messageId) => window.__playground.selectMessage(messageId), id);
}

/** Elements of the pane that are cut off: content wider than its box, or reaching past the pane's right or left edge. */
function cutOff(frame) {
  return frame.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found = [];
    for (const element of document.querySelectorAll("main *, [role=status] *")) {
      const style = getComputedStyle(element);
      if (style.display === "none" || style.visibility === "hidden") continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const describe = `${element.tagName.toLowerCase()} "${(element.textContent ?? "").slice(0, 40)}"`;
      if (element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0 && style.overflowX !== "visible") found.push(`${describe}: scrollWidth ${element.scrollWidth} > clientWidth ${element.clientWidth}`);
      if (rect.right > width + 1 || rect.left < -1) found.push(`${describe}: ${Math.round(rect.left)}..${Math.round(rect.right)} outside 0..${width}`);
    }
    if (document.documentElement.scrollWidth > width + 1) found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    return found;
  });
}

describe("the panes in the user's language", () => {
  const suite = browserSuite();

  for (const language of LANGUAGES) {
    it(`read-${language.file}.png and compose-${language.file}.png: both panes in ${language.tag}`, async () => {
      const { page, context, errors } = await suite.open(SHOT);
      await switchLanguage(page, language.tag);
      await showMessage(page, "inbox-short");
      const read = await pane(page, "read");
      await read.locator.getByRole("heading", { level: 1, name: language.heading }).waitFor();
      await read.locator.getByRole("heading", { name: language.nearMisses }).waitFor();
      assert.equal(await read.frame.evaluate(() => document.querySelector("[dir]")?.getAttribute("dir")), language.dir);
      assert.equal(await read.frame.evaluate(() => window.Office.context.displayLanguage), language.tag);
      await screenshot(page, `read-${language.file}.png`);

      await page.getByRole("button", { name: "New message" }).click();
      await page.getByLabel("To", { exact: true }).fill("dana.buyer@fabrikam.com");
      await page.getByLabel("Subject", { exact: true }).fill("Quote for 200 chairs");
      const compose = await pane(page, "compose");
      await compose.locator.getByRole("button", { name: language.add }).click();
      await compose.locator.getByRole("button", { name: language.remove }).waitFor();
      assert.match(await page.evaluate(() => window.__playground.getSubject()), /^Quote for 200 chairs CRM:00020001$/);
      await screenshot(page, `compose-${language.file}.png`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it("qps-ploc at 320 px: nothing in either pane is cut off", async () => {
    const { page, context, errors } = await suite.open(SHOT);
    await switchLanguage(page, "qps-ploc");
    const narrow = (surface) => page.evaluate((name) => {
      document.querySelector(`iframe[data-surface="${name}"]`).style.width = "320px";
    }, surface);
    for (const id of ["inbox-two-tokens", "inbox-short", "inbox-ticket", "inbox-none"]) {
      await showMessage(page, id);
      const read = await pane(page, "read");
      await narrow("read");
      await read.locator.getByRole("heading", { level: 1, name: /^\[Ţŕàçķíñĝ ţöķéñš/ }).waitFor();
      await read.locator.getByText(/^\[Šûƀĵéçţ/).waitFor();
      assert.equal(await read.frame.evaluate(() => document.documentElement.clientWidth), 320);
      assert.deepEqual(await cutOff(read.frame), [], `read pane, ${id}`);
    }
    await page.getByRole("button", { name: "New message" }).click();
    await page.getByLabel("Subject", { exact: true }).fill("Quote for 200 chairs");
    const compose = await pane(page, "compose");
    await narrow("compose");
    await compose.locator.getByRole("button", { name: /^\[Åđđ ţŕàçķíñĝ ţöķéñ/ }).click();
    await compose.locator.getByRole("button", { name: /^\[Ŕéɱöṽé ţŕàçķíñĝ ţöķéñ/ }).waitFor();
    assert.deepEqual(await cutOff(compose.frame), [], "compose pane, token added");
    await compose.locator.getByRole("button", { name: /^\[Šéţţíñĝš/ }).click();
    await compose.locator.getByRole("button", { name: /^\[Šàṽé/ }).waitFor();
    assert.deepEqual(await cutOff(compose.frame), [], "compose pane, settings open");
    assert.deepEqual(errors, []);
    await context.close();
  });
});
