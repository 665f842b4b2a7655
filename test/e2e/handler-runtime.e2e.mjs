/**
 * Classic Outlook on Windows loads dist/commands.js alone into its JavaScript-only runtime, which
 * before Version 2403 understands ES2016 only and has no window, DOM, IndexedDB or Office.onReady
 * (docs/AUTO-STAMP.md). This checks the file run.mjs built and serves: it parses as ES2016, it
 * associates the handler at load in a bare script context, it lets a send go there, and the
 * add-in's origin serves the well-known file that allows its CORS requests.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { describe, it } from "node:test";
import { parse } from "acorn";
import { baseUrl } from "./helpers.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bundlePath = path.join(root, "dist", "commands.js");
const bundle = readFileSync(bundlePath, "utf8");
// A development build wraps every module in eval("…"): its syntax is inside strings, out of acorn's sight.
const developmentBuild = /\beval\(/.test(bundle) && bundle.includes("webpack://");

/** A JavaScript-only runtime as far as the handler can tell: Office and timers, nothing of a browser. */
function javascriptOnlyRuntime({ settings, subject }) {
  const handlers = new Map();
  const completions = [];
  const subjectWrites = [];
  const ok = (value) => ({ status: "succeeded", value });
  const office = {
    actions: { associate: (name, handler) => handlers.set(name, handler) },
    EventType: { ItemChanged: "olkItemSelectedChanged" },
    context: {
      requirements: { isSetSupported: () => true },
      roamingSettings: {
        get: (key) => (key === "settings" ? settings : undefined),
        set: () => undefined,
        remove: () => undefined,
        saveAsync: (callback) => callback?.(ok(undefined)),
      },
      mailbox: {
        userProfile: { emailAddress: "ana.seller@contoso.com" },
        addHandlerAsync: (_type, _handler, callback) => callback?.(ok(undefined)),
        item: {
          itemId: null,
          subject: {
            getAsync: (callback) => callback(ok(subject)),
            setAsync: (value, callback) => {
              subjectWrites.push(value);
              callback(ok(undefined));
            },
          },
        },
      },
    },
  };
  const warnings = [];
  const quiet = () => undefined;
  const console = { info: quiet, log: quiet, error: (...args) => warnings.push(args), warn: (...args) => warnings.push(args) };
  const context = vm.createContext({ Office: office, console, setTimeout, clearTimeout });
  // Objects made inside the context have its own Object prototype: compare them as JSON.
  const plain = (value) => JSON.parse(JSON.stringify(value));
  return { context, handlers, warnings, plain, completions, subjectWrites, event: { completed: (options) => completions.push(options) } };
}

describe("the send handler in classic Outlook's JavaScript-only runtime", () => {
  it("dist/commands.js parses as ES2016", (t) => {
    if (developmentBuild) {
      t.skip("development build (eval-wrapped modules): build for production to check the syntax");
      return;
    }
    assert.doesNotThrow(() => parse(bundle, { ecmaVersion: 2016, sourceType: "script" }), "commands.js uses syntax newer than ES2016");
  });

  it("associates onMessageSendHandler at load, with no window, DOM or IndexedDB", () => {
    const runtime = javascriptOnlyRuntime({ settings: undefined, subject: "Quote" });
    vm.runInContext(bundle, runtime.context, { filename: bundlePath });
    assert.deepEqual([...runtime.handlers.keys()], ["onMessageSendHandler"]);
  });

  it("lets the message go unstamped when auto-stamp is on but only a device counter could number it", async () => {
    const runtime = javascriptOnlyRuntime({ settings: { autoStampOnSend: true }, subject: "Quote for 40 chairs" });
    vm.runInContext(bundle, runtime.context, { filename: bundlePath });
    runtime.handlers.get("onMessageSendHandler")(runtime.event);
    await waitFor(() => runtime.completions.length > 0);
    assert.deepEqual(runtime.plain(runtime.completions), [{ allowEvent: true }]);
    assert.deepEqual(runtime.subjectWrites, [], "no offline number without a counter shared with the panes");
    const [, report] = runtime.warnings.at(-1) ?? [];
    assert.equal(runtime.plain(report).decision.reason, "no-numbering");
  });

  it("serves /.well-known/microsoft-officeaddins-allowed.json naming the manifest's commands.js", async () => {
    const response = await fetch(new URL("/.well-known/microsoft-officeaddins-allowed.json", baseUrl()));
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /^application\/json/);
    const manifest = readFileSync(path.join(root, "manifest.xml"), "utf8");
    const scriptUrl = /<bt:Url id="CommandsScript\.Url" DefaultValue="([^"]+)"/.exec(manifest)?.[1];
    assert.deepEqual(await response.json(), { allowed: [scriptUrl] });
  });
});

async function waitFor(condition, timeoutMs = 5000) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting for the handler");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
