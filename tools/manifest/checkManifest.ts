/**
 * An offline check of the XML add-in manifest, for what `office-addin-manifest validate` would
 * catch if it could reach Microsoft's service (schemaChecks.ts), and for what it never catches
 * (beyondSchema.ts: icon files, the one-host rule, LaunchEvent <-> Runtime). Pure but for
 * `readAsset`, which the caller supplies: the CLI reads the disk, tests hand in doctored bytes.
 */
import { checkBeyondSchema, type ReadAsset } from "./beyondSchema";
import { Report, type ManifestProblem } from "./report";
import { checkSchema, parseManifest } from "./schemaChecks";

export type { ReadAsset } from "./beyondSchema";
export type { ManifestProblem, ManifestProblemCode } from "./report";

export type ManifestCheckResult = {
  readonly problems: readonly ManifestProblem[];
  /** How many individual checks ran: a sense of coverage for "OK (N checks)". */
  readonly checks: number;
};

export type CheckManifestOptions = {
  readonly readAsset: ReadAsset;
  /** Makes the example GUID in the "no <Id>" message. @default crypto.randomUUID */
  readonly newGuid?: () => string;
};


export function checkManifest(xml: string, options: CheckManifestOptions): ManifestCheckResult {
  const report = new Report();
  const root = parseManifest(xml, report);
  if (root && checkSchema(root, report, options.newGuid ?? (() => globalThis.crypto.randomUUID()))) {
    checkBeyondSchema(root, report, options.readAsset);
  }
  return { problems: report.problems, checks: report.checks };
}
