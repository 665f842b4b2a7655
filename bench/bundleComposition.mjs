/**
 * What a minified bundle is made of, from its source map (what source-map-explorer does): every
 * byte of the generated file is charged to the source of the mapping segment it falls in, and
 * sources are grouped by npm package (node_modules) or by folder of ours (src/<area>/<folder>).
 * Bytes between segments that map to nothing (webpack's runtime glue) go to "(unmapped)".
 */
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const BASE64_VALUE = new Map([...BASE64].map((char, i) => [char, i]));

/** Decodes one mapping segment's Base64 VLQ fields (generated column, source, line, column, name). */
function decodeSegment(text) {
  const fields = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = BASE64_VALUE.get(char);
    if (digit === undefined) throw new Error(`Not a Base64 VLQ digit: ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return fields;
}

/** Per generated line: [generatedColumn, sourceIndex | -1] in column order. */
function decodeMappings(mappings) {
  let source = 0;
  return mappings.split(";").map((line) => {
    let column = 0;
    const segments = [];
    for (const text of line.split(",")) {
      if (text === "") continue;
      const fields = decodeSegment(text);
      column += fields[0];
      if (fields.length >= 4) {
        source += fields[1];
        segments.push([column, source]);
      } else {
        segments.push([column, -1]);
      }
    }
    return segments;
  });
}

/** The group a source belongs to: an npm package, a folder of ours, or webpack's own code. */
export function sourceGroup(source) {
  const path = source.replace(/^webpack:\/\/[^/]*\//, "").replace(/^\.\//, "");
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (inModules) return inModules[1];
  const ours = /^src\/([^/]+)(?:\/([^/]+)\/)?/.exec(path);
  if (ours) return ours[2] ? `src/${ours[1]}/${ours[2]}` : `src/${ours[1]}`;
  if (path.startsWith("webpack/")) return "(webpack runtime)";
  return path;
}

/**
 * Charges a bundle's bytes (UTF-8) to groups. Returns { total, gzip, groups, gzipWithout } with
 * groups [{ group, bytes, gzipAlone, gzipSaved }] by size. gzipAlone is the group's bytes gzipped
 * on their own; gzipSaved is what leaving the group out would save on the whole bundle's gzip (its
 * marginal cost in context). gzipWithout(names) is the whole bundle's gzip without those groups.
 */
export function bundleComposition(jsFile, mapFile = `${jsFile}.map`, group = sourceGroup) {
  const code = readFileSync(jsFile, "utf8");
  const map = JSON.parse(readFileSync(mapFile, "utf8"));
  const lines = code.split("\n");
  const segmentsByLine = decodeMappings(map.mappings);
  const pieces = new Map();
  /** [group, text] in file order, to gzip the bundle without some groups. */
  const ordered = [];
  const charge = (name, text) => {
    if (text === "") return;
    const list = pieces.get(name) ?? [];
    list.push(text);
    pieces.set(name, list);
    ordered.push([name, text]);
  };
  lines.forEach((line, i) => {
    const segments = segmentsByLine[i] ?? [];
    let cursor = 0;
    let current = "(unmapped)";
    for (const [column, source] of segments) {
      charge(current, line.slice(cursor, column));
      cursor = column;
      current = source >= 0 ? group(map.sources[source] ?? "(unmapped)") : "(unmapped)";
    }
    charge(current, line.slice(cursor) + (i < lines.length - 1 ? "\n" : ""));
  });
  const gzipOf = (text) => gzipSync(text, { level: 9 }).length;
  const gzip = gzipOf(code);
  const gzipWithout = (names) => {
    const left = new Set(names);
    return gzipOf(ordered.filter(([name]) => !left.has(name)).map(([, text]) => text).join(""));
  };
  const groups = [...pieces].map(([name, texts]) => {
    const text = texts.join("");
    return { group: name, bytes: Buffer.byteLength(text), gzipAlone: gzipOf(text), gzipSaved: gzip - gzipWithout([name]) };
  });
  groups.sort((a, b) => b.bytes - a.bytes);
  return { total: Buffer.byteLength(code), gzip, groups, gzipWithout };
}

/** The Fluent packages by their role, for the recommendations: @fluentui/react-<x> -> x. */
export function fluentComponent(group) {
  const match = /^@fluentui\/react-(.+)$/.exec(group);
  return match ? match[1] : null;
}
