/**
 * docs/SERVICE-API.md says what the contract (src/contract) says: every route of the contract has
 * its row in the Routes table with its statuses and the field names of its body and replies, every
 * row is a route of the contract, and every nested field is named somewhere in the document.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { errorBody, ROUTES } from "../../../src/contract";
import type { CheckedSchema, RouteContract } from "../../../src/contract";

const doc = readFileSync(path.join(__dirname, "../../../docs/SERVICE-API.md"), "utf8");
const section = (title: string): string => doc.split(/^## /m).find((s) => s.startsWith(title)) ?? "";

/** The Routes table's rows: [method and path, body, answer], with `\|` left as written. */
const rows = section("Routes")
  .split("\n")
  .filter((line) => line.startsWith("| `"))
  .map((line) => line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim()));

const routeName = (cell: string): string | undefined => /^`((?:GET|POST) \/v1\/\S*)`/.exec(cell)?.[1];
const names = (schema: object | undefined): string[] => Object.keys((schema as CheckedSchema | undefined)?.properties ?? {});
const mentions = (text: string, word: string): boolean => new RegExp(`(?<![\\w-])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w-])`).test(text);

/** Every object schema below the top level of `schema`. */
function nested(schema: CheckedSchema): CheckedSchema[] {
  const children = [...Object.values(schema.properties ?? {}), ...(schema.items === undefined ? [] : [schema.items])];
  return children.flatMap((child) => [child, ...nested(child)]);
}

const routes: [string, RouteContract][] = Object.values(ROUTES).map((route) => [`${route.method} /v1${route.url}`, route]);

describe.each(routes)("docs/SERVICE-API.md on %s", (name, route) => {
  const row = rows.find((cells) => routeName(cells[0] ?? "") === name);
  const [, body = "", answer = ""] = row ?? [];
  const replies = Object.values(route.schema.response) as CheckedSchema[];

  it("has its row in the Routes table", () => {
    expect(row).toBeDefined();
  });

  it("names every status it answers", () => {
    const statuses = [...Object.keys(route.schema.response).map(Number), ...route.otherStatuses];
    expect(statuses.filter((status) => !mentions(`${body} ${answer}`, String(status)))).toEqual([]);
  });

  it("names every field of its body and of its replies", () => {
    const bodyFields = names(route.schema.body);
    expect(bodyFields.filter((field) => !mentions(body, field))).toEqual([]);
    if (bodyFields.length === 0 && route.schema.body !== undefined) expect(body).toContain("{}");
    expect(replies.flatMap(names).filter((field) => !mentions(answer, field))).toEqual([]);
  });

  it("names every nested field somewhere", () => {
    const schemas = [...replies, ...(route.schema.body === undefined ? [] : [route.schema.body as CheckedSchema])];
    expect(schemas.flatMap(nested).flatMap(names).filter((field) => !mentions(doc, field))).toEqual([]);
  });
});

describe("docs/SERVICE-API.md", () => {
  it("lists no route the contract does not have", () => {
    const known = new Set(routes.map(([name]) => name));
    expect(rows.map((cells) => routeName(cells[0] ?? "") ?? cells[0]).filter((name) => name === undefined || !known.has(name))).toEqual([]);
  });

  it("names every field of the error body in Errors", () => {
    expect(names(errorBody).filter((field) => !mentions(section("Errors"), field))).toEqual([]);
  });
});
