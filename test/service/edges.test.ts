/**
 * The service's edges (docs/SERVICE.md): input it must refuse (sentAt far from the clock, lone
 * surrogates, requests from one address beyond its limit, dev tokens for a foreign Host), smart
 * matching that one sender cannot steer, security headers, and every framework error in the
 * contract's `{ error, message, field? }` shape.
 */
import net from "node:net";
import type { FastifyInstance } from "fastify";
import { LARGEST_VALID_BODY_BYTES, LIMITS } from "../../src/contract";
import type { TrackingStore } from "../../src/server/store/types";
import { describeBackends } from "./support/backends";
import type { OpenedBackend } from "./support/backends";
import { ADDIN_ORIGIN, makeTestApp, testClock } from "./support/testApp";
import type { TestApp } from "./support/testApp";

type Json = Record<string, unknown>;
const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse("2026-11-28T09:00:00Z");

function post(app: FastifyInstance, url: string, token: string | undefined, body: unknown, headers: Record<string, string> = {}) {
  return app.inject({
    method: "POST",
    url,
    headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), "content-type": "application/json", ...headers },
    payload: typeof body === "string" ? body : JSON.stringify(body),
  });
}

function activity(token: string, overrides: Json = {}): Json {
  return { token, subject: `Quote for Q4 ${token}`, to: ["bob@fabrikam.com"], cc: [], sentAt: new Date(NOW).toISOString(), designator: 0, ...overrides };
}

