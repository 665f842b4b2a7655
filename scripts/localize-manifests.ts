/**
 * Writes the catalogues' manifest texts into both manifests (tools/manifest/localize.ts). `--check`
 * writes nothing and fails when a manifest is not what the catalogues make.
 *
 * Run: `npx tsx scripts/localize-manifests.ts [--check]`
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { localizeJson, localizeXml } from "../tools/manifest/localize";

function main(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const check = process.argv.includes("--check");
  const wanted: Record<string, string> = {};
  wanted["manifest.xml"] = localizeXml(readFileSync(path.join(root, "manifest.xml"), "utf8"));
  const json = localizeJson(readFileSync(path.join(root, "manifest.json"), "utf8"));
  wanted["manifest.json"] = json.manifest;
  Object.assign(wanted, json.files);
  const stale = Object.entries(wanted).filter(([file, text]) => !existsSync(path.join(root, file)) || readFileSync(path.join(root, file), "utf8") !== text);
  if (check) {
    if (stale.length > 0) {
      console.error(`Not what the catalogues make: ${stale.map(([file]) => file).join(", ")}. Run npx tsx scripts/localize-manifests.ts, then commit.`);
      process.exit(1);
    }
    return;
  }
  mkdirSync(path.join(root, "localization"), { recursive: true });
  for (const [file, text] of stale) writeFileSync(path.join(root, file), text);
  console.log(stale.length === 0 ? "The manifests already carry every language." : `Wrote ${stale.map(([file]) => file).join(", ")}.`);
}

main();
