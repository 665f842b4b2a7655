/**
 * Production sign-in against a local JWKS server (RS256): keys are fetched and rotated; a token
 * that is really bad is 401; every kind of key-set outage is 503 auth-unavailable with
 * Retry-After, never 401, so the add-in does not tell a signed-in user to sign in again.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { SignJWT, exportJWK, generateKeyPair } from "jose";
import type { CryptoKey, JWK } from "jose";
import { DEFAULT_SETTINGS } from "../../src/core";
import { buildApp } from "../../src/server/app";
import { jwksVerifier } from "../../src/server/auth";
import { openSqliteStore } from "../../src/server/store/sqlite";
import type { TrackingStore } from "../../src/server/store/types";

const AUDIENCE = "api://tracking-test";
const ISSUER = "https://login.example/tenant/v2.0";

type Mode = "keys" | "500" | "503" | "html" | "not-a-key-set" | "empty" | "hang";
type SigningKey = { kid: string; privateKey: CryptoKey; publicJwk: JWK };

async function signingKey(kid: string): Promise<SigningKey> {
  const pair = await generateKeyPair("RS256", { extractable: true });
  return { kid, privateKey: pair.privateKey, publicJwk: { ...(await exportJWK(pair.publicKey)), kid, alg: "RS256", use: "sig" } };
}

function sign(key: SigningKey, claims: Record<string, unknown> = {}, expiresIn = "1h", audience = AUDIENCE): Promise<string> {
  return new SignJWT({ oid: "oid-anna", preferred_username: "anna@contoso.com", ...claims })
    .setProtectedHeader({ alg: "RS256", kid: key.kid })
    .setAudience(audience)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key.privateKey);
}

/** The identity provider's key endpoint, with a switch for each way it can fail. */
class JwksServer {
  mode: Mode = "keys";
  keys: SigningKey[] = [];
  fetches = 0;
  readonly #server = http.createServer((request, response) => {
    this.fetches++;
    switch (this.mode) {
      case "keys":
        return void response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: this.keys.map((k) => k.publicJwk) }));
      case "empty":
        return void response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [] }));
      case "not-a-key-set":
        return void response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ hello: "world" }));
      case "html":
        return void response.writeHead(200, { "content-type": "text/html" }).end("<html><body>Sign-in is down for maintenance</body></html>");
      case "500":
      case "503":
        return void response.writeHead(Number(this.mode)).end("error");
      case "hang":
        return void request.on("close", () => response.destroy());
    }
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", () => resolve()));
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/discovery/v2.0/keys`;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

describe("production sign-in with a JWKS endpoint", () => {
  const jwks = new JwksServer();
  let url: string;
  let store: TrackingStore;
  let first: SigningKey;

  beforeAll(async () => {
    url = await jwks.start();
    store = openSqliteStore({ dataDir: ":memory:" });
    first = await signingKey("key-1");
  });
  afterAll(async () => {
    await jwks.stop();
    await store.close();
  });
  beforeEach(() => {
    jwks.mode = "keys";
    jwks.keys = [first];
  });

  /** A fresh app each time: nothing cached from an earlier test. */
  async function app(keysUrl = url): Promise<FastifyInstance> {
    const verifier = jwksVerifier(keysUrl, { audience: AUDIENCE, issuer: ISSUER, clock: Date.now, timeoutMs: 300, cooldownMs: 0 });
    const built = await buildApp({ store, verifier, settings: DEFAULT_SETTINGS, rateLimitPerAddressPerMinute: 1_000_000 });
    await built.ready();
    return built;
  }

  const me = (target: FastifyInstance, token: string) =>
    target.inject({ method: "POST", url: "/v1/users/me", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, payload: "{}" });

  test("a token signed with a published key is accepted; the caller is its oid", async () => {
    const target = await app();
    const reply = await me(target, await sign(first));
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({ mailbox: "anna@contoso.com" });
    await target.close();
  });

  test("rotation: a token signed with the new key is accepted at once; the retired key's tokens are 401", async () => {
    const target = await app();
    const oldToken = await sign(first, { oid: "oid-old" });
    expect((await me(target, oldToken)).statusCode).toBe(200);
    const second = await signingKey("key-2");
    jwks.keys = [second];
    expect((await me(target, await sign(second))).statusCode).toBe(200);
    // A new token (not in the verified-token cache) with the retired key.
    const retired = await me(target, await sign(first, { oid: "oid-other" }));
    expect(retired.statusCode).toBe(401);
    expect(retired.json()).toMatchObject({ error: "unauthorized" });
    await target.close();
  });

  test.each([
    ["forged (signed by a key the authority never published, same kid)", async () => sign({ ...(await signingKey("key-1")) }), /signature does not verify/],
    ["expired", async () => sign(first, {}, "-1m"), /expired/],
    ["for another audience", async () => sign(first, {}, "1h", "api://someone-else"), /"aud" claim/],
    ["HS256 instead of RS256", async () => new SignJWT({ oid: "x", preferred_username: "x@y.com" }).setProtectedHeader({ alg: "HS256" }).setAudience(AUDIENCE).setIssuer(ISSUER).setExpirationTime("1h").sign(new TextEncoder().encode("secret-secret-secret-secret-secret")), /algorithm/],
    ["not a JWT", async () => "not.a.jwt", /not a valid JWT/],
  ])("a token that is really bad is 401: %s", async (_title, make, message) => {
    const target = await app();
    const reply = await me(target, await make());
    expect(reply.statusCode).toBe(401);
    expect((reply.json() as { message: string }).message).toMatch(message);
    await target.close();
  });

  test.each<[string, Mode, RegExp]>([
    ["answers 500", "500", /could not be fetched/],
    ["answers 503", "503", /could not be fetched/],
    ["answers an HTML page", "html", /could not be fetched/],
    ["answers JSON that is not a key set", "not-a-key-set", /not a JSON Web Key Set/],
    ["publishes an empty key set", "empty", /empty set/],
    ["does not answer in time", "hang", /no answer in time/],
  ])("the key endpoint %s: 503 auth-unavailable with Retry-After", async (_title, mode, message) => {
    jwks.mode = mode;
    const target = await app();
    const reply = await me(target, await sign(first));
    expect(reply.statusCode).toBe(503);
    expect(reply.json()).toMatchObject({ error: "auth-unavailable" });
    expect((reply.json() as { message: string }).message).toMatch(message);
    expect(Number(reply.headers["retry-after"])).toBeGreaterThan(0);
    // Recovered: the same token is accepted (a failure is never cached).
    jwks.mode = "keys";
    expect((await me(target, await sign(first))).statusCode).toBe(200);
    await target.close();
  });

  test("the key endpoint refuses connections: 503 auth-unavailable", async () => {
    const closed = new JwksServer();
    const closedUrl = await closed.start();
    await closed.stop();
    const target = await app(closedUrl);
    const reply = await me(target, await sign(first));
    expect(reply.statusCode).toBe(503);
    expect(reply.json()).toMatchObject({ error: "auth-unavailable" });
    await target.close();
  });
});
