/**
 * The size budgets, checked on a production build (docs/BENCHMARKS.md, Panes and Send handler):
 * each pane's initial JavaScript (every script its shipped page loads, Office.js excluded) and each
 * send handler bundle, gzipped at level 9, KB read as 1,000 bytes. `npm run bench:panes` reports
 * them with its timings; this file checks them alone and exits 1 on a miss.
 *
 * Run: `npm run build && node bench/budgets.mjs [build folder, default dist]`
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

export const SIZE_BUDGETS = {
  /** A pane's initial JavaScript, gzip -9. */
  paneInitialGzipBytes: 100_000,
  /** commands.js and commands-web.js, gzip -9 each. */
  handlerGzipBytes: 25_000,
};

export const PANE_PAGES = ["compose.html", "read.html"];
export const HANDLER_BUNDLES = ["commands.js", "commands-web.js"];

const gzip = (content) => gzipSync(content, { level: 9 }).length;

/** The scripts an HTML page loads initially, in order, as written in its src attributes. */
export function scriptSources(html) {
  return [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/gi)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** The stylesheets an HTML page links, in order, as written in their href attributes. */
export function stylesheetSources(html) {
  return [...html.matchAll(/<link\b(?=[^>]*\brel=(?:"stylesheet"|stylesheet\b))[^>]*?\bhref=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/gi)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** The files of ours among `sources` (relative to the page), with their sizes; Office.js and other hosts' files apart. */
function pageFiles(distDir, page, sources) {
  const htmlFile = path.join(distDir, page);
  const ours = [];
  const excluded = [];
  for (const src of sources(readFileSync(htmlFile, "utf8"))) {
    if (/^https?:\/\//.test(src) || /(^|\/)office\.js$/.test(src)) {
      excluded.push(src);
      continue;
    }
    const file = path.resolve(path.dirname(htmlFile), src);
    const content = readFileSync(file);
    ours.push({ src, file, bytes: content.length, gzip: gzip(content) });
  }
  return { page, ours, excluded, bytes: ours.reduce((a, s) => a + s.bytes, 0), gzip: ours.reduce((a, s) => a + s.gzip, 0) };
}

/**
 * Initial JavaScript of a pane page: every script its HTML loads, except Office.js (Microsoft's
 * CDN copy on shipped pages; the package's copy on playground pages), which is not part of our bundle.
 */
export function initialJavaScript(distDir, page) {
  return pageFiles(distDir, page, scriptSources);
}

/**
 * The stylesheets a pane page links (griffel.css: the styles of Fluent's components it renders first,
 * extracted from the script at build time). Reported beside the JavaScript, not budgeted: a stylesheet
 * is parsed, not compiled and run, and it loads in parallel with the script.
 */
export function initialStylesheets(distDir, page) {
  return pageFiles(distDir, page, stylesheetSources);
}

/** Every size budget against the build in `distDir`: [{ name, limit, gzip, met }]. */
export function sizeBudgets(distDir) {
  const panes = PANE_PAGES.map((page) => ({ name: `${page.replace(/\.html$/, "")} initial JS`, limit: SIZE_BUDGETS.paneInitialGzipBytes, gzip: initialJavaScript(distDir, page).gzip }));
  const handlers = HANDLER_BUNDLES.map((file) => ({ name: file, limit: SIZE_BUDGETS.handlerGzipBytes, gzip: gzip(readFileSync(path.join(distDir, file))) }));
  return [...panes, ...handlers].map((row) => ({ ...row, met: row.gzip <= row.limit }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const distDir = path.resolve(process.argv[2] ?? path.join(root, "dist"));
  let rows;
  try {
    rows = sizeBudgets(distDir);
  } catch (error) {
    console.error(`Cannot read the build in ${distDir} (${error.message}). Run \`npm run build\` first, or name the build folder.`);
    process.exit(2);
  }
  for (const row of rows) {
    const margin = row.limit - row.gzip;
    console.log(`${row.met ? "PASS" : "MISS"}  ${row.name.padEnd(20)} ${row.gzip.toLocaleString("en-US").padStart(8)} bytes gzipped, budget ${row.limit.toLocaleString("en-US")} (${Math.abs(margin).toLocaleString("en-US")} ${margin >= 0 ? "under" : "over"})`);
  }
  for (const page of PANE_PAGES) {
    const css = initialStylesheets(distDir, page);
    console.log(`      ${`${page.replace(/\.html$/, "")} initial CSS`.padEnd(20)} ${css.gzip.toLocaleString("en-US").padStart(8)} bytes gzipped (${css.ours.map((s) => s.src).join(", ") || "none"}; reported, not budgeted)`);
  }
  process.exit(rows.every((row) => row.met) ? 0 : 1);
}
