/**
 * npm run test:e2e: builds dist/ (unless it is newer than every source), serves it on HTTPS on a free port,
 * and runs test/e2e/*.e2e.mjs with Node's test runner against Debian's Chromium (playwright-core).
 * Writes test-results/e2e.json ({ passed, failed, skipped, ... }) for CI.
 *
 * Without Chromium the tests are skipped (exit 0), unless REQUIRE_BROWSER=1 (CI), then exit 1.
 * E2E_BUILD_MODE=development builds faster; E2E_REBUILD=1 always builds; pass file names to run some.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { run } from "node:test";
import { spec } from "node:test/reporters";
import { fileURLToPath } from "node:url";
import { buildAddIn, findChromium, startHttpsServer } from "./browserKit.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const e2eDir = path.join(root, "test", "e2e");
const resultsFile = path.join(root, "test-results", "e2e.json");

async function writeSummary(summary) {
  await mkdir(path.dirname(resultsFile), { recursive: true });
  await writeFile(resultsFile, `${JSON.stringify(summary, null, 2)}\n`);
}

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** dist/ is fresh when it holds the playground and nothing it is built from changed since. */
function distIsFresh() {
  const marker = path.join(root, "dist", "playground", "index.html");
  if (process.env.E2E_REBUILD === "1" || !existsSync(marker)) return false;
  const built = statSync(marker).mtimeMs;
  const sources = ["src", "assets", "manifest.xml", "manifest.json", "webpack.config.js", "package-lock.json", "tsconfig.json", "tsconfig.base.json", "tsconfig.build.json"];
  return sources.every((source) => newestMtime(path.join(root, source)) <= built);
}

async function build() {
  const mode = process.env.E2E_BUILD_MODE === "development" ? "development" : "production";
  await buildAddIn(mode);
  return mode;
}

async function main() {
  const started = Date.now();
  const chromium = findChromium();
  if (!chromium) {
    const required = process.env.REQUIRE_BROWSER === "1";
    console.log(`Browser tests SKIPPED: Chromium not found (apt-get install -y chromium)${required ? "; REQUIRE_BROWSER=1, so this fails." : ""}`);
    await writeSummary({ passed: 0, failed: required ? 1 : 0, skipped: 0, browser: null, reason: "Chromium not found" });
    process.exit(required ? 1 : 0);
  }

  if (distIsFresh()) console.log("Using the existing dist/ (newer than every source).");
  else {
    console.log("Building dist/ for the browser tests…");
    const mode = await build();
    console.log(`Built (${mode}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }

  // HTTPS: Microsoft's office.js trusts only a host on HTTPS (src/playground/outlookHost/README.md).
  const server = await startHttpsServer(path.join(root, "dist"));
  // Test files run in child processes: they get the server and the browser through the environment.
  process.env.E2E_BASE_URL = `https://localhost:${server.port}`;
  process.env.E2E_CHROMIUM = chromium;
  // The test files' own fetch (Node) trusts the development certificate, and nothing more.
  process.env.NODE_EXTRA_CA_CERTS = server.caFile;
  console.log(`Serving dist/ on ${process.env.E2E_BASE_URL}; Chromium: ${chromium}\n`);

  const requested = process.argv.slice(2).map((file) => path.resolve(file));
  const files = requested.length > 0 ? requested : readdirSync(e2eDir).filter((f) => f.endsWith(".e2e.mjs")).sort().map((f) => path.join(e2eDir, f));

  const counts = { passed: 0, failed: 0, skipped: 0, todo: 0 };
  const failures = [];
  const stream = run({ files, concurrency: 1, timeout: 120_000 });
  stream.on("test:pass", (data) => {
    if (data.details?.type === "suite") return;
    if (data.skip) counts.skipped += 1;
    else if (data.todo) counts.todo += 1;
    else counts.passed += 1;
  });
  stream.on("test:fail", (data) => {
    if (data.details?.type === "suite" && !data.details?.error?.failureType?.includes("hook")) return;
    counts.failed += 1;
    failures.push({ name: data.name, file: data.file ? path.relative(root, data.file) : undefined, error: String(data.details?.error?.cause?.message ?? data.details?.error?.message ?? "") });
  });
  await new Promise((resolve, reject) => {
    const output = stream.compose(spec);
    output.on("data", (chunk) => process.stdout.write(chunk));
    output.on("end", resolve);
    output.on("error", reject);
  });
  await server.close();

  const summary = { ...counts, total: counts.passed + counts.failed + counts.skipped + counts.todo, files: files.map((f) => path.relative(root, f)), browser: chromium, durationMs: Date.now() - started, failures };
  await writeSummary(summary);
  console.log(`\nBrowser tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${path.relative(root, resultsFile)})`);
  process.exit(counts.failed > 0 ? 1 : 0);
}

main().catch(async (error) => {
  console.error(error);
  await writeSummary({ passed: 0, failed: 1, skipped: 0, error: String(error?.message ?? error) }).catch(() => undefined);
  process.exit(1);
});
