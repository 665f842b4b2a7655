/**
 * The send handler's bundle: gzipped size against its budget (25 KB), and what it is made of.
 * Reads dist/commands.js and its source map from a production build (`npm run build` first).
 * Fails (exit 1) over budget, or when React or Fluent UI got into the bundle.
 *
 * Run: `npm run build && node bench/commands-size.mjs`
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const BUDGET_GZIP_BYTES = 25 * 1024;
const FORBIDDEN = [/node_modules\/react(-dom)?\//, /node_modules\/@fluentui\//, /node_modules\/scheduler\//, /\/src\/panes\//, /\/src\/playground\//];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bundle = readFileSync(path.join(root, "dist", "commands.js"));
const map = JSON.parse(readFileSync(path.join(root, "dist", "commands.js.map"), "utf8"));
const gzip = gzipSync(bundle, { level: 9 }).length;

// Bytes of original source per package or folder, from the source map's sourcesContent.
const parts = new Map();
map.sources.forEach((source, i) => {
  const where = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? source.match(/src\/[^/]+/)?.[0] ?? source;
  parts.set(where, (parts.get(where) ?? 0) + (map.sourcesContent?.[i]?.length ?? 0));
});
const forbidden = map.sources.filter((s) => FORBIDDEN.some((pattern) => pattern.test(s)));

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`dist/commands.js: ${kb(bundle.length)} minified, ${kb(gzip)} gzipped (budget ${kb(BUDGET_GZIP_BYTES)})`);
console.log("Source by origin (before minification):");
for (const [where, bytes] of [...parts].sort((a, b) => b[1] - a[1])) console.log(`  ${where.padEnd(28)} ${kb(bytes)}`);
console.log(`Machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, Node ${process.version}. Date: ${new Date().toISOString().slice(0, 10)}.`);
if (forbidden.length > 0) console.error(`Not allowed in the send handler: ${forbidden.join(", ")}`);
if (gzip > BUDGET_GZIP_BYTES) console.error(`Over budget by ${kb(gzip - BUDGET_GZIP_BYTES)}.`);
process.exit(forbidden.length > 0 || gzip > BUDGET_GZIP_BYTES ? 1 : 0);
