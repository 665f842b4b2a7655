/**
 * Codec benchmark: findTokens against one bare precompiled regex for the default token, over the
 * same 1,000,000 seeded subjects. Rounds alternate and the median counts, because the machine is
 * shared and noisy. Writes the "Codec" section of docs/BENCHMARKS.md.
 *
 *   npx tsx bench/codec.bench.ts [--subjects N] [--rounds N] [--no-write]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_SETTINGS, findTokens, formatToken } from "../src/core";

const TARGET_RATIO = 0.7;
const SEED = 20110101;

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a whole number of at least 1`);
  return value;
};
const subjectCount = option("--subjects", 1_000_000);
const rounds = option("--rounds", 5);
const write = !args.includes("--no-write");

/** mulberry32: small, fast, and the same subjects on every machine for a given seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  "quote", "invoice", "meeting", "follow-up", "proposal", "order", "contract", "renewal", "support", "ticket",
  "question", "about", "the", "your", "our", "for", "Q3", "2024", "pricing", "update", "call", "tomorrow",
  "re-sent", "urgent", "Angebot", "Rechnung", "réunion", "devis", "offerta", "pedido", "factura", "Besprechung",
  "報價", "会议", "请求", "見積もり", "عرض", "سعر", "הצעה", "מחיר", "заказ", "счёт", "📎", "✅", "👍🏽", "(draft)",
  "[internal]", "-", "#42", "v2.1", "PO-7781", "SKU:AB12",
];
const REPLY_PREFIXES = ["RE: ", "Re: ", "FW: ", "Fwd: ", "AW: ", "WG: ", "SV: ", "TR: ", "RIF: ", "回复：", "Re[2]: ", "RE(3): "];
const FOREIGN = ["TKT:12345", "[Ticket#123]", "INC0012345", "CASE-000211", "SR#00021003", "[JIRA-4411]"];
// Each of these looks like ours but is not: wrong digit count, designator 2, or no boundary before the prefix.
const NEAR_MISSES = ["CRM:0002100", "CRM:000210034", "CRM:20021003", "xCRM:00021003", "1CRM:00021003", "CRM:"];

function generateSubjects(count: number, seed: number): string[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const ourToken = (): string => {
    const token = formatToken({ designator: random() < 0.8 ? 0 : 1, user: Math.floor(random() * 1000), counter: Math.floor(random() * 10000) });
    return random() < 0.05 ? token.toLowerCase() : token;
  };
  const subjects: string[] = new Array<string>(count);
  for (let n = 0; n < count; n++) {
    const length = 5 + Math.floor(random() * 251); // 5-255
    const r = random();
    const tokenCount = r < 0.45 ? 0 : r < 0.8 ? 1 : r < 0.95 ? 2 : 3;
    let subject = "";
    for (let p = random() < 0.5 ? Math.floor(random() * 4) : 0; p > 0; p--) subject += pick(REPLY_PREFIXES);
    const tail: string[] = [];
    for (let t = 0; t < tokenCount; t++) tail.push(ourToken());
    if (random() < 0.1) tail.splice(Math.floor(random() * (tail.length + 1)), 0, pick(FOREIGN));
    if (random() < 0.05) tail.splice(Math.floor(random() * (tail.length + 1)), 0, pick(NEAR_MISSES));
    const tailText = tail.join(" ");
    const bodyLength = Math.max(1, length - tailText.length - 1);
    while (subject.length < bodyLength) {
      const word = pick(WORDS);
      // Now and then a token sits in the middle of the text rather than at the end.
      subject += subject.length > 0 ? ` ${random() < 0.02 ? ourToken() : word}` : word;
    }
    subject = subject.slice(0, bodyLength);
    subjects[n] = (tailText === "" ? subject : `${subject} ${tailText}`).slice(0, 255);
  }
  return subjects;
}

// The bare baseline: one precompiled global regex for the default token, the same recognition
// rules (boundary before, exactly 8 digits, designator 0/1), no decoding, no result objects.
const BARE = /(?<![\p{L}\p{N}])CRM:[01][0-9]{7}(?![0-9])/giu;

// For context only: the same without the boundary rule (so "xCRM:00021003" counts), which no
// correct codec can match; it shows what the boundary rule itself costs.
const LOOSE = /CRM:[01][0-9]{7}(?![0-9])/gi;

const regexRunner = (regex: RegExp) => (subjects: readonly string[]): number => {
  let count = 0;
  for (const subject of subjects) {
    regex.lastIndex = 0;
    while (regex.exec(subject) !== null) count++;
  }
  return count;
};
const runBare = regexRunner(BARE);
const runLoose = regexRunner(LOOSE);

function runCodec(subjects: readonly string[]): number {
  let count = 0;
  for (const subject of subjects) count += findTokens(subject, DEFAULT_SETTINGS).length;
  return count;
}

function time(run: (subjects: readonly string[]) => number, subjects: readonly string[]): { seconds: number; found: number } {
  const start = process.hrtime.bigint();
  const found = run(subjects);
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, found };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");

console.log(`Generating ${fmt(subjectCount)} subjects (seed ${SEED})…`);
const subjects = generateSubjects(subjectCount, SEED);
const totalChars = subjects.reduce((sum, s) => sum + s.length, 0);

// Warm-up: JIT both paths and flatten the generated (concatenated) strings before timing anything.
const warmCodec = time(runCodec, subjects);
const warmBare = time(runBare, subjects);
time(runLoose, subjects);
if (warmCodec.found !== warmBare.found) {
  console.warn(`note: codec found ${warmCodec.found} tokens, bare regex ${warmBare.found} (they differ where the rules do, e.g. a combining mark before the prefix)`);
}

const runners = { codec: runCodec, bare: runBare, loose: runLoose } as const;
const rates: Record<keyof typeof runners, number[]> = { codec: [], bare: [], loose: [] };
for (let round = 0; round < rounds; round++) {
  // Alternate which goes first so none always runs on a warmer or quieter machine.
  const order = round % 2 === 0 ? (["codec", "bare", "loose"] as const) : (["loose", "bare", "codec"] as const);
  for (const which of order) rates[which].push(subjectCount / time(runners[which], subjects).seconds);
  console.log(`round ${round + 1}: codec ${fmt(rates.codec[round] ?? 0)}/s, bare regex ${fmt(rates.bare[round] ?? 0)}/s, loose regex ${fmt(rates.loose[round] ?? 0)}/s`);
}

const codec = median(rates.codec);
const bare = median(rates.bare);
const loose = median(rates.loose);
const ratio = codec / bare;
const cpu = cpus();
const machine = `${cpu[0]?.model.trim() ?? "unknown CPU"}, ${cpu.length} cores, Node ${process.version}, load average ${loadavg()[0]?.toFixed(1) ?? "?"} at the end`;
const date = new Date().toISOString().slice(0, 10);
const verdict = ratio >= TARGET_RATIO ? "meets" : "MISSES";

console.log(`\nsubjects: ${fmt(subjectCount)} (mean ${(totalChars / subjectCount).toFixed(1)} UTF-16 units), tokens found: ${fmt(warmCodec.found)}`);
console.log(`findTokens: ${fmt(codec)} subjects/s (median of ${rounds})`);
console.log(`bare regex: ${fmt(bare)} subjects/s (median of ${rounds})`);
console.log(`ratio: ${ratio.toFixed(2)} (${verdict} the target of ${TARGET_RATIO})`);
console.log(`loose regex (no boundary rule, context only): ${fmt(loose)} subjects/s; codec/loose ${(codec / loose).toFixed(2)}`);

if (write) {
  const section = [
    "## Codec",
    "",
    "`findTokens` (src/core) against a bare baseline: one precompiled global regex for the default",
    "token, `" + BARE.toString() + "`, run in an `exec` loop that only counts",
    "matches. Same subjects for both: " + fmt(subjectCount) + " generated with a seeded PRNG (seed " + SEED + "), 5-255",
    "UTF-16 units (mean " + (totalChars / subjectCount).toFixed(1) + "), with reply prefixes, 0-3 tokens of ours, foreign tokens",
    "(`TKT:12345`, `[Ticket#123]`, ...), near misses (`CRM:0002100`, `xCRM:00021003`, ...) and text in",
    "several scripts. One warm-up pass each, then " + rounds + " alternating rounds; the median counts.",
    "",
    "Run: `npx tsx bench/codec.bench.ts` (`--subjects N`, `--rounds N`, `--no-write`).",
    "",
    "| | subjects/s |",
    "|---|---:|",
    `| findTokens | ${fmt(codec)} |`,
    `| bare regex | ${fmt(bare)} |`,
    `| ratio findTokens / bare regex | ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO}: ${verdict === "meets" ? "met" : "missed"}) |`,
    `| loose regex, for context | ${fmt(loose)} (findTokens at ${(codec / loose).toFixed(2)} of it) |`,
    "",
    "The loose regex, `" + LOOSE.toString() + "`, skips the boundary rule, so it also counts",
    "`xCRM:00021003`; it is not a correct baseline, only a measure of what the rule costs. findTokens",
    "also decodes every token into an object (prefix, origin, designator, user, counter, text, index),",
    "which the baselines do not. The machine is shared: figures vary from run to run by 10-30 %.",
    "",
    `Machine: ${machine}. Date: ${date}. Tokens found: ${fmt(warmCodec.found)}.`,
    "",
  ].join("\n");
  const docPath = join(dirname(fileURLToPath(import.meta.url)), "..", "docs", "BENCHMARKS.md");
  let doc: string;
  try {
    doc = readFileSync(docPath, "utf8");
  } catch {
    doc = "# Benchmarks\n\nFigures from real runs on the machine named in each section.\n\n";
  }
  // Replace only this section (up to the next "## " heading), leaving other sections alone.
  const sectionPattern = /^## Codec\n[\s\S]*?(?=^## |(?![\s\S]))/m;
  doc = sectionPattern.test(doc) ? doc.replace(sectionPattern, section) : `${doc.trimEnd()}\n\n${section}`;
  writeFileSync(docPath, doc.endsWith("\n") ? doc : `${doc}\n`);
  console.log(`\nWrote the Codec section of ${docPath}`);
}