describeBackends("service edges", (backend) => {
  let opened: OpenedBackend;
  let store: TrackingStore;
  let t: TestApp;
  let anna: string;

  beforeEach(async () => {
    opened = await backend.setup();
    store = await opened.open();
    t = await makeTestApp(store, { dataDir: opened.dataDir, clock: testClock(NOW) });
    anna = await t.tokenFor("anna@contoso.com");
    await post(t.app, "/v1/users/me", anna, {});
  });
  afterEach(async () => {
    await t.app.close();
    await opened.cleanup();
  });

  describe("sentAt is accepted only near the service's clock", () => {
    test.each([
      ["year 9999", "9999-12-31T23:59:59Z", /ahead of the service's clock/],
      ["year 0000", "0000-01-01T00:00:00Z", /before the service's clock/],
      ["a day and a minute ahead", new Date(NOW + DAY + 60_000).toISOString(), /more than 1 days ahead/],
      ["31 days old (ACTIVE_DAYS 30)", new Date(NOW - 31 * DAY).toISOString(), /more than 30 days before/],
    ])("%s is 400 naming sentAt", async (_title, sentAt, message) => {
      const reply = await post(t.app, "/v1/activities", anna, activity("CRM:00010001", { sentAt }));
      expect(reply.statusCode).toBe(400);
      expect(reply.json()).toMatchObject({ error: "sent-at-out-of-range", field: "sentAt" });
      expect((reply.json() as Json)["message"]).toMatch(message);
    });

    test("within the window (a skewed device clock, an offline sync from last week) it is stored", async () => {
      expect((await post(t.app, "/v1/activities", anna, activity("CRM:00010001", { sentAt: new Date(NOW + 23 * 3600_000).toISOString() }))).statusCode).toBe(201);
      expect((await post(t.app, "/v1/activities", anna, activity("CRM:00010002", { sentAt: new Date(NOW - 7 * DAY).toISOString() }))).statusCode).toBe(201);
    });
  });

  test("a record dated before the token's holder is a conflict, not a new wrap cycle", async () => {
    expect((await post(t.app, "/v1/activities", anna, activity("CRM:00010001"))).statusCode).toBe(201);
    const earlier = await post(t.app, "/v1/activities", anna, activity("CRM:00010001", { subject: "Something else", sentAt: new Date(NOW - 29 * DAY).toISOString() }));
    expect(earlier.statusCode).toBe(409);
    expect(earlier.json()).toMatchObject({ error: "conflict", field: "token" });
  });

  test("one sender's many records cannot crowd the right answer out of smart matching", async () => {
    const mallory = await t.tokenFor("mallory@contoso.com");
    const malloryUser = (await post(t.app, "/v1/users/me", mallory, {})).json() as { userNumber: number };
    // Anna's genuine mail to Bob, then 210 newer records of Mallory's under the same subject.
    expect((await post(t.app, "/v1/activities", anna, activity("CRM:00010001", { subject: "Weekly report", sentAt: new Date(NOW - DAY).toISOString() }))).statusCode).toBe(201);
    for (let i = 1; i <= 210; i++) {
      const token = `CRM:0${String(malloryUser.userNumber).padStart(3, "0")}${String(i).padStart(4, "0")}`;
      const reply = await post(t.app, "/v1/activities", mallory, activity(token, { subject: "Weekly report", to: ["someone@elsewhere.com"], sentAt: new Date(NOW - i * 1000).toISOString() }));
      expect(reply.statusCode).toBe(201);
    }
    const bob = await t.tokenFor("bob@fabrikam.com");
    const match = await post(t.app, "/v1/correlate", bob, { subject: "RE: Weekly report", from: "bob@fabrikam.com", to: ["anna@contoso.com"], cc: [] });
    expect(match.json()).toMatchObject({ match: { method: "smart match", activity: { token: "CRM:00010001", sender: "anna@contoso.com" } } });
  }, 30_000);

  describe("strings must be well-formed Unicode", () => {
    test.each([
      ["subject", { subject: "Quote \ud83d CRM:00010001" }, "subject"],
      ["draftKey", { draftKey: "draft-\udc00" }, "draftKey"],
      ["a recipient", { to: ["bob@fabrikam.com", "\ud83d@x.com"] }, "to[1]"],
    ])("a lone surrogate in %s is 400 naming the field", async (_title, overrides, field) => {
      // JSON.stringify writes a lone surrogate as the escape \udXXX, as a browser does.
      const reply = await post(t.app, "/v1/activities", anna, activity("CRM:00010001", overrides));
      expect(reply.statusCode).toBe(400);
      expect(reply.json()).toMatchObject({ error: "malformed-text", field });
      expect((reply.json() as Json)["message"]).toMatch(/lone UTF-16 surrogate/);
    });

    test("a whole emoji is stored and its retry is a duplicate, not a conflict", async () => {
      const body = activity("CRM:00010001", { subject: "Quote \ud83d\ude00 CRM:00010001", draftKey: "draft-\u{1F600}" });
      expect((await post(t.app, "/v1/activities", anna, body)).statusCode).toBe(201);
      expect((await post(t.app, "/v1/activities", anna, body)).json()).toEqual({ stored: false, duplicate: true });
    });
  });

  test("the documented limits fit under the body limit: 500 + 500 recipients of 320 characters", async () => {
    const address = (i: number) => `${String(i).padStart(3, "0")}${"a".repeat(LIMITS.address - 16)}@fabrikam.com`;
    const body = activity("CRM:00010001", {
      subject: `${"é".repeat(LIMITS.subject - 13)}CRM:00010001`,
      to: Array.from({ length: LIMITS.recipients }, (_, i) => address(i)),
      cc: Array.from({ length: LIMITS.recipients }, (_, i) => address(i + 500)),
      draftKey: "d".repeat(LIMITS.draftKey),
    });
    expect(address(1)).toHaveLength(LIMITS.address);
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThan(LARGEST_VALID_BODY_BYTES);
    expect((await post(t.app, "/v1/activities", anna, body)).statusCode).toBe(201);
  });
});

describeBackends("service edges without storage faults", (backend) => {
  let opened: OpenedBackend;
  let t: TestApp;

  beforeEach(async () => {
    opened = await backend.setup();
    t = await makeTestApp(await opened.open(), { dataDir: opened.dataDir, clock: testClock(NOW) });
  });
  afterEach(async () => {
    await t.app.close();
    await opened.cleanup();
  });

  test("every reply has nosniff and no-store; dev tokens and activities included", async () => {
    const token = await post(t.app, "/v1/dev/token", undefined, { mailbox: "anna@contoso.com" });
    const bearer = (token.json() as { accessToken: string }).accessToken;
    const replies = [
      token,
      await post(t.app, "/v1/activities", bearer, activity("CRM:00010001")),
      await t.app.inject({ method: "GET", url: "/v1/activities/CRM:00010001", headers: { authorization: `Bearer ${bearer}` } }),
      await t.app.inject({ method: "GET", url: "/v1/health/ready" }),
      await t.app.inject({ method: "GET", url: "/v1/nothing" }),
    ];
    for (const reply of replies) {
      expect(reply.headers["x-content-type-options"]).toBe("nosniff");
      expect(reply.headers["cache-control"]).toBe("no-store");
    }
  });
});

describe("requests refused before a route runs", () => {
  let opened: OpenedBackend;
  let t: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    const sqlite = (await import("./support/backends")).BACKENDS[0];
    if (sqlite === undefined) throw new Error("no SQLite backend");
    opened = await sqlite.setup();
    t = await makeTestApp(await opened.open(), { dataDir: opened.dataDir, clock: testClock(NOW), rateLimitPerAddressPerMinute: 20 });
    baseUrl = await t.app.listen({ host: "127.0.0.1", port: 0 });
  });
  afterAll(async () => {
    await t.app.close();
    await opened.cleanup();
  });

  /** Sends raw bytes and returns the status line's code and the JSON body. */
  function raw(request: string): Promise<{ status: number; body: Json; headers: string }> {
    const { port } = new URL(baseUrl);
    return new Promise((resolve, reject) => {
      const socket = net.connect(Number(port), "127.0.0.1", () => socket.write(request));
      let text = "";
      socket.on("data", (chunk) => (text += chunk.toString("utf8")));
      socket.on("error", () => undefined);
      socket.on("close", () => {
        const [head = "", body = ""] = text.split("\r\n\r\n");
        try {
          resolve({ status: Number(head.split(" ")[1]), body: JSON.parse(body) as Json, headers: head.toLowerCase() });
        } catch (error) {
          reject(new Error(`not a JSON reply: ${text.slice(0, 300)} (${String(error)})`));
        }
      });
      setTimeout(() => socket.end(), 500);
    });
  }

  test.each([
    ["bad percent-encoding", "GET /v1/activities/%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 400, "bad-request"],
    ["a path parameter over 100 characters", `GET /v1/activities/${"x".repeat(150)} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, 414, "uri-too-long"],
    ["a Content-Length that is not a number", "POST /v1/counters/next HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\nConnection: close\r\n\r\n{}", 400, "bad-request"],
    ["headers over 16 KB", `GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${"a".repeat(20_000)}\r\nConnection: close\r\n\r\n`, 431, "headers-too-large"],
    ["a preflight without Origin", "OPTIONS /v1/counters/next HTTP/1.1\r\nHost: 127.0.0.1\r\nAccess-Control-Request-Method: POST\r\nConnection: close\r\n\r\n", 400, "bad-request"],
  ])("%s: the contract's error shape", async (_title, request, status, code) => {
    const reply = await raw(request);
    expect(reply.status).toBe(status);
    expect(reply.body).toMatchObject({ error: code, message: expect.any(String) });
    expect(reply.headers).toMatch(/x-content-type-options: nosniff/);
  });

  test("POST /v1/dev/token answers only loopback Host names (DNS rebinding)", async () => {
    for (const host of ["attacker.example", "attacker.example:3002", "localhost.attacker.example"]) {
      const reply = await post(t.app, "/v1/dev/token", undefined, { mailbox: "anna@contoso.com" }, { host });
      expect(reply.statusCode).toBe(403);
      expect(reply.json()).toMatchObject({ error: "forbidden", field: "host" });
    }
    for (const host of ["localhost:3002", "127.0.0.1:3002", "[::1]:3002", "localhost"]) {
      expect((await post(t.app, "/v1/dev/token", undefined, { mailbox: "anna@contoso.com" }, { host })).statusCode).toBe(200);
    }
  });

  test("one address is limited before any token is checked; health stays answerable", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await post(t.app, "/v1/counters/next", "forged.token.value", {}, { origin: ADDIN_ORIGIN })).statusCode);
    // Earlier tests of this block spent part of the address's 20; forged tokens are 401 until it runs out.
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect(statuses.at(-1)).toBe(429);
    const limited = await post(t.app, "/v1/dev/token", undefined, { mailbox: "anna@contoso.com" });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: "rate-limited" });
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect((await t.app.inject({ method: "GET", url: "/v1/health/live" })).statusCode).toBe(200);
  });
});
