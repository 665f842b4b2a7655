/**
 * Checks manifest.json offline against Microsoft's schema for its manifestVersion, then against
 * manifest.xml (the same panes, URLs, requirement sets and send event):
 * `npx tsx scripts/check-unified-manifest.ts [manifest.json] [manifest.xml]`.
 * Prints "<file>: OK" and exits 0, or one line per problem and exits 1.
 */
import { readFileSync } from "node:fs";
import { crossCheckManifests, jsonManifestFacts, xmlManifestFacts } from "../tools/manifest/crossCheck";
import { validateUnifiedManifest } from "../tools/manifest/unifiedSchema";

function main([jsonFile = "manifest.json", xmlFile = "manifest.xml"]: readonly string[]): number {
  let json: unknown;
  let xml: string;
  try {
    json = JSON.parse(readFileSync(jsonFile, "utf8"));
    xml = readFileSync(xmlFile, "utf8");
  } catch (error) {
    console.error(`Cannot read ${jsonFile} and ${xmlFile}: ${(error as Error).message}`);
    return 1;
  }
  const problems = [
    ...validateUnifiedManifest(json).map((p) => `${jsonFile}: ${p.message}`),
    ...crossCheckManifests(xmlManifestFacts(xml), jsonManifestFacts(json)).map((p) => `${jsonFile} vs ${xmlFile}: ${p}`),
  ];
  for (const problem of problems) console.error(problem);
  if (problems.length === 0) console.log(`${jsonFile}: OK (Microsoft's schema for its manifestVersion, and the same add-in as ${xmlFile})`);
  return problems.length === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
