/**
 * Settings problems in the user's words (docs/DESIGN.md §9): core says what is wrong as a code; this
 * says it in the catalogue's language, with how to fix it. The read pane loads it only when a
 * problem is shown.
 */
import { SETTINGS_LIMITS } from "../core";
import type { PrefixSubject, SeenChar, SeenValue, SettingsProblem, ValidationError } from "../core";
import type { Messages } from "./messages";

function seenValue(m: Messages, got: SeenValue): string {
  switch (got.kind) {
    case "literal":
      return got.text;
    case "list":
      return m.text("value.list");
    case "nothing":
      return m.text("value.nothing");
    case "other":
      return m.text("value.other", { type: got.type });
  }
}

function seenChar(m: Messages, char: SeenChar): string {
  switch (char.kind) {
    case "space":
      return m.text("char.space", { code: char.code });
    case "tab":
      return m.text("char.tab", { code: char.code });
    case "invisible":
      return char.code;
    case "visible":
      return `"${char.char}"`;
  }
}

function prefixWho(m: Messages, who: PrefixSubject): string {
  return who.kind === "prefix" ? m.text("who.prefix") : m.text("who.earlierPrefix", { position: who.position });
}

/** One settings problem as a sentence: what is wrong and how to fix it. */
export function describeProblem(m: Messages, problem: SettingsProblem): string {
  const prefixRule = () => m.text("problem.prefixRule", { min: SETTINGS_LIMITS.prefixLength.min, max: SETTINGS_LIMITS.prefixLength.max });
  const urlRule = () => m.text("problem.serviceUrlRule");
  switch (problem.code) {
    case "not-an-object":
    case "history-not-list":
    case "ordinal-invalid":
    case "tracking-not-boolean":
    case "auto-stamp-not-boolean":
      return m.text(`problem.${problem.code}`, { got: seenValue(m, problem.got) });
    case "saved-unreadable":
      return m.text("problem.saved-unreadable", { found: problem.found });
    case "unknown-setting":
      return m.text("problem.unknown-setting", { key: problem.key, known: problem.known.join(", ") });
    case "prefix-not-text":
      return m.text("problem.prefix-not-text", { who: prefixWho(m, problem.who), rule: prefixRule(), got: seenValue(m, problem.got) });
    case "prefix-empty":
      return m.text("problem.prefix-empty", { who: prefixWho(m, problem.who), rule: prefixRule() });
    case "prefix-too-long":
      return m.text("problem.prefix-too-long", { who: prefixWho(m, problem.who), length: problem.length, rule: prefixRule() });
    case "prefix-whitespace":
    case "prefix-invisible":
    case "prefix-broken":
      return m.text(`problem.${problem.code}`, { who: prefixWho(m, problem.who), char: seenChar(m, problem.char), position: problem.position, rule: prefixRule() });
    case "prefix-ends-in-digit":
      return m.text("problem.prefix-ends-in-digit", { who: prefixWho(m, problem.who), char: seenChar(m, problem.char), rule: prefixRule() });
    case "history-repeats":
      return m.text("problem.history-repeats", { position: problem.position, prefix: problem.prefix, first: problem.first + 1 });
    case "history-is-current":
      return m.text("problem.history-is-current", { position: problem.position, prefix: problem.prefix });
    case "integer-range":
      return m.text("problem.integer-range", { setting: m.text(`settings.${problem.setting}`), min: problem.min, max: problem.max, got: seenValue(m, problem.got) });
    case "base-range":
      return problem.max === undefined || problem.userDigits === undefined
        ? m.text("problem.base-range-open", { got: seenValue(m, problem.got) })
        : m.text("problem.base-range", { max: problem.max, userDigits: problem.userDigits, got: seenValue(m, problem.got) });
    case "ordinal-no-room":
      return m.text("problem.ordinal-no-room", { ordinal: problem.ordinal, base: problem.base, userDigits: problem.userDigits });
    case "ordinal-range":
      return m.text("problem.ordinal-range", { max: problem.max, base: problem.base, userDigits: problem.userDigits, userMax: problem.userMax, ordinal: problem.ordinal });
    case "service-url-not-text":
      return m.text("problem.service-url-not-text", { rule: urlRule(), got: seenValue(m, problem.got) });
    case "service-url-spaces":
    case "service-url-credentials":
      return m.text(`problem.${problem.code}`, { rule: urlRule() });
    case "service-url-not-address":
    case "service-url-scheme":
      return m.text(`problem.${problem.code}`, { value: problem.value, rule: urlRule() });
    case "service-url-http":
      return m.text("problem.service-url-http", { value: problem.value });
    case "settings-unreadable":
    case "settings-undecodable":
      return m.text(`problem.${problem.code}`, { detail: problem.detail });
    case "service-settings-unusable":
      return m.text("problem.service-settings-unusable", { url: problem.serviceUrl, reasons: problem.reasons.map((reason) => describeProblem(m, reason)).join(" ") });
  }
}

/** A field's problem, with the note that a saved value was replaced by its default. */
export function describeError(m: Messages, error: ValidationError): string {
  const text = describeProblem(m, error.problem);
  return error.ignored === true ? m.text("problem.ignored", { problem: text }) : text;
}
