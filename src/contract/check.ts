/**
 * The add-in's check of a reply against the contract's schema, for exactly the JSON-schema
 * keywords the reply schemas use (CHECKED_KEYWORDS), with Ajv's meaning for each (Fastify's
 * validator; test/unit/contract/check.test.ts holds the two to the same verdicts). Written here
 * because Office's runtimes may forbid eval, which Ajv compiles with, and a general validator
 * would not fit the send handler's size budget (docs/BENCHMARKS.md).
 */

type JsonType = "string" | "integer" | "boolean" | "object" | "array" | "null";

/** A schema made only of the keywords this checker knows. */
export type CheckedSchema = {
  readonly type?: JsonType | readonly JsonType[];
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly properties?: { readonly [name: string]: CheckedSchema };
  readonly required?: readonly string[];
  readonly items?: CheckedSchema;
  /** Words for people; no effect. */
  readonly description?: string;
};

export const CHECKED_KEYWORDS: readonly (keyof CheckedSchema)[] = ["type", "enum", "minimum", "properties", "required", "items", "description"];

function isType(value: unknown, type: JsonType): boolean {
  switch (type) {
    case "string":
    case "boolean":
      return typeof value === type;
    case "integer":
      return Number.isInteger(value);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "array":
      return Array.isArray(value);
    case "null":
      return value === null;
  }
}

const join = (path: string, name: string): string => (path === "" ? name : `${path}.${name}`);

/**
 * The first way `value` breaks `schema`, in words ('"deployment.prefix" must be of type string'),
 * or undefined when it conforms. Fields the schema does not name are ignored: a newer service may
 * send more. A field is present as Ajv reads it: not undefined (JSON has no undefined).
 */
export function contractProblem(schema: CheckedSchema, value: unknown, path = ""): string | undefined {
  const subject = path === "" ? "the answer" : `"${path}"`;
  const { type, enum: allowed, minimum, properties = {}, required = [], items } = schema;
  if (type !== undefined) {
    const types: readonly JsonType[] = typeof type === "string" ? [type] : type;
    // JSON's own type names: these words reach a log, not a user (the send handler's size budget).
    if (!types.some((t) => isType(value, t))) return `${subject} must be of type ${types.join(" or ")}`;
  }
  if (allowed !== undefined && !allowed.includes(value)) return `${subject} must be one of ${JSON.stringify(allowed)}`;
  if (minimum !== undefined && typeof value === "number" && value < minimum) return `${subject} must be at least ${minimum}`;
  const parts: [CheckedSchema, unknown, string][] = [];
  if (isType(value, "object")) {
    const object = value as Record<string, unknown>;
    const missing = required.find((name) => object[name] === undefined);
    if (missing !== undefined) return `"${join(path, missing)}" is missing`;
    for (const [name, property] of Object.entries(properties)) if (object[name] !== undefined) parts.push([property, object[name], join(path, name)]);
  }
  if (Array.isArray(value) && items !== undefined) value.forEach((item, index) => parts.push([items, item, `${path}[${index}]`]));
  for (const [part, partValue, partPath] of parts) {
    const problem = contractProblem(part, partValue, partPath);
    if (problem !== undefined) return problem;
  }
  return undefined;
}
