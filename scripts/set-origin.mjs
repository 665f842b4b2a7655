/**
 * Moves the add-in to another origin in both manifests at once:
 * `npm run set-origin -- https://addin.contoso.com`. The current origin is the one of manifest.xml's
 * SourceLocation; every URL on it (pages, icons, support, the handler script) and manifest.json's
 * validDomains move together. `npm run check:manifest` afterwards confirms both still agree.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const files = ["manifest.xml", "manifest.json"].map((name) => path.join(root, name));

function main([target]) {
  let next;
  try {
    next = new URL(target ?? "");
  } catch {
    console.error("Give the new origin, such as: npm run set-origin -- https://addin.contoso.com");
    return 1;
  }
  if (next.protocol !== "https:" || next.pathname !== "/" || next.search || next.hash) {
    console.error(`${target} is not an https origin: give scheme, host and port only, such as https://addin.contoso.com`);
    return 1;
  }
  const xml = readFileSync(files[0], "utf8");
  const current = /<SourceLocation DefaultValue="(https:\/\/[^/"]+)\//.exec(xml)?.[1];
  if (!current) {
    console.error("manifest.xml has no https SourceLocation to take the current origin from.");
    return 1;
  }
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.split(current).join(next.origin));
    console.log(`${path.basename(file)}: ${current} -> ${next.origin} (${text.split(current).length - 1} places)`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
