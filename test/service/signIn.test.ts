/**
 * GET /v1/sign-in (docs/SERVICE-API.md): what the add-in asks Entra ID for, before it has a token.
 * SIGN_IN_CLIENT_ID and SIGN_IN_SCOPE come together; development keys have their own.
 */
import { DEV_SIGN_IN, loadConfig } from "../../src/server/config";
import { ConfigError } from "../../src/server/errors";
import { BACKENDS } from "./support/backends";
import type { OpenedBackend } from "./support/backends";
import { makeTestApp } from "./support/testApp";

const ENTRA = { AUTH_JWKS_URL: "https://login.microsoftonline.com/t/discovery/v2.0/keys", AUTH_AUDIENCE: "11111111-2222-3333-4444-555555555555", AUTH_ISSUER: "https://login.microsoftonline.com/t/v2.0" };
const SCOPE = "api://addin.contoso.com/11111111-2222-3333-4444-555555555555/access_as_user";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, "/srv");
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.variable} ${p.message}`);
    throw error;
  }
}

describe("sign-in configuration", () => {
  test("development keys name the playground's registration and the development audience's scope", () => {
    expect(loadConfig({}, "/srv").signIn).toEqual({ clientId: "tracking-tokens-dev", scope: "api://tracking-tokens-dev/access_as_user" });
  });

  test("Entra ID without SIGN_IN_ variables: none, so the add-in uses Office's legacy SSO", () => {
    expect(loadConfig(ENTRA, "/srv").signIn).toBeNull();
  });

  test("Entra ID with both: the registration's client ID and the API scope", () => {
    expect(loadConfig({ ...ENTRA, SIGN_IN_CLIENT_ID: ENTRA.AUTH_AUDIENCE, SIGN_IN_SCOPE: SCOPE }, "/srv").signIn).toEqual({ clientId: ENTRA.AUTH_AUDIENCE, scope: SCOPE });
  });

  test.each([
    ["only the client ID", { SIGN_IN_CLIENT_ID: "abc" }, /^SIGN_IN_SCOPE is required with the other/],
    ["only the scope", { SIGN_IN_SCOPE: SCOPE }, /^SIGN_IN_CLIENT_ID is required with the other/],
    ["a scope that is not an API scope", { SIGN_IN_CLIENT_ID: "abc", SIGN_IN_SCOPE: "access_as_user" }, /^SIGN_IN_SCOPE must be the service's API scope/],
  ])("%s is a start-up error saying what to set", (_title, env, message) => {
    const found = problemsOf({ ...ENTRA, ...env });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });
});

const sqlite = BACKENDS.find((b) => b.name === "sqlite");

describe("GET /v1/sign-in", () => {
  let opened: OpenedBackend;
  beforeEach(async () => {
    if (!sqlite) throw new Error("no SQLite backend");
    opened = await sqlite.setup();
  });
  afterEach(async () => opened.cleanup());

  test("answers without a token", async () => {
    const { app } = await makeTestApp(await opened.open(), { dataDir: opened.dataDir, signIn: DEV_SIGN_IN });
    const answer = await app.inject({ method: "GET", url: "/v1/sign-in" });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual(DEV_SIGN_IN);
    await app.close();
  });

  test("404 with the reason when the service names no registration", async () => {
    const { app } = await makeTestApp(await opened.open(), { dataDir: opened.dataDir });
    const answer = await app.inject({ method: "GET", url: "/v1/sign-in" });
    expect(answer.statusCode).toBe(404);
    expect(answer.json()).toMatchObject({ error: "not-found", message: expect.stringMatching(/SIGN_IN_CLIENT_ID/) });
    await app.close();
  });
});
