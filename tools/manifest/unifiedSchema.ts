/**
 * Validates manifest.json (the unified manifest for Microsoft 365) offline against Microsoft's own
 * JSON schema for its `manifestVersion`, as shipped in @microsoft/app-manifest
 * (build/json-schemas/teams/v1.x/MicrosoftTeams.schema.json, draft-04). No network: Microsoft's
 * online validator cannot be reached from CI.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";

export type SchemaProblem = { readonly path: string; readonly message: string };

/** Where @microsoft/app-manifest keeps the schema of one manifest version, or undefined when it ships none. */
export function unifiedSchemaFile(manifestVersion: string): string | undefined {
  const packageRoot = dirname(require.resolve("@microsoft/app-manifest/package.json"));
  const file = join(packageRoot, "build", "json-schemas", "teams", `v${manifestVersion}`, "MicrosoftTeams.schema.json");
  return existsSync(file) ? file : undefined;
}

/** Every place where `manifest` breaks Microsoft's schema for its manifestVersion; empty when it conforms. */
export function validateUnifiedManifest(manifest: unknown, loadSchema: (version: string) => object | undefined = loadShippedSchema): SchemaProblem[] {
  const version = typeof manifest === "object" && manifest !== null ? (manifest as { manifestVersion?: unknown }).manifestVersion : undefined;
  if (typeof version !== "string") {
    return [{ path: "/manifestVersion", message: 'manifest.json has no "manifestVersion" string, so there is no schema to check it against: add one such as "1.17".' }];
  }
  const schema = loadSchema(version);
  if (schema === undefined) {
    return [{ path: "/manifestVersion", message: `Microsoft publishes no unified manifest schema for manifestVersion "${version}" (in @microsoft/app-manifest): use a released version such as "1.17".` }];
  }
  // strict off: Microsoft's schemas use keywords and formats of their own that Ajv does not know.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((error) => {
    const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
    const extra = (error.params as { additionalProperty?: string }).additionalProperty;
    const detail = allowed ? `: one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}` : extra ? ` ("${extra}")` : "";
    return { path: error.instancePath || "/", message: `${error.instancePath || "the manifest"} ${error.message ?? "is invalid"}${detail}.` };
  });
}

function loadShippedSchema(version: string): object | undefined {
  const file = unifiedSchemaFile(version);
  return file === undefined ? undefined : (JSON.parse(readFileSync(file, "utf8")) as object);
}
