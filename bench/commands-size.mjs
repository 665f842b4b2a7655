/**
 * The send handler's bundles: gzipped size against their budget (25 KB each, 25,000 bytes: bench/budgets.mjs), and what they are made of.
 * dist/commands.js is what classic Outlook on Windows loads alone (JavaScript-only runtime, no IndexedDB);
 * dist/commands-web.js is what commands.html loads in the browser runtimes. Reads each with its source
 * map from a production build (`npm run build` first). Fails (exit 1) over budget, or when React or
 * Fluent UI got into a bundle, or IndexedDB code into commands.js.
 *
 * Run: `npm run build && node bench/commands-size.mjs`
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { SIZE_BUDGETS } from "./budgets.mjs";

const BUDGET_GZIP_BYTES = SIZE_BUDGETS.handlerGzipBytes;
const FORBIDDEN = [/node_modules\/react(-dom)?\//, /node_modules\/@fluentui\//, /node_modules\/scheduler\//, /\/src\/panes\//, /\/src\/playground\//];
const BUNDLES = [
  // The JavaScript-only runtime has no IndexedDB: its bundle carries none of that code (src/commands/index.ts).
  { file: "commands.js", forbidden: [...FORBIDDEN, /node_modules\/idb\//, /\/src\/storage\/indexedDb/] },
  { file: "commands-web.js", forbidden: FORBIDDEN },
];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
let failed = false;

for (const { file, forbidden: patterns } of BUNDLES) {
  const bundle = readFileSync(path.join(root, "dist", file));
  const map = JSON.parse(readFileSync(path.join(root, "dist", `${file}.map`), "utf8"));
  const gzip = gzipSync(bundle, { level: 9 }).length;
  // Bytes of original source per package or folder, from the source map's sourcesContent.
  const parts = new Map();
  map.sources.forEach((source, i) => {
    const where = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? source.match(/src\/[^/]+/)?.[0] ?? source;
    parts.set(where, (parts.get(where) ?? 0) + (map.sourcesContent?.[i]?.length ?? 0));
  });
  const forbidden = map.sources.filter((s) => patterns.some((pattern) => pattern.test(s)));
  console.log(`dist/${file}: ${kb(bundle.length)} minified, ${kb(gzip)} gzipped, ${gzip} bytes (budget ${kb(BUDGET_GZIP_BYTES)})`);
  console.log("  Source by origin (before minification):");
  for (const [where, bytes] of [...parts].sort((a, b) => b[1] - a[1])) console.log(`    ${where.padEnd(28)} ${kb(bytes)}`);
  if (forbidden.length > 0) console.error(`  Not allowed in ${file}: ${forbidden.join(", ")}`);
  if (gzip > BUDGET_GZIP_BYTES) console.error(`  MISS: ${file} is over budget by ${gzip - BUDGET_GZIP_BYTES} bytes.`);
  failed ||= forbidden.length > 0 || gzip > BUDGET_GZIP_BYTES;
}
console.log(`Machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, Node ${process.version}. Date: ${new Date().toISOString().slice(0, 10)}.`);
process.exit(failed ? 1 : 0);
