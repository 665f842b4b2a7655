/**
 * The add-in's reply checker (src/contract/check.ts) agrees with Ajv, the validator Fastify runs,
 * on every reply schema of the contract: the same verdict for values made to fit the schema, the
 * same values broken in one place, and arbitrary JSON.
 */
import Ajv from "ajv";
import fc from "fast-check";
import { CHECKED_KEYWORDS, contractProblem, REPLY_SCHEMAS } from "../../../src/contract";
import type { CheckedSchema } from "../../../src/contract";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonType = Exclude<CheckedSchema["type"], readonly unknown[] | undefined>;

// As the service's Ajv (src/server/app.ts): no coercion, no defaults, no removal; strict off for
// type unions such as ["object", "null"] beside `required`.
const ajv = new Ajv({ coerceTypes: false, useDefaults: false, removeAdditional: false, allErrors: false, strict: false });

function keywords(schema: CheckedSchema): string[] {
  const nested = [...Object.values(schema.properties ?? {}), ...(schema.items === undefined ? [] : [schema.items])];
  return [...Object.keys(schema), ...nested.flatMap(keywords)];
}

/** Values of one JSON type, within the schema's enum and minimum. */
function ofType(type: JsonType, schema: CheckedSchema): fc.Arbitrary<Json> {
  switch (type) {
    case "string":
      return fc.string();
    case "integer":
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: 1_000_000 });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(schema.items === undefined ? fc.jsonValue() : valid(schema.items), { maxLength: 3 }) as fc.Arbitrary<Json>;
    case "object": {
      const properties = Object.entries(schema.properties ?? {});
      const required = new Set(schema.required ?? []);
      return fc
        .tuple(
          ...properties.map(([name, property]) => (required.has(name) ? valid(property).map((v) => [name, v] as const) : fc.option(valid(property).map((v) => [name, v] as const)))),
          fc.dictionary(fc.constantFrom("extra", "other"), fc.jsonValue() as fc.Arbitrary<Json>, { maxKeys: 1 }),
        )
        .map((parts) => {
          const extra = parts.pop() as Record<string, Json>;
          const entries = (parts as (readonly [string, Json] | null)[]).filter((e): e is readonly [string, Json] => e !== null);
          return { ...extra, ...Object.fromEntries(entries) };
        });
    }
  }
}

/** Values the schema accepts. */
function valid(schema: CheckedSchema): fc.Arbitrary<Json> {
  if (schema.enum !== undefined) return fc.constantFrom(...(schema.enum as Json[]));
  const types: readonly JsonType[] = schema.type === undefined ? ["string", "integer", "boolean", "null"] : typeof schema.type === "string" ? [schema.type] : schema.type;
  return fc.oneof(...types.map((type) => ofType(type, schema)));
}

/** The places of a JSON value: each a path of keys and indexes. */
function paths(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const here = [at];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => paths(item, [...at, i]))];
  if (value !== null && typeof value === "object") return [...here, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))];
  return here;
}

/** `value` with the place at `path` replaced by `by`, or removed when `by` is undefined. */
function replaced(value: Json, path: (string | number)[], by: Json | undefined): Json | undefined {
  const [head, ...rest] = path;
  if (head === undefined) return by;
  if (Array.isArray(value)) {
    const copy = [...value];
    const item = replaced(copy[head as number] as Json, rest, by);
    if (item === undefined) copy.splice(head as number, 1);
    else copy[head as number] = item;
    return copy;
  }
  const copy = { ...(value as Record<string, Json>) };
  const item = replaced(copy[head] as Json, rest, by);
  if (item === undefined) delete copy[head];
  else copy[head] = item;
  return copy;
}

/** A valid value broken (or not) in one place: a field replaced by any JSON, or removed. */
function broken(schema: CheckedSchema): fc.Arbitrary<Json | undefined> {
  return valid(schema).chain((value) => {
    const places = paths(value);
    return fc.tuple(fc.constantFrom(...places), fc.option(fc.jsonValue() as fc.Arbitrary<Json>)).map(([path, by]) => replaced(value, path, by ?? undefined));
  });
}

describe.each(Object.entries(REPLY_SCHEMAS))("the reply schema %s", (_name, schema: CheckedSchema) => {
  const validate = ajv.compile(schema);
  const agree = (value: unknown): boolean => (contractProblem(schema, value) === undefined) === validate(value);

  it("uses only the keywords the checker knows", () => {
    expect(keywords(schema).filter((k) => !(CHECKED_KEYWORDS as readonly string[]).includes(k))).toEqual([]);
  });

  it("accepts what Ajv accepts among values made to fit it", () => {
    fc.assert(fc.property(valid(schema), (value) => contractProblem(schema, value) === undefined && validate(value)));
  });

  it("gives Ajv's verdict on values broken in one place, and on any JSON", () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.oneof(broken(schema), fc.jsonValue()), (value) => {
        if (!validate(value)) refused++;
        return agree(value);
      }),
      { numRuns: 300 },
    );
    expect(refused).toBeGreaterThan(0);
  });
});

describe("the checker's words", () => {
  it("name the field and what it must be", () => {
    expect(contractProblem(REPLY_SCHEMAS.registerReply, { mailbox: "a@b", ordinal: 1, userNumber: 2, deployment: { prefix: 5, userDigits: 2, counterDigits: 3 } })).toBe('"deployment.prefix" must be of type string');
    expect(contractProblem(REPLY_SCHEMAS.reserveReply, { designator: 1, user: 1, ranges: [{ from: 1 }] })).toBe('"ranges[0].to" is missing');
    expect(contractProblem(REPLY_SCHEMAS.allocationReply, [])).toBe("the answer must be of type object");
  });
});
