import { DEFAULT_SETTINGS, InvalidSettingsError, keepEarlierPrefix, SETTINGS_FIELDS, validateSettings } from "../../../src/core";
import type { SettingsProblemCode, ValidationError } from "../../../src/core";
import { englishProblem } from "../../../src/languages/english";

const errorsOf = (input: unknown): readonly ValidationError[] => {
  const result = validateSettings(input);
  return result.ok ? [] : result.errors;
};

describe("DEFAULT_SETTINGS", () => {
  it("matches docs/DESIGN.md §2 and §6", () => {
    expect(DEFAULT_SETTINGS).toEqual({
      trackingEnabled: true,
      prefix: "CRM:",
      prefixHistory: [],
      userDigits: 3,
      counterDigits: 4,
      deploymentBase: 0,
      userOrdinal: null,
      serviceUrl: "",
      activeDays: 30,
      autoStampOnSend: false,
    });
    expect(Object.keys(DEFAULT_SETTINGS)).toEqual([...SETTINGS_FIELDS]);
  });

  it("is frozen", () => {
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SETTINGS.prefixHistory)).toBe(true);
  });
});

describe("validateSettings: valid input", () => {
  it("gives the defaults for {}", () => {
    expect(validateSettings({})).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it("merges partial input over the defaults", () => {
    expect(validateSettings({ prefix: "ACME#", userOrdinal: 7 })).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, prefix: "ACME#", userOrdinal: 7 } });
  });

  it("treats undefined fields as missing", () => {
    expect(validateSettings({ prefix: undefined })).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it.each<[string, object]>([
    ["a full valid set", { prefix: "TT-", prefixHistory: ["CRM:", "Old#"], userDigits: 5, counterDigits: 6, deploymentBase: 500, userOrdinal: 99_499, serviceUrl: "https://tokens.contoso.com/api", activeDays: 3650, autoStampOnSend: true }],
    ["the widest digits (20 in all)", { userDigits: 10, counterDigits: 9, deploymentBase: 9_000_000_000, userOrdinal: 999_999_999 }],
    ["the narrowest digits", { userDigits: 1, counterDigits: 1, deploymentBase: 0, userOrdinal: 9 }],
    ["a 20-character prefix", { prefix: "ABCDEFGHIJKLMNOPQRS:" }],
    ["a 1-character prefix", { prefix: "#" }],
    ["a prefix with regex specials", { prefix: "(.*)[+]?" }],
    ["a prefix with a digit inside", { prefix: "C2R:" }],
    ["a non-ASCII prefix", { prefix: "Лид:" }],
    ["http on localhost", { serviceUrl: "http://localhost:3000" }],
    ["http on 127.0.0.1", { serviceUrl: "http://127.0.0.1:8080/api" }],
    ["activeDays 1", { activeDays: 1 }],
  ])("accepts %s", (_name, input) => {
    const result = validateSettings(input);
    expect(result).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, ...input } });
  });

  it("returns frozen settings that do not share the input's history array", () => {
    const history = ["OLD:"];
    const result = validateSettings({ prefixHistory: history });
    if (!result.ok) throw new Error("expected ok");
    history.push("X:");
    expect(result.settings.prefixHistory).toEqual(["OLD:"]);
    expect(Object.isFrozen(result.settings)).toBe(true);
  });
});

