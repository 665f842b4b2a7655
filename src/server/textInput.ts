/**
 * Every string a client sends must be well-formed Unicode. JSON can carry a lone UTF-16 surrogate
 * ("\ud83d"); stored, it becomes U+FFFD, so the same request sent again no longer matches what was
 * stored and an idempotent retry turns into a 409. Refusing it up front names the field instead.
 */
import { BadRequestError } from "./errors";

// In a `u` regular expression a paired surrogate is one code point, so this matches only lone ones.
const LONE_SURROGATE = /\p{Surrogate}/u;

/** Throws BadRequestError naming the first field (like "to[1]") that holds a lone surrogate. */
export function requireWellFormedText(value: unknown, path: string): void {
  if (typeof value === "string") {
    if (LONE_SURROGATE.test(value)) {
      const field = path === "" ? "body" : path;
      throw new BadRequestError(
        field,
        `${field} is not well-formed Unicode: it holds a lone UTF-16 surrogate (half of an emoji or other character beyond U+FFFF). Send the whole character, or remove it.`,
        "malformed-text",
      );
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => requireWellFormedText(item, `${path}[${index}]`));
    return;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      requireWellFormedText(key, path);
      requireWellFormedText(item, path === "" ? key : `${path}.${key}`);
    }
  }
}
