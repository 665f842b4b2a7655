/** Writes one section of docs/BENCHMARKS.md, leaving the others (which belong to other benches) as they are. */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const FILE = path.resolve(__dirname, "../docs/BENCHMARKS.md");

/** Replaces the section starting with `heading` up to the next "## " heading, or appends it. */
export function writeBenchSection(heading: string, text: string): void {
  const current = readFileSync(FILE, "utf8");
  const start = current.indexOf(heading);
  let next: string;
  if (start === -1) {
    next = `${current.trimEnd()}\n\n${text}`;
  } else {
    const after = current.indexOf("\n## ", start + 3);
    next = current.slice(0, start) + text + (after === -1 ? "" : `\n${current.slice(after + 1)}`);
  }
  writeFileSync(FILE, next.endsWith("\n") ? next : `${next}\n`);
  console.log(`wrote the "${heading.replace(/^## /, "")}" section of docs/BENCHMARKS.md`);
}