describe("validateSettings: one error per invalid field, saying what is allowed", () => {
  it.each<[string, object, string, SettingsProblemCode, RegExp[]]>([
    ["prefix empty", { prefix: "" }, "prefix", "prefix-empty", [/must not be empty/, /1-20 characters/]],
    ["prefix too long", { prefix: "ABCDEFGHIJKLMNOPQRSTU" }, "prefix", "prefix-too-long", [/21 characters long/, /1-20 characters/]],
    ["prefix with a space", { prefix: "CR M:" }, "prefix", "prefix-whitespace", [/whitespace \(a space \(U\+0020\) at position 3\)/, /1-20 characters/]],
    ["prefix with a tab", { prefix: "CRM\t" }, "prefix", "prefix-whitespace", [/a tab/]],
    ["prefix with a no-break space", { prefix: "CRM\u00A0:" }, "prefix", "prefix-whitespace", [/U\+00A0/]],
    ["prefix with a control character", { prefix: "CR\u0007M:" }, "prefix", "prefix-invisible", [/control characters \(U\+0007 at position 3\)/]],
    ["prefix with a lone surrogate", { prefix: "CRM\uD800:" }, "prefix", "prefix-broken", [/lone surrogate U\+D800/]],
    ["prefix ending in a digit", { prefix: "CRM1" }, "prefix", "prefix-ends-in-digit", [/must not end in a digit/, /"1"/, /run into the token's digits/]],
    ["prefix ending in a non-ASCII digit", { prefix: "CRM٣" }, "prefix", "prefix-ends-in-digit", [/must not end in a digit/]],
    ["prefix not text", { prefix: 42 }, "prefix", "prefix-not-text", [/must be text/, /got 42/]],
    ["prefixHistory not a list", { prefixHistory: "CRM:" }, "prefixHistory", "history-not-list", [/must be a list of earlier prefixes/]],
    ["prefixHistory entry invalid", { prefixHistory: ["OK:", "BAD1"] }, "prefixHistory[1]", "prefix-ends-in-digit", [/Earlier prefix 2 must not end in a digit/]],
    ["prefixHistory entry not text", { prefixHistory: [null] }, "prefixHistory[0]", "prefix-not-text", [/must be text/]],
    ["prefixHistory duplicate (case ignored)", { prefixHistory: ["OLD:", "old:"] }, "prefixHistory[1]", "history-repeats", [/repeats earlier prefix 1/, /once/]],
    ["prefixHistory holds the current prefix", { prefix: "CRM:", prefixHistory: ["crm:"] }, "prefixHistory[0]", "history-is-current", [/is the current prefix/, /only prefixes used before/]],
    ["userDigits 0", { userDigits: 0 }, "userDigits", "integer-range", [/whole number from 1 to 10/, /got 0/]],
    ["userDigits 11", { userDigits: 11 }, "userDigits", "integer-range", [/from 1 to 10/, /got 11/]],
    ["userDigits fractional", { userDigits: 2.5 }, "userDigits", "integer-range", [/whole number from 1 to 10/]],
    ["userDigits as text", { userDigits: "3" }, "userDigits", "integer-range", [/from 1 to 10/, /got "3"/]],
    ["counterDigits 0", { counterDigits: 0 }, "counterDigits", "integer-range", [/whole number from 1 to 9/]],
    ["counterDigits 10", { counterDigits: 10 }, "counterDigits", "integer-range", [/from 1 to 9/, /got 10/]],
    ["deploymentBase negative", { deploymentBase: -1 }, "deploymentBase", "base-range", [/from 0 to 999/, /got -1/]],
    ["deploymentBase too wide", { deploymentBase: 1000 }, "deploymentBase", "base-range", [/from 0 to 999/, /3 user digits/]],
    ["deploymentBase fractional", { deploymentBase: 1.5 }, "deploymentBase", "base-range", [/whole number/]],
    ["userOrdinal 0", { userOrdinal: 0 }, "userOrdinal", "ordinal-invalid", [/empty \(not set\) or a whole number of at least 1/]],
    ["userOrdinal not a number", { userOrdinal: "2" }, "userOrdinal", "ordinal-invalid", [/at least 1/]],
    ["userOrdinal too big for the base", { deploymentBase: 500, userOrdinal: 500 }, "userOrdinal", "ordinal-range", [/from 1 to 499/, /at most 999/, /got 500/]],
    ["userOrdinal with a full base", { deploymentBase: 999, userOrdinal: 1 }, "userOrdinal", "ordinal-no-room", [/leaves no room/]],
    ["serviceUrl http elsewhere", { serviceUrl: "http://tokens.contoso.com" }, "serviceUrl", "service-url-http", [/must use https:\/\//, /localhost/]],
    ["serviceUrl not a URL", { serviceUrl: "tokens.contoso.com" }, "serviceUrl", "service-url-not-address", [/not a web address/, /https:\/\//]],
    ["serviceUrl other scheme", { serviceUrl: "ftp://tokens.contoso.com" }, "serviceUrl", "service-url-scheme", [/https:\/\//]],
    ["serviceUrl with credentials", { serviceUrl: "https://me:secret@tokens.contoso.com" }, "serviceUrl", "service-url-credentials", [/user name or password/]],
    ["serviceUrl with spaces", { serviceUrl: " https://tokens.contoso.com" }, "serviceUrl", "service-url-spaces", [/spaces/]],
    ["serviceUrl not text", { serviceUrl: null }, "serviceUrl", "service-url-not-text", [/must be text/]],
    ["activeDays 0", { activeDays: 0 }, "activeDays", "integer-range", [/whole number from 1 to 3650/]],
    ["activeDays 3651", { activeDays: 3651 }, "activeDays", "integer-range", [/from 1 to 3650/, /got 3651/]],
    ["autoStampOnSend not boolean", { autoStampOnSend: "yes" }, "autoStampOnSend", "auto-stamp-not-boolean", [/true or false/, /got "yes"/]],
    ["trackingEnabled not boolean", { trackingEnabled: "off" }, "trackingEnabled", "tracking-not-boolean", [/Tracking tokens must be on/, /got "off"/]],
    ["unknown field", { colour: "blue" }, "colour", "unknown-setting", [/not a setting/, /prefix, prefixHistory/]],
  ])("%s", (_name, input, field, code, messages) => {
    const errors = errorsOf(input);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.field).toBe(field);
    expect(errors[0]?.problem.code).toBe(code);
    // Core says what is wrong as a code; this is how English says it (src/languages), what to fix included.
    const said = errors[0] === undefined ? "" : englishProblem(errors[0].problem);
    for (const message of messages) expect(said).toMatch(message);
  });

  it.each<[string, unknown]>([
    ["null", null],
    ["an array", []],
    ["a string", "CRM:"],
    ["a number", 3],
    ["undefined", undefined],
  ])("rejects %s as a whole with field settings", (_name, input) => {
    const errors = errorsOf(input);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.field).toBe("settings");
    expect(errors[0]?.problem.code).toBe("not-an-object");
  });

  it("reports every invalid field, each with its own problem", () => {
    const errors = errorsOf({ prefix: "CRM1", userDigits: 0, counterDigits: 12, activeDays: -3, autoStampOnSend: 1, serviceUrl: "http://x.example", extra: true });
    expect(errors.map((e) => e.field).sort()).toEqual(["activeDays", "autoStampOnSend", "counterDigits", "extra", "prefix", "serviceUrl", "userDigits"]);
    expect(new Set(errors.map((e) => englishProblem(e.problem))).size).toBe(errors.length);
  });

  it("skips checks that depend on an invalid userDigits rather than guessing", () => {
    const errors = errorsOf({ userDigits: 0, deploymentBase: 5000, userOrdinal: 1 });
    expect(errors.map((e) => e.field)).toEqual(["userDigits"]);
  });
});

describe("InvalidSettingsError", () => {
  it("carries the errors and names its class", () => {
    const error = new InvalidSettingsError([{ field: "userDigits", problem: { code: "integer-range", setting: "userDigits", min: 1, max: 10, got: { kind: "literal", text: "0" } } }]);
    expect(error.name).toBe("InvalidSettingsError");
    expect(error.errors).toHaveLength(1);
    expect(error.message).toMatch(/userDigits \(integer-range\)/);
  });
});

describe("keepEarlierPrefix (a prefix change keeps the old one as ours)", () => {
  it.each<[string, string, string[], string[]]>([
    ["a new prefix keeps the old one first", "ACME-", [], ["CRM:"]],
    ["earlier prefixes stay, the old one goes first", "ACME-", ["OLD:"], ["CRM:", "OLD:"]],
    ["the old one is not listed twice (case ignored)", "ACME-", ["crm:"], ["crm:"]],
    ["going back to an earlier prefix takes it out of the history", "OLD:", ["OLD:"], ["CRM:"]],
    ["no change: a history the user edited stays as they left it", "crm:", [], []],
  ])("%s", (_, prefix, prefixHistory, expected) => {
    expect(keepEarlierPrefix({ prefix: "CRM:" }, { prefix, prefixHistory }).prefixHistory).toEqual(expected);
  });
});
