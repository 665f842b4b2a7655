/**
 * The HTTP contract (docs/SERVICE-API.md) through app.inject, on every backend: identity only from
 * the verified token, idempotent records, correlation, and every 4xx naming the field.
 */
import type { FastifyInstance } from "fastify";
import { SignJWT, generateKeyPair } from "jose";
import { DEV_AUDIENCE, DEV_ISSUER } from "../../src/server/config";
import { devObjectId } from "../../src/server/devAuth";
import { LARGEST_VALID_BODY_BYTES } from "../../src/contract";
import type { TrackingStore } from "../../src/server/store/types";
import { describeBackends } from "./support/backends";
import type { OpenedBackend } from "./support/backends";
import { ADDIN_ORIGIN, makeTestApp, settingsWith, testClock } from "./support/testApp";
import type { TestApp } from "./support/testApp";

type Json = Record<string, unknown>;

function post(app: FastifyInstance, url: string, token: string | undefined, body?: unknown, headers: Record<string, string> = {}) {
  return app.inject({
    method: "POST",
    url,
    headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    ...(body === undefined ? {} : { payload: typeof body === "string" ? body : JSON.stringify(body) }),
  });
}

function get(app: FastifyInstance, url: string, token?: string) {
  return app.inject({ method: "GET", url, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
}

const SENT = "2026-11-28T09:30:00Z";

function activityBody(token: string, overrides: Json = {}): Json {
  return { token, subject: `Quote for Q4 ${token}`, to: ["bob@fabrikam.com"], cc: ["carol@contoso.com"], sentAt: SENT, designator: 0, ...overrides };
}

describeBackends("service API", (backend) => {
  let opened: OpenedBackend;
  let store: TrackingStore;
  let t: TestApp;
  let anna: string;
  let bob: string;

  beforeEach(async () => {
    opened = await backend.setup();
    store = await opened.open();
    t = await makeTestApp(store, { dataDir: opened.dataDir, clock: testClock() });
    anna = await t.tokenFor("Anna@Contoso.com", "Anna Adams");
    bob = await t.tokenFor("bob@contoso.com", "Bob Brown");
  });
  afterEach(async () => {
    await t.app.close();
    await opened.cleanup();
  });

  test("health needs no token and names the storage", async () => {
    const reply = await get(t.app, "/v1/health");
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toEqual({ status: "ok", storage: backend.name, version: "0.0.0" });
  });

  test("users/me: ordinals in order of first call, the same answer ever after", async () => {
    const first = await post(t.app, "/v1/users/me", anna, {});
    const second = await post(t.app, "/v1/users/me", bob, {});
    const again = await post(t.app, "/v1/users/me", anna);
    expect(first.json()).toMatchObject({ mailbox: "anna@contoso.com", ordinal: 1, userNumber: 1 });
    expect(second.json()).toMatchObject({ mailbox: "bob@contoso.com", ordinal: 2, userNumber: 2 });
    expect(again.json()).toEqual(first.json());
    expect(first.json()).toMatchObject({ deployment: { prefix: "CRM:", prefixHistory: [], userDigits: 3, counterDigits: 4, deploymentBase: 0, activeDays: 30 } });
    // A new token for the same mailbox is the same identity.
    expect((await post(t.app, "/v1/users/me", await t.tokenFor("anna@contoso.com"), {})).json()).toMatchObject({ ordinal: 1 });
  });

  test("userNumber = deploymentBase + ordinal", async () => {
    const based = await makeTestApp(store, { dataDir: opened.dataDir, settings: settingsWith({ deploymentBase: 500 }) });
    try {
      expect((await post(based.app, "/v1/users/me", await based.tokenFor("anna@contoso.com"), {})).json()).toMatchObject({ ordinal: 1, userNumber: 501 });
      const next = await post(based.app, "/v1/counters/next", await based.tokenFor("anna@contoso.com"), {});
      expect(next.json()).toEqual({ token: "CRM:05010001", designator: 0, user: 501, counter: 1, wrapped: false });
    } finally {
      await based.app.close();
    }
  });

  test("counters/next allocates the caller's own numbers", async () => {
    await post(t.app, "/v1/users/me", anna, {});
    await post(t.app, "/v1/users/me", bob, {});
    const a1 = await post(t.app, "/v1/counters/next", anna, {});
    const a2 = await post(t.app, "/v1/counters/next", anna);
    const b1 = await post(t.app, "/v1/counters/next", bob, {});
    expect(a1.json()).toEqual({ token: "CRM:00010001", designator: 0, user: 1, counter: 1, wrapped: false });
    expect(a2.json()).toMatchObject({ token: "CRM:00010002" });
    expect(b1.json()).toMatchObject({ token: "CRM:00020001", user: 2 });
  });

  test("a caller cannot allocate or write as another user: body fields naming a user are refused", async () => {
    await post(t.app, "/v1/users/me", anna, {});
    await post(t.app, "/v1/users/me", bob, {});
    const asBob = await post(t.app, "/v1/counters/next", anna, { user: 2 });
    expect(asBob.statusCode).toBe(400);
    expect(asBob.json()).toMatchObject({ error: "unknown-field", field: "user" });
    const meAsBob = await post(t.app, "/v1/users/me", anna, { mailbox: "bob@contoso.com" });
    expect(meAsBob.json()).toMatchObject({ field: "mailbox" });
    const senderField = await post(t.app, "/v1/activities", anna, activityBody("CRM:00010001", { sender: "bob@contoso.com" }));
    expect(senderField.json()).toMatchObject({ error: "unknown-field", field: "sender" });
    // Bob's counter was never touched.
    expect((await post(t.app, "/v1/counters/next", bob, {})).json()).toMatchObject({ counter: 1, user: 2 });
  });

  test("another user's token in POST activities is 403", async () => {
    await post(t.app, "/v1/users/me", anna, {});
    await post(t.app, "/v1/users/me", bob, {});
    const reply = await post(t.app, "/v1/activities", anna, activityBody("CRM:00020001"));
    expect(reply.statusCode).toBe(403);
    expect(reply.json()).toMatchObject({ error: "forbidden", field: "token" });
    expect((await get(t.app, "/v1/activities/CRM:00020001", bob)).statusCode).toBe(404);
  });

  test("activities: 201 new, 200 duplicate, 409 conflict never overwritten; offline tokens accepted", async () => {
    await post(t.app, "/v1/users/me", anna, {});
    const body = activityBody("CRM:00010001", { draftKey: "draft-1" });
    const created = await post(t.app, "/v1/activities", anna, body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ stored: true });
    const duplicate = await post(t.app, "/v1/activities", anna, body);
    expect(duplicate.statusCode).toBe(200);
    expect(duplicate.json()).toEqual({ stored: false, duplicate: true });
    const conflict = await post(t.app, "/v1/activities", anna, { ...body, subject: "Different mail" });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json()).toMatchObject({ error: "conflict", field: "token" });
    const offline = await post(t.app, "/v1/activities", anna, activityBody("CRM:10010001", { designator: 1 }));
    expect(offline.statusCode).toBe(201);

    const resolved = await get(t.app, "/v1/activities/crm:00010001", bob);
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toEqual({
      status: "sent",
      activity: {
        token: "CRM:00010001",
        designator: 0,
        user: 1,
        counter: 1,
        subject: "Quote for Q4 CRM:00010001",
        to: ["bob@fabrikam.com"],
        cc: ["carol@contoso.com"],
        sentAt: "2026-11-28T09:30:00.000Z",
        draftKey: "draft-1",
        sender: "anna@contoso.com",
        senderName: "Anna Adams",
        status: "sent",
      },
    });
  });

  describe("activity life: issued at stamp, finalized at send (docs/DESIGN.md §5)", () => {
    const FINAL = "2026-11-28T09:45:00Z";
    const final = { subject: "Offer for 14 standing desks CRM:00010001", to: ["dana.buyer@fabrikam.com"], cc: ["sam.colleague@contoso.com"], sentAt: FINAL, designator: 0 };

    beforeEach(async () => {
      await post(t.app, "/v1/users/me", anna, {});
      await post(t.app, "/v1/users/me", bob, {});
      const issued = await post(t.app, "/v1/activities", anna, activityBody("CRM:00010001", { subject: "Offer for 12 standing desks CRM:00010001", to: [], cc: [], status: "issued" }));
      expect(issued.statusCode).toBe(201);
    });

    test("an issued activity resolves as issued, and answers no message", async () => {
      const resolved = await get(t.app, "/v1/activities/CRM:00010001", bob);
      expect(resolved.statusCode).toBe(200);
      expect(resolved.json()).toEqual({ status: "issued", token: "CRM:00010001" });
      const byToken = await post(t.app, "/v1/correlate", bob, { subject: "RE: Offer for 12 standing desks CRM:00010001", from: "dana.buyer@fabrikam.com", to: ["anna@contoso.com"], cc: [] });
      expect(byToken.json()).toEqual({ match: null });
    });

    test("finalize records the mail as it went; the same again is 200 unchanged; the stamp's record again is a duplicate", async () => {
      const done = await post(t.app, "/v1/activities/CRM:00010001/sent", anna, final);
      expect(done.statusCode).toBe(200);
      expect(done.json()).toEqual({ finalized: true });
      const again = await post(t.app, "/v1/activities/crm:00010001/sent", anna, final);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual({ finalized: false, unchanged: true });
      const resent = await post(t.app, "/v1/activities", anna, activityBody("CRM:00010001", { subject: "Offer for 12 standing desks CRM:00010001", to: [], cc: [], status: "issued" }));
      expect(resent.json()).toEqual({ stored: false, duplicate: true });
      const resolved = (await get(t.app, "/v1/activities/CRM:00010001", bob)).json() as Json;
      expect(resolved).toMatchObject({ status: "sent", activity: { subject: final.subject, to: final.to, cc: final.cc, sentAt: "2026-11-28T09:45:00.000Z", sender: "anna@contoso.com", status: "sent" } });
      // Smart matching works on the final subject and recipients: no token, two shared addresses.
      const smart = await post(t.app, "/v1/correlate", bob, { subject: "RE: Offer for 14 standing desks", from: "dana.buyer@fabrikam.com", to: ["anna@contoso.com"], cc: ["sam.colleague@contoso.com"] });
      expect(smart.json()).toMatchObject({ match: { method: "smart match", activity: { token: "CRM:00010001" } } });
    });

    test("a different finalization after the first is 409, and the first stands", async () => {
      await post(t.app, "/v1/activities/CRM:00010001/sent", anna, final);
      const other = await post(t.app, "/v1/activities/CRM:00010001/sent", anna, { ...final, cc: [] });
      expect(other.statusCode).toBe(409);
      expect(other.json()).toMatchObject({ error: "conflict", field: "token" });
      expect(((await get(t.app, "/v1/activities/CRM:00010001", bob)).json() as { activity: Json }).activity["cc"]).toEqual(final.cc);
    });

    test("nobody finalizes another user's activity: 403, and it stays issued", async () => {
      const asBob = await post(t.app, "/v1/activities/CRM:00010001/sent", bob, final);
      expect(asBob.statusCode).toBe(403);
      expect(asBob.json()).toMatchObject({ error: "forbidden", field: "token" });
      expect((await post(t.app, "/v1/activities/CRM:00010001/sent", undefined, final)).statusCode).toBe(401);
      expect((await get(t.app, "/v1/activities/CRM:00010001", bob)).json()).toEqual({ status: "issued", token: "CRM:00010001" });
    });

    test("finalizing an activity the service never heard of (an offline stamp) stores it as sent", async () => {
      const offline = await post(t.app, "/v1/activities/CRM:10010002/sent", anna, { ...final, subject: "Offline CRM:10010002", designator: 1 });
      expect(offline.statusCode).toBe(201);
      expect((await get(t.app, "/v1/activities/CRM:10010002", bob)).json()).toMatchObject({ status: "sent", activity: { subject: "Offline CRM:10010002" } });
    });

    test("a finalize body that is wrong says which field", async () => {
      const reply = await post(t.app, "/v1/activities/CRM:00010001/sent", anna, { ...final, to: "dana" });
      expect(reply.statusCode).toBe(400);
      expect(reply.json()).toMatchObject({ field: "to" });
      const mismatch = await post(t.app, "/v1/activities/CRM:00010001/sent", anna, { ...final, designator: 1 });
      expect(mismatch.json()).toMatchObject({ field: "designator" });
    });
  });

  test("unknown activity is 404; a token of the wrong shape is 400", async () => {
    const missing = await get(t.app, "/v1/activities/CRM:00019999", anna);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: "not-found" });
    const badShape = await get(t.app, "/v1/activities/CRM:0001999", anna);
    expect(badShape.statusCode).toBe(400);
    expect(badShape.json()).toMatchObject({ field: "token" });
  });

  test("correlate: by token first, then by smart match, naming the method", async () => {
    await post(t.app, "/v1/users/me", anna, {});
    await post(t.app, "/v1/activities", anna, activityBody("CRM:00010001"));
    const byToken = await post(t.app, "/v1/correlate", bob, { subject: "RE: Quote for Q4 CRM:00010001", from: "bob@fabrikam.com", to: ["anna@contoso.com"], cc: [] });
    expect(byToken.json()).toMatchObject({ match: { method: "token", activity: { token: "CRM:00010001", sender: "anna@contoso.com", senderName: "Anna Adams" } } });
    const smart = await post(t.app, "/v1/correlate", bob, { subject: "AW: quote for q4", from: "bob@fabrikam.com", to: ["Anna <anna@contoso.com>"], cc: [] });
    expect(smart.json()).toMatchObject({
      match: { method: "smart match", activity: { token: "CRM:00010001" }, sharedAddresses: ["bob@fabrikam.com", "anna@contoso.com"] },
    });
    const oneShared = await post(t.app, "/v1/correlate", bob, { subject: "RE: Quote for Q4", from: "zed@elsewhere.com", to: ["anna@contoso.com"], cc: [] });
    expect(oneShared.json()).toEqual({ match: null });
    const unknownToken = await post(t.app, "/v1/correlate", bob, { subject: "RE: Quote for Q4 CRM:00019999", from: "bob@fabrikam.com", to: ["anna@contoso.com"], cc: [] });
    expect(unknownToken.json()).toEqual({ match: null });
  });

  test("wrap skips numbers of active activities (counterDigits 1, injected clock)", async () => {
    const clock = testClock();
    const small = await makeTestApp(store, { dataDir: opened.dataDir, settings: settingsWith({ counterDigits: 1, activeDays: 30 }), clock });
    try {
      const token = await small.tokenFor("anna@contoso.com");
      const issued: string[] = [];
      for (let i = 0; i < 9; i++) issued.push(((await post(small.app, "/v1/counters/next", token, {})).json() as Json)["token"] as string);
      expect(issued[8]).toBe("CRM:00019");
      // 0 was sent today and 1 yesterday: both still active; 2 is free.
      for (const [counter, daysAgo] of [
        [0, 0],
        [1, 1],
      ] as const) {
        const sentAt = new Date(clock.now - daysAgo * 86_400_000).toISOString();
        expect((await post(small.app, "/v1/activities", token, activityBody(`CRM:0001${counter}`, { sentAt }))).statusCode).toBe(201);
      }
      expect((await post(small.app, "/v1/counters/next", token, {})).json()).toMatchObject({ token: "CRM:00012", counter: 2, wrapped: true });
      // A cycle later, 31 days on, 0 and 1 are no longer active.
      for (let i = 0; i < 7; i++) await post(small.app, "/v1/counters/next", token, {});
      clock.advance(31 * 86_400_000);
      const fresh = await small.tokenFor("anna@contoso.com");
      expect((await post(small.app, "/v1/counters/next", fresh, {})).json()).toMatchObject({ counter: 0, wrapped: true });
    } finally {
      await small.app.close();
    }
  });

  test("when every number is active: 409 counter-exhausted advising more digits", async () => {
    const small = await makeTestApp(store, { dataDir: opened.dataDir, settings: settingsWith({ counterDigits: 1 }), clock: testClock() });
    try {
      const token = await small.tokenFor("anna@contoso.com");
      for (let counter = 0; counter <= 9; counter++) {
        if (counter > 0) await post(small.app, "/v1/counters/next", token, {});
        await post(small.app, "/v1/activities", token, activityBody(`CRM:0001${counter}`));
      }
      const reply = await post(small.app, "/v1/counters/next", token, {});
      expect(reply.statusCode).toBe(409);
      expect(reply.json()).toMatchObject({ error: "counter-exhausted" });
      expect((reply.json() as Json)["message"]).toMatch(/counter digits/i);
    } finally {
      await small.app.close();
    }
  });

  describe("authentication", () => {
    test("no token is 401", async () => {
      const reply = await post(t.app, "/v1/counters/next", undefined, {});
      expect(reply.statusCode).toBe(401);
      expect(reply.json()).toMatchObject({ error: "unauthorized" });
      expect(reply.headers["www-authenticate"]).toMatch(/^Bearer/);
      expect((await post(t.app, "/v1/counters/next", undefined, {}, { authorization: "Basic YTpi" })).statusCode).toBe(401);
    });

    test("a forged token (another key, or a changed payload) is 401", async () => {
      const other = await generateKeyPair("ES256");
      const forged = await new SignJWT({ oid: devObjectId("anna@contoso.com"), preferred_username: "anna@contoso.com" })
        .setProtectedHeader({ alg: "ES256" })
        .setAudience(DEV_AUDIENCE)
        .setIssuer(DEV_ISSUER)
        .setExpirationTime("1h")
        .sign(other.privateKey);
      expect((await post(t.app, "/v1/counters/next", forged, {})).statusCode).toBe(401);
      const [header, , signature] = anna.split(".");
      const payload = Buffer.from(JSON.stringify({ oid: "someone-else", preferred_username: "eve@x.com", aud: DEV_AUDIENCE, iss: DEV_ISSUER, exp: 9999999999 })).toString("base64url");
      const tampered = await post(t.app, "/v1/counters/next", `${header}.${payload}.${signature}`, {});
      expect(tampered.statusCode).toBe(401);
      expect((tampered.json() as Json)["message"]).toMatch(/signature/);
      const unsigned = `${Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url")}.${payload}.`;
      expect((await post(t.app, "/v1/counters/next", unsigned, {})).statusCode).toBe(401);
    });

    test("an expired token is 401, even after it was cached as valid", async () => {
      expect((await post(t.app, "/v1/counters/next", anna, {})).statusCode).toBe(200);
      t.clock.advance(3601 * 1000);
      const reply = await post(t.app, "/v1/counters/next", anna, {});
      expect(reply.statusCode).toBe(401);
      expect((reply.json() as Json)["message"]).toMatch(/expired/);
    });
  });

  describe("bad input is 400 naming the field", () => {
    const cases: readonly [string, unknown, string, RegExp][] = [
      ["malformed JSON", '{"token": "CRM:00010001",', "body", /not valid JSON/],
      ["a JSON list instead of an object", "[1,2]", "body", /must be a JSON object/],
      ["a number where a list goes", { ...activityBody("CRM:00010001"), to: "bob@fabrikam.com" }, "to", /to must be a list/],
      ["a wrong type inside a list", { ...activityBody("CRM:00010001"), to: ["bob@fabrikam.com", 5] }, "to[1]", /^to\[1\] must be a string; got 5\.$/],
      ["a string for the designator", { ...activityBody("CRM:00010001"), designator: "0" }, "designator", /designator must be a whole number; got "0"/],
      ["a designator out of range", { ...activityBody("CRM:00010001"), designator: 2 }, "designator", /one of 0, 1/],
      ["an unknown field", { ...activityBody("CRM:00010001"), userNumber: 2 }, "userNumber", /not a known field/],
      ["a missing field", { token: "CRM:00010001", subject: "x", to: [], cc: [], designator: 0 }, "sentAt", /sentAt is required/],
      ["a date that is not ISO-8601", { ...activityBody("CRM:00010001"), sentAt: "28/11/2026" }, "sentAt", /ISO-8601/],
      ["a token of the wrong shape (too few digits)", activityBody("CRM:0001001"), "token", /not a token of this deployment/],
      ["a token of the wrong shape (foreign prefix)", activityBody("TKT:00010001"), "token", /not a token of this deployment/],
      ["a designator that disagrees with the token", { ...activityBody("CRM:00010001"), designator: 1 }, "designator", /must agree/],
      ["an oversize subject", { ...activityBody("CRM:00010001"), subject: "x".repeat(1001) }, "subject", /too long: at most 1000/],
      ["too many recipients", { ...activityBody("CRM:00010001"), cc: Array.from({ length: 501 }, () => "a@b.c") }, "cc", /too many entries/],
      ["an empty address", { ...activityBody("CRM:00010001"), cc: [""] }, "cc[0]", /must not be empty/],
    ];
    test.each(cases)("%s", async (_label, body, field, message) => {
      await post(t.app, "/v1/users/me", anna, {});
      const reply = await post(t.app, "/v1/activities", anna, body);
      expect(reply.statusCode).toBe(400);
      const json = reply.json() as Json;
      expect(json["field"]).toBe(field);
      expect(json["message"]).toMatch(message);
      expect(typeof json["error"]).toBe("string");
    });

    test("correlate and dev token validate too", async () => {
      const correlate = await post(t.app, "/v1/correlate", anna, { subject: "x", from: 5, to: [], cc: [] });
      expect(correlate.json()).toMatchObject({ field: "from", message: "from must be a string or null; got 5." });
      const devToken = await post(t.app, "/v1/dev/token", undefined, { mailbox: "not an address" });
      expect(devToken.json()).toMatchObject({ field: "mailbox" });
      expect((devToken.json() as Json)["message"]).toMatch(/e-mail address/);
    });

    test("a body over the size limit is 413 naming the body", async () => {
      const reply = await post(t.app, "/v1/activities", anna, { ...activityBody("CRM:00010001"), subject: "x".repeat(LARGEST_VALID_BODY_BYTES) });
      expect(reply.statusCode).toBe(413);
      expect(reply.json()).toMatchObject({ error: "body-too-large", field: "body" });
    });

    test("a body that is not JSON is 415", async () => {
      const reply = await post(t.app, "/v1/activities", anna, undefined, { "content-type": "text/plain" });
      expect([400, 415]).toContain(reply.statusCode);
      const withText = await t.app.inject({ method: "POST", url: "/v1/activities", headers: { authorization: `Bearer ${anna}`, "content-type": "text/plain" }, payload: "hello" });
      expect(withText.statusCode).toBe(415);
      expect(withText.json()).toMatchObject({ error: "unsupported-media-type" });
    });
  });

  test("CORS allows the add-in's origin only", async () => {
    const allowed = await t.app.inject({
      method: "OPTIONS",
      url: "/v1/counters/next",
      headers: { origin: ADDIN_ORIGIN, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" },
    });
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers["access-control-allow-origin"]).toBe(ADDIN_ORIGIN);
    expect(String(allowed.headers["access-control-allow-headers"])).toMatch(/Authorization/);
    const refused = await t.app.inject({ method: "OPTIONS", url: "/v1/counters/next", headers: { origin: "https://evil.example", "access-control-request-method": "POST" } });
    expect(refused.headers["access-control-allow-origin"]).toBeUndefined();
    const simple = await t.app.inject({ method: "GET", url: "/v1/health", headers: { origin: "https://evil.example" } });
    expect(simple.headers["access-control-allow-origin"]).toBeUndefined();
    const simpleAllowed = await t.app.inject({ method: "GET", url: "/v1/health", headers: { origin: ADDIN_ORIGIN } });
    expect(simpleAllowed.headers["access-control-allow-origin"]).toBe(ADDIN_ORIGIN);
  });

  test("rate limits are per verified user, with Retry-After", async () => {
    const limited = await makeTestApp(store, { dataDir: opened.dataDir, rateLimitPerMinute: 3 });
    try {
      const a = await limited.tokenFor("anna@contoso.com");
      const b = await limited.tokenFor("bob@contoso.com");
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await post(limited.app, "/v1/counters/next", a, {})).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await post(limited.app, "/v1/counters/next", a, {});
      expect(refused.json()).toMatchObject({ error: "rate-limited" });
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
      // Another user on the same address is not affected.
      expect((await post(limited.app, "/v1/counters/next", b, {})).statusCode).toBe(200);
      expect((await get(limited.app, "/v1/health")).statusCode).toBe(200);
    } finally {
      await limited.app.close();
    }
  });
});
