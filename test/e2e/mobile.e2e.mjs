/**
 * Outlook on iOS and Android opens the read pane full screen on the phone (manifest.xml's
 * MobileFormFactor). At 375 px, an iPhone's width in CSS pixels, every sample must be readable:
 * nothing wider than the pane, nothing clipped, no sideways scrolling.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { browserSuite, readyPane, showInReadPane } from "./helpers.mjs";

const PHONE_WIDTH = 375;

/** Every element whose box leaves the pane, or whose content is cut off inside its own box. */
function overflowAt(frame) {
  return frame.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems = [];
    if (document.documentElement.scrollWidth > width) problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide`);
    for (const element of document.body.querySelectorAll("*")) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const name = `${element.tagName.toLowerCase()} "${(element.textContent ?? "").trim().slice(0, 40)}"`;
      if (rect.left < -0.5 || rect.right > width + 0.5) problems.push(`${name} spans ${Math.round(rect.left)}-${Math.round(rect.right)} px`);
      const style = getComputedStyle(element);
      const clips = style.overflowX !== "visible" || style.textOverflow === "ellipsis";
      if (clips && element.scrollWidth > element.clientWidth + 1) problems.push(`${name} is cut off (${element.scrollWidth} px in ${element.clientWidth})`);
    }
    return { width, problems };
  });
}

describe("read pane at a phone's width", () => {
  const suite = browserSuite();

  it("shows every sample at 375 px with nothing cut off", async () => {
    const { page, context, errors } = await suite.open({ viewport: { width: 1280, height: 900 } });
    try {
      const read = await readyPane(page, "read");
      // The playground's pane column, narrowed to the phone's width (the pane is full screen there).
      await page.evaluate((width) => {
        const frame = document.querySelector('iframe[data-surface="read"]');
        frame.style.width = `${width}px`;
        frame.parentElement.style.width = `${width}px`;
        frame.parentElement.style.flex = `0 0 ${width}px`;
      }, PHONE_WIDTH);
      const ids = await page.evaluate(() => window.__playground.state.messages.filter((m) => m.id.startsWith("inbox-")).map((m) => m.id));
      assert.ok(ids.length >= 5, `the Inbox has its samples (${ids.length})`);
      for (const id of ids) {
        await showInReadPane(page, read.locator, id);
        const { width, problems } = await overflowAt(read.frame);
        assert.equal(width, PHONE_WIDTH, "the pane is as wide as the phone");
        assert.deepEqual(problems, [], `${id} at ${PHONE_WIDTH} px`);
      }
      await showInReadPane(page, read.locator, "inbox-two-tokens");
      await page.locator('iframe[data-surface="read"]').screenshot({ path: "docs/screenshots/read-phone-375.png", animations: "disabled" });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
