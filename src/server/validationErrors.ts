/**
 * Turns Ajv's validation errors into one human sentence that names the field, e.g.
 * "to[1] must be a string; got 5". Fastify calls this (schemaErrorFormatter) with the first
 * error only: allErrors stays off, as Fastify advises, so a hostile body cannot make Ajv work hard.
 */
import type { FastifySchemaValidationError } from "fastify/types/schema";
import { BadRequestError } from "./errors";

type Part = "body" | "params" | "querystring" | "headers" | string;

type VerboseError = FastifySchemaValidationError & {
  readonly parentSchema?: { readonly description?: string; readonly properties?: Record<string, unknown> };
  readonly data?: unknown;
};

export function formatValidationError(errors: readonly FastifySchemaValidationError[], part: Part): BadRequestError {
  const error = errors[0] as VerboseError | undefined;
  if (error === undefined) return new BadRequestError(part, `The request ${part} is not valid.`);
  const path = fieldPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const subject = path === "" ? (part === "body" ? "The body" : `The ${part}`) : path;
  const got = "data" in error ? `; got ${describe(error.data)}` : "";

  switch (error.keyword) {
    case "required": {
      const missing = joinPath(path, String(params["missingProperty"]));
      return new BadRequestError(missing, `${missing} is required.`, "missing-field");
    }
    case "additionalProperties": {
      const extra = joinPath(path, String(params["additionalProperty"]));
      const known = Object.keys(error.parentSchema?.properties ?? {});
      const list = known.length === 0 ? "this request takes an empty object {}" : `the fields are ${known.join(", ")}`;
      return new BadRequestError(extra, `${extra} is not a known field; ${list}.`, "unknown-field");
    }
    case "type": {
      const field = path === "" ? part : path;
      if (path === "" && part === "body") return new BadRequestError("body", `The body must be a JSON object${got}.`);
      return new BadRequestError(field, `${subject} must be ${typeName(params["type"])}${got}.`);
    }
    case "maxLength":
      return new BadRequestError(path || part, `${subject} is too long: at most ${String(params["limit"])} characters.`, "too-long");
    case "minLength":
      return new BadRequestError(
        path || part,
        params["limit"] === 1 ? `${subject} must not be empty.` : `${subject} is too short: at least ${String(params["limit"])} characters.`,
      );
    case "maxItems":
      return new BadRequestError(path || part, `${subject} has too many entries: at most ${String(params["limit"])}.`, "too-long");
    case "enum":
      return new BadRequestError(path || part, `${subject} must be one of ${(params["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")}${got}.`);
    case "const":
      return new BadRequestError(path || part, `${subject} must be ${JSON.stringify(params["allowedValue"])}${got}.`);
    case "format":
    case "pattern": {
      const wanted = error.parentSchema?.description ?? (error.keyword === "format" ? `in ${String(params["format"])} format` : "in the expected form");
      return new BadRequestError(path || part, `${subject} must be ${wanted}${got}.`);
    }
    default:
      return new BadRequestError(path || part, `${subject} ${error.message ?? "is not valid"}.`);
  }
}

/** "/to/1" -> "to[1]", "/a/b" -> "a.b" (JSON Pointer escapes undone). */
export function fieldPath(instancePath: string): string {
  if (instancePath === "") return "";
  return instancePath
    .slice(1)
    .split("/")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : joinPath(path, segment)), "");
}

function joinPath(path: string, name: string): string {
  return path === "" ? name : `${path}.${name}`;
}

function typeName(type: unknown): string {
  const names: Record<string, string> = {
    string: "a string",
    integer: "a whole number",
    number: "a number",
    boolean: "true or false",
    array: "a list (JSON array)",
    object: "an object",
    null: "null",
  };
  const types = String(type).split(",");
  return types.map((t) => names[t] ?? t).join(" or ");
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return value.length > 40 ? `${JSON.stringify(value.slice(0, 40))}…` : JSON.stringify(value);
  if (typeof value === "object") return "an object";
  return String(value);
}
