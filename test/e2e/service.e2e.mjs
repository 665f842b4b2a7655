/**
 * A team sharing the tracking service, in the real browser with the real service (src/server, SQLite
 * in a temporary folder, development sign-in): Pat stamps and sends a quote with Sam in Cc; the
 * customer replies to all; Sam's read pane shows Pat's activity, resolved through the service.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { baseUrl, launchBrowser, openPlayground, pane, waitForOfficeReady } from "./helpers.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Starts src/server/main.ts on a free port; resolves with its URL once it listens. */
async function startService() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "e2e-service-"));
  const page = new URL(baseUrl());
  const origins = [page.origin, `${page.protocol}//127.0.0.1:${page.port}`, `${page.protocol}//localhost:${page.port}`];
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "src/server/main.ts")], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", HOST: "127.0.0.1", PORT: "0", DATA_DIR: dataDir, CREATE_DATABASE: "1", SERVICE_DEV_AUTH: "1", ADDIN_ORIGINS: [...new Set(origins)].join(","), LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The tracking service did not start:\n${output}`)), 30_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1].replace(/[;,)]$/, ""));
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The tracking service exited (${code}):\n${output}`));
    });
  });
  return {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe("tracking service shared by two users", () => {
  let browser;
  let service;
  before(async () => {
    [browser, service] = await Promise.all([launchBrowser(), startService()]);
  });
  after(async () => {
    await browser?.close();
    await service?.stop();
  });

  it("Pat stamps and sends; the customer replies to all; Sam's read pane shows Pat's activity from the service", async () => {
    const { page, context, errors } = await openPlayground(browser);
    const signIn = async (user) => {
      await page.goto(`${baseUrl()}/playground/?user=${user}&service=${service.url}`);
      await page.waitForFunction(() => Boolean(window.__playground));
    };

    // Pat: a new message to the customer, Sam in Cc, stamped online by the service.
    await signIn("pat");
    assert.match(await page.getByLabel("Signed in as").inputValue(), /^pat$/);
    await page.getByRole("button", { name: "New message" }).click();
    await page.getByLabel("To", { exact: true }).fill("Dana Buyer <dana.buyer@fabrikam.com>");
    await page.getByLabel("Cc", { exact: true }).fill("sam.colleague@contoso.com");
    await page.getByLabel("Subject", { exact: true }).fill("Quote for 12 standing desks");
    const compose = await pane(page, "compose");
    await waitForOfficeReady(compose.frame);
    await compose.locator.getByRole("status", { name: "Token mode" }).filter({ hasText: /^Online/ }).waitFor();
    await compose.locator.getByText("Numbers come from the tracking service.").waitFor();
    await compose.locator.getByRole("button", { name: "Add tracking token" }).click();
    await compose.locator.getByRole("button", { name: "Remove tracking token" }).waitFor();
    const subject = await page.evaluate(() => window.__playground.getSubject());
    // Pat signed in to the service first: user number 1, the service's first number for Pat, online.
    assert.equal(subject, "Quote for 12 standing desks CRM:00010001");
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByRole("button", { name: /Sent/ }).click();
    await page.getByRole("option", { name: /Quote for 12 standing desks CRM:00010001/ }).click();

    // The customer replies to all: Pat and Sam (Cc) get the reply.
    await page.getByRole("button", { name: "Simulate customer answer" }).click();
    await page.getByRole("option", { name: /RE: Quote for 12 standing desks CRM:00010001/ }).waitFor();

    // Sam: the reply is in his Inbox; his read pane asks the service, which knows Pat's activity.
    await signIn("sam");
    const reply = await page.evaluate(() => window.__playground.messages("inbox").find((m) => m.subject.startsWith("RE: Quote for 12 standing desks")));
    assert.ok(reply, "the reply reached Sam's Inbox");
    assert.equal(reply.from.emailAddress, "dana.buyer@fabrikam.com");
    await page.evaluate((id) => window.__playground.selectMessage(id), reply.id);
    const read = await pane(page, "read");
    await waitForOfficeReady(read.frame);
    const answer = read.locator.getByRole("region", { name: "What it answers" });
    await answer.getByText("Found by token (tracking service)").waitFor();
    const details = await answer.locator("dt").evaluateAll((terms) => Object.fromEntries(terms.map((t) => [t.textContent, t.nextElementSibling?.textContent])));
    assert.equal(details.Subject, "Quote for 12 standing desks CRM:00010001");
    assert.equal(details.Sender, "Pat Seller <pat.seller@contoso.com>");
    assert.equal(details.To, "dana.buyer@fabrikam.com");
    assert.equal(details.Cc, "sam.colleague@contoso.com");
    assert.deepEqual(errors, []);
    await context.close();
  });
});
