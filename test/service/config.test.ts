/** The environment is read once and checked whole: every invalid variable gets its own message, and main exits 1. */
import { loadConfig } from "../../src/server/config";
import { ConfigError } from "../../src/server/errors";
import { LARGEST_VALID_BODY_BYTES } from "../../src/contract";
import { startService } from "./support/child";

function problems(env: Record<string, string>): { variable: string; message: string }[] {
  try {
    loadConfig(env, "/srv");
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe("service configuration", () => {
  test("defaults: loopback, SQLite in ./.service-data, development auth, the add-in's dev origins", () => {
    const config = loadConfig({}, "/srv");
    expect(config).toMatchObject({
      host: "127.0.0.1",
      port: 3002,
      dataDir: "/srv/.service-data",
      databaseUrl: undefined,
      auth: { mode: "dev" },
      addinOrigins: ["https://localhost:3000", "https://localhost:3001"],
      rateLimitPerMinute: 600,
      rateLimitPerAddressPerMinute: 3000,
      bodyLimitBytes: LARGEST_VALID_BODY_BYTES,
      createDatabase: false,
      sentAtWindow: { aheadMs: 24 * 60 * 60_000, behindMs: 30 * 24 * 60 * 60_000 },
    });
    expect(config.settings).toMatchObject({ prefix: "CRM:", userDigits: 3, counterDigits: 4, deploymentBase: 0, activeDays: 30 });
  });

  test("token settings come from the environment", () => {
    const config = loadConfig({ TOKEN_PREFIX: "ACME-", TOKEN_PREFIX_HISTORY: "CRM:, OLD#", USER_DIGITS: "4", COUNTER_DIGITS: "6", DEPLOYMENT_BASE: "500", ACTIVE_DAYS: "14" });
    expect(config.settings).toMatchObject({ prefix: "ACME-", prefixHistory: ["CRM:", "OLD#"], userDigits: 4, counterDigits: 6, deploymentBase: 500, activeDays: 14 });
  });

  test("tracking is on with 50 offline numbers per reserve unless the environment says otherwise", () => {
    expect(loadConfig({})).toMatchObject({ trackingEnabled: true, offlineReserveSize: 50 });
    expect(loadConfig({ TRACKING_ENABLED: "0", OFFLINE_RESERVE_SIZE: "200" })).toMatchObject({ trackingEnabled: false, offlineReserveSize: 200 });
    // A one-digit counter has only 9 numbers to reserve from.
    expect(loadConfig({ COUNTER_DIGITS: "1" }).offlineReserveSize).toBe(9);
    const found = problems({ TRACKING_ENABLED: "maybe", OFFLINE_RESERVE_SIZE: "10000" });
    expect(found).toEqual([
      { variable: "TRACKING_ENABLED", message: 'must be 1 or 0; got "maybe".' },
      { variable: "OFFLINE_RESERVE_SIZE", message: 'must be a whole number from 1 to 9999; got "10000".' },
    ]);
  });

  test("each invalid variable is named with core's message", () => {
    const found = problems({ TOKEN_PREFIX: "CRM1", COUNTER_DIGITS: "12", USER_DIGITS: "three", PORT: "70000", LOG_LEVEL: "loud" });
    expect(found.map((p) => p.variable).sort()).toEqual(["COUNTER_DIGITS", "LOG_LEVEL", "PORT", "TOKEN_PREFIX", "USER_DIGITS"]);
    expect(found.find((p) => p.variable === "COUNTER_DIGITS")?.message).toMatch(/from 1 to 9; got 12/);
    expect(found.find((p) => p.variable === "TOKEN_PREFIX")?.message).toMatch(/must not end in a digit/);
  });

  test("production auth needs the JWKS URL, audience and issuer", () => {
    expect(problems({ HOST: "0.0.0.0" }).map((p) => p.variable)).toEqual(["AUTH_JWKS_URL"]);
    expect(problems({ HOST: "0.0.0.0", AUTH_JWKS_URL: "https://login.microsoftonline.com/t/discovery/v2.0/keys" }).map((p) => p.variable)).toEqual(["AUTH_AUDIENCE", "AUTH_ISSUER"]);
    const entra = loadConfig({
      AUTH_JWKS_URL: "https://login.microsoftonline.com/t/discovery/v2.0/keys",
      AUTH_AUDIENCE: "api://tracking",
      AUTH_ISSUER: "https://login.microsoftonline.com/t/v2.0",
    });
    expect(entra.auth).toEqual({ mode: "entra", jwksUrl: "https://login.microsoftonline.com/t/discovery/v2.0/keys", audience: "api://tracking", issuer: "https://login.microsoftonline.com/t/v2.0" });
  });

  describe("risky combinations are start-up errors naming both variables", () => {
    const entra = { AUTH_AUDIENCE: "api://tracking", AUTH_ISSUER: "https://login.microsoftonline.com/t/v2.0" };
    test.each([
      ["SERVICE_DEV_AUTH=1 with AUTH_JWKS_URL", { SERVICE_DEV_AUTH: "1", AUTH_JWKS_URL: "https://login.microsoftonline.com/t/discovery/v2.0/keys", ...entra }, "SERVICE_DEV_AUTH", /AUTH_JWKS_URL are both set/],
      ["SERVICE_DEV_AUTH=1 on all interfaces", { SERVICE_DEV_AUTH: "1", HOST: "0.0.0.0" }, "AUTH_JWKS_URL", /HOST, not loopback[\s\S]*anyone/],
      ["development sign-in behind a proxy", { TRUST_PROXY: "1" }, "AUTH_JWKS_URL", /TRUST_PROXY=1/],
      ["explicit development sign-in behind a proxy", { TRUST_PROXY: "1", SERVICE_DEV_AUTH: "1" }, "AUTH_JWKS_URL", /TRUST_PROXY=1/],
      ["a JWKS URL over plain http", { AUTH_JWKS_URL: "http://login.example/keys", ...entra }, "AUTH_JWKS_URL", /must be an https:\/\/ URL/],
      ["a body limit below the largest valid request", { BODY_LIMIT_BYTES: "16384" }, "BODY_LIMIT_BYTES", new RegExp(`from ${LARGEST_VALID_BODY_BYTES} to`)],
      ["a sentAt window of 0 minutes", { SENT_AT_MAX_AHEAD_MINUTES: "0" }, "SENT_AT_MAX_AHEAD_MINUTES", /from 1 to/],
    ])("%s", (_title, env, variable, message) => {
      const found = problems(env);
      expect(found.map((p) => p.variable)).toEqual([variable]);
      expect(found[0]?.message).toMatch(message);
    });

    test("production sign-in behind a proxy on all interfaces is accepted", () => {
      const config = loadConfig({ HOST: "0.0.0.0", TRUST_PROXY: "1", AUTH_JWKS_URL: "https://login.microsoftonline.com/t/discovery/v2.0/keys", ...entra });
      expect(config.auth.mode).toBe("entra");
    });

    test("the sentAt window and the first-run flag come from the environment", () => {
      const config = loadConfig({ SENT_AT_MAX_AHEAD_MINUTES: "90", SENT_AT_MAX_AGE_DAYS: "7", CREATE_DATABASE: "1" });
      expect(config.sentAtWindow).toEqual({ aheadMs: 90 * 60_000, behindMs: 7 * 24 * 60 * 60_000 });
      expect(config.createDatabase).toBe(true);
    });
  });

  test("the service refuses to start with invalid settings: a clear message and exit code 1", async () => {
    await expect(startService({ COUNTER_DIGITS: "0", TOKEN_PREFIX: "CRM 1", DATA_DIR: "/tmp/never-used" })).rejects.toThrow(
      /exited with 1 before listening:[\s\S]*TOKEN_PREFIX: Prefix must not contain whitespace[\s\S]*COUNTER_DIGITS: Counter digits must be a whole number from 1 to 9; got 0\./,
    );
  }, 30_000);
});
