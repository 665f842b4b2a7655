/** Reads a token sent by a client with core's parser; a text that is not one of ours is a 400 naming the field. */
import { formatToken, parseToken } from "../core";
import type { ParsedToken, Settings } from "../core";
import { BadRequestError } from "./errors";

export function requireToken(text: string, settings: Settings, field = "token"): ParsedToken {
  const parsed = parseToken(text, settings);
  if (parsed !== undefined) return parsed;
  const example = formatToken({ designator: 0, user: Math.min(2, 10 ** settings.userDigits - 1), counter: Math.min(1003, 10 ** settings.counterDigits - 1) }, settings);
  const prefixes = [settings.prefix, ...settings.prefixHistory].map((p) => `"${p}"`).join(" or ");
  return fail(
    field,
    `${field} ${JSON.stringify(text)} is not a token of this deployment: expected the prefix ${prefixes}, then ${1 + settings.userDigits + settings.counterDigits} digits ` +
      `(designator 0 or 1, ${settings.userDigits} user digits, ${settings.counterDigits} counter digits), like ${example}.`,
  );
}

function fail(field: string, message: string): never {
  throw new BadRequestError(field, message, "invalid-token");
}
