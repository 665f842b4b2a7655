/**
 * Checks the add-in manifest offline: `npx tsx scripts/check-manifest.ts [manifest.xml]`.
 * Prints "<file>: OK (N checks)" and exits 0, or one line per problem and exits 1.
 * Icon URLs are looked up under the manifest's own folder (https://host/assets/x.png -> assets/x.png).
 */
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { checkManifest } from "../tools/manifest/checkManifest";
import { diskAssets } from "../tools/manifest/diskAssets";

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;

function main(argv: readonly string[]): number {
  const file = argv[0] ?? "manifest.xml";
  let xml: string;
  try {
    xml = readFileSync(file, "utf8");
  } catch (error) {
    console.error(`${file}: cannot read it: ${(error as Error).message}`);
    return 1;
  }
  const { problems, checks } = checkManifest(xml, { readAsset: diskAssets(dirname(file)) });
  if (problems.length === 0) {
    console.log(`${file}: OK (${plural(checks, "check")})`);
    return 0;
  }
  for (const { code, message, line } of problems) {
    console.error(`${file}${line === undefined ? "" : `:${line}`}: ${message} [${code}]`);
  }
  console.error(`${file}: ${plural(problems.length, "problem")} (${plural(checks, "check")})`);
  return 1;
}

process.exitCode = main(process.argv.slice(2));
