/**
 * office-addin-manifest's own reader (the one `npm start` sideloads with) must parse our manifest.
 * It runs in a child Node process: the package pulls in ESM-only dependencies (uuid, strip-bom)
 * that Jest's CommonJS runtime cannot load, while Node 20.19+ requires them natively.
 * readManifestFile works offline; only `validate` needs Microsoft's service.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const repoRoot = join(__dirname, "..", "..", "..");

function readWithOfficeAddinManifest(manifestPath: string): unknown {
  const script = `
    const { OfficeAddinManifest } = require("office-addin-manifest");
    OfficeAddinManifest.readManifestFile(process.argv[1]).then(
      (info) => process.stdout.write(JSON.stringify(info)),
      (error) => { process.stderr.write(String(error)); process.exitCode = 1; },
    );`;
  const output = execFileSync(process.execPath, ["-e", script, manifestPath], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 20_000,
  });
  return JSON.parse(output);
}

describe("office-addin-manifest's reader", () => {
  it("parses manifest.xml offline", () => {
    expect(readWithOfficeAddinManifest(join(repoRoot, "manifest.xml"))).toEqual({
      id: "62738159-0cfe-428b-9370-be5db20153ba",
      appDomains: [],
      defaultLocale: "en-US",
      description:
        "Stamps a tracking token such as CRM:00021003 on the subject of a message you write, and decodes the tokens in messages you receive.",
      displayName: "Tracking Tokens",
      highResolutionIconUrl: "https://localhost:3000/assets/icon-128.png",
      hosts: ["Mailbox"],
      iconUrl: "https://localhost:3000/assets/icon-64.png",
      officeAppType: "MailApp",
      permissions: "ReadWriteItem",
      providerName: "Tracking Tokens for Outlook",
      supportUrl: "https://localhost:3000/support.html",
      version: "1.0.0.0",
      manifestType: "xml",
    });
  });
});
