/**
 * Working offline with the compose pane: the playground's "Work offline" switch turns the mode to
 * Offline, tokens come from this device's counter (designator 1), and going back online syncs them:
 * the mailbox learns the offline high-water mark and the activities are marked synced.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addToken, browserSuite, localData, newMessage, tokenMode, waitForMode, waitForReserve } from "./helpers.mjs";

describe("compose pane, offline", () => {
  const suite = browserSuite();

  it("Work offline: an Offline badge with its reason, tokens with designator 1 from the local counter; back online: Online again and the queue synced", async () => {
    const { page, context, errors } = await suite.open();
    const workOffline = page.getByRole("switch", { name: /Work offline/ });
    const roaming = () => page.evaluate(() => window.__playground.roamingSettings());

    let { locator, frame } = await newMessage(page, { subject: "Delivery dates", mode: "Online" });
    // Online, the device takes its reserve of offline numbers first (docs/NUMBERING.md).
    await waitForReserve(frame);
    await workOffline.click();
    await waitForMode(locator, "Offline");
    assert.equal(await tokenMode(locator).textContent(), "OfflineThe browser reports no network. Tokens use this device's offline numbering.");
    await locator.getByRole("button", { name: "Check connection" }).waitFor();

    assert.equal(await addToken(page, locator), "Delivery dates CRM:10020001");
    await tokenMode(locator).getByText("1 offline activity waiting to sync", { exact: true }).waitFor();

    // A second message, still offline: its new pane counts the queue from the shared activity log.
    ({ locator, frame } = await newMessage(page, { subject: "Delivery dates, part 2", mode: "Offline" }));
    await tokenMode(locator).getByText("1 offline activity waiting to sync", { exact: true }).waitFor();
    assert.equal(await addToken(page, locator), "Delivery dates, part 2 CRM:10020002");
    await tokenMode(locator).getByText("2 offline activities waiting to sync", { exact: true }).waitFor();

    // The numbers came from this device's reserve, which the mailbox recorded before the device used
    // it (docs/NUMBERING.md); the device's own counter stands above the reserve, so a fallback never repeats one.
    const offlineState = await localData(frame);
    const reserveMark = (await roaming())["counter:offline-hwm"];
    assert.equal(reserveMark[2].cycle, 0);
    assert.ok(reserveMark[2].last >= 2, `the mailbox's offline mark ${reserveMark[2].last} covers the reserve`);
    assert.ok(offlineState.counters["offline:2"] >= reserveMark[2].last, "the device counter is above the reserve");
    assert.deepEqual(
      offlineState.activities.map((a) => [a.token, a.designator, a.synced]).sort(),
      [
        ["CRM:10020001", 1, false],
        ["CRM:10020002", 1, false],
      ],
    );

    await workOffline.click();
    await waitForMode(locator, "Online");
    // Synced: the pending line goes away, the mailbox keeps the offline high-water mark, the log marks them.
    await tokenMode(locator).filter({ hasNotText: "waiting to sync" }).waitFor();
    assert.equal(await tokenMode(locator).textContent(), "OnlineNumbers come from your mailbox.");
    assert.deepEqual((await roaming())["counter:offline-hwm"], reserveMark, "syncing the reserve's numbers does not move the mark");
    const synced = await localData(frame);
    assert.deepEqual(synced.activities.map((a) => a.synced), [true, true]);

    // Online again, the next message takes the mailbox's counter (designator 0), which offline use did not move.
    ({ locator } = await newMessage(page, { subject: "Back online", mode: "Online" }));
    assert.equal(await addToken(page, locator), "Back online CRM:00020001");
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("a draft stamped online keeps its online token when the user goes offline and adds it again", async () => {
    const { page, context, errors } = await suite.open();
    const { locator } = await newMessage(page, { subject: "Stays online", mode: "Online" });
    const token = (await addToken(page, locator)).slice(-12);
    assert.equal(token, "CRM:00020001");
    await locator.getByRole("button", { name: "Remove tracking token" }).click();
    await locator.getByRole("button", { name: "Add tracking token" }).waitFor();

    await page.getByRole("switch", { name: /Work offline/ }).click();
    await waitForMode(locator, "Offline");
    assert.equal(await addToken(page, locator), `Stays online ${token}`);
    assert.equal(await tokenMode(locator).getByText(/waiting to sync/).count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
