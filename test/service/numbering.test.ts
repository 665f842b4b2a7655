/**
 * Numbering across devices and modes (docs/NUMBERING.md, docs/SERVICE-API.md) through app.inject,
 * on every backend: the deployment the service owns, registration with a claimed user number and
 * high-water marks, offline reserves for several devices, the conflict's holder, the dev reset.
 */
import type { FastifyInstance } from "fastify";
import type { TrackingStore } from "../../src/server/store/types";
import { describeBackends } from "./support/backends";
import type { OpenedBackend } from "./support/backends";
import { makeTestApp, settingsWith, testClock } from "./support/testApp";
import type { TestApp } from "./support/testApp";

type Json = Record<string, unknown>;
type Range = { from: number; to: number };
type Reserve = { designator: number; user: number; ranges: Range[]; reserveSize: number };
type Registered = {
  ordinal: number;
  userNumber: number;
  highWater: { online: number | null; offline: number | null };
  claim?: { claimed: number; outcome: string; message: string };
  deployment: Json;
};

const DAY = 24 * 60 * 60 * 1000;

function post(app: FastifyInstance, url: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
  return app.inject({
    method: "POST",
    url,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}

function get(app: FastifyInstance, url: string, token: string) {
  return app.inject({ method: "GET", url, headers: { authorization: `Bearer ${token}` } });
}

function counters(ranges: readonly Range[]): number[] {
  return ranges.flatMap(({ from, to }) => Array.from({ length: to - from + 1 }, (_, i) => from + i));
}

function offlineActivity(token: string, sentAt: string): Json {
  return { token, subject: `Visit notes ${token}`, to: ["bob@fabrikam.com"], cc: [], sentAt, designator: 1 };
}

describeBackends("numbering across devices and modes", (backend) => {
  let opened: OpenedBackend;
  let store: TrackingStore;
  const apps: TestApp[] = [];

  beforeEach(async () => {
    opened = await backend.setup();
    store = await opened.open();
  });
  afterEach(async () => {
    for (const t of apps.splice(0)) await t.app.close();
    await opened.cleanup();
  });

  async function app(options: Omit<Parameters<typeof makeTestApp>[1], "dataDir"> = {}, on: TrackingStore = store): Promise<TestApp> {
    const t = await makeTestApp(on, { dataDir: opened.dataDir, clock: testClock(), ...options });
    apps.push(t);
    return t;
  }

  describe("the deployment", () => {
    test("GET /v1/deployment and users/me answer the same settings, with tracking on/off and the reserve size", async () => {
      const t = await app({ settings: settingsWith({ prefix: "ACME-", userDigits: 4, deploymentBase: 1000 }), trackingEnabled: false, offlineReserveSize: 20 });
      const anna = await t.tokenFor("anna@contoso.com");
      const deployment = await get(t.app, "/v1/deployment", anna);
      expect(deployment.statusCode).toBe(200);
      expect(deployment.json()).toEqual({
        prefix: "ACME-",
        prefixHistory: [],
        userDigits: 4,
        counterDigits: 4,
        deploymentBase: 1000,
        activeDays: 30,
        trackingEnabled: false,
        reserveSize: 20,
      });
      const me = await post(t.app, "/v1/users/me", anna, {});
      expect((me.json() as Registered).deployment).toEqual(deployment.json());
    });

    test("tracking is on and the reserve is 50 numbers by default; fewer when the counter has fewer", async () => {
      const t = await app();
      expect((await get(t.app, "/v1/deployment", await t.tokenFor("a@x.com"))).json()).toMatchObject({ trackingEnabled: true, reserveSize: 50 });
      const small = await app({ settings: settingsWith({ counterDigits: 1 }) });
      expect((await get(small.app, "/v1/deployment", await small.tokenFor("a@x.com"))).json()).toMatchObject({ reserveSize: 9 });
    });

    test("a prefix the service was configured with stays in the history after a restart with another prefix", async () => {
      const first = await app({ settings: settingsWith({ prefix: "CRM:" }) });
      const anna = await first.tokenFor("anna@contoso.com");
      await post(first.app, "/v1/users/me", anna, {});
      const sent = await post(first.app, "/v1/activities", anna, { token: "CRM:00010001", subject: "Quote CRM:00010001", to: ["bob@fabrikam.com"], cc: [], sentAt: "2026-11-28T09:30:00Z", designator: 0 });
      expect(sent.statusCode).toBe(201);
      await first.app.close();
      apps.splice(apps.indexOf(first), 1);

      // The operator changes TOKEN_PREFIX and names a history of their own, but forgets CRM:.
      const second = await app({ settings: settingsWith({ prefix: "ACME-", prefixHistory: ["OLD:"] }) }, await opened.open());
      const deployment = (await get(second.app, "/v1/deployment", anna)).json() as { prefix: string; prefixHistory: string[] };
      expect(deployment.prefix).toBe("ACME-");
      expect(deployment.prefixHistory).toEqual(["OLD:", "CRM:"]);
      // Old mail still resolves, by token and by correlation.
      const resolved = await get(second.app, "/v1/activities/CRM:00010001", anna);
      expect(resolved.statusCode).toBe(200);
      const correlated = await post(second.app, "/v1/correlate", anna, { subject: "RE: Quote CRM:00010001", from: "bob@fabrikam.com", to: ["anna@contoso.com"], cc: [] });
      expect(correlated.json()).toMatchObject({ match: { method: "token" } });

      // Going back to CRM: keeps ACME- and OLD: as earlier prefixes, never the current one.
      const third = await app({ settings: settingsWith({ prefix: "crm:" }) }, await opened.open());
      expect(((await get(third.app, "/v1/deployment", anna)).json() as { prefixHistory: string[] }).prefixHistory).toEqual(["ACME-", "OLD:"]);
    });
  });

  describe("registration with a claimed user number", () => {
    test("a free claim is kept; later first-time registrations skip it", async () => {
      const t = await app({ settings: settingsWith({ deploymentBase: 100 }) });
      const pat = (await post(t.app, "/v1/users/me", await t.tokenFor("pat@contoso.com"), { claim: { userNumber: 102 } })).json() as Registered;
      expect(pat).toMatchObject({ ordinal: 2, userNumber: 102, claim: { claimed: 102, outcome: "kept" } });
      const sam = (await post(t.app, "/v1/users/me", await t.tokenFor("sam@contoso.com"), {})).json() as Registered;
      const tom = (await post(t.app, "/v1/users/me", await t.tokenFor("tom@contoso.com"), {})).json() as Registered;
      expect([sam.userNumber, tom.userNumber]).toEqual([101, 103]);
      expect(sam.claim).toBeUndefined();
      // The claimed number is the caller's for good: a later call without the claim answers it.
      expect((await post(t.app, "/v1/users/me", await t.tokenFor("pat@contoso.com"), {})).json()).toMatchObject({ userNumber: 102 });
    });

    test("a taken claim is reassigned with a message for the user; the holder keeps it", async () => {
      const t = await app();
      const sam = await t.tokenFor("sam@contoso.com");
      expect((await post(t.app, "/v1/users/me", sam, {})).json()).toMatchObject({ userNumber: 1 });
      const reply = await post(t.app, "/v1/users/me", await t.tokenFor("pat@contoso.com"), { claim: { userNumber: 1 } });
      expect(reply.statusCode).toBe(200);
      const pat = reply.json() as Registered;
      expect(pat.userNumber).toBe(2);
      expect(pat.claim).toEqual({ claimed: 1, outcome: "reassigned", message: expect.stringContaining("already belongs to another mailbox") as unknown });
      expect(pat.claim?.message).toContain("2");
      expect((await post(t.app, "/v1/users/me", sam, {})).json()).toMatchObject({ userNumber: 1 });
      // Pat's tokens use 2 from now on: the service refuses 1 as hers.
      const asOne = await post(t.app, "/v1/activities", await t.tokenFor("pat@contoso.com"), offlineActivity("CRM:10010001", "2026-11-28T09:30:00Z"));
      expect(asOne.statusCode).toBe(403);
    });

    test("a registered mailbox claiming another number keeps its own and is told so", async () => {
      const t = await app();
      const anna = await t.tokenFor("anna@contoso.com");
      await post(t.app, "/v1/users/me", anna, {});
      const again = (await post(t.app, "/v1/users/me", anna, { claim: { userNumber: 7 } })).json() as Registered;
      expect(again.userNumber).toBe(1);
      expect(again.claim).toMatchObject({ claimed: 7, outcome: "reassigned", message: expect.stringContaining("registered as user number 1") as unknown });
    });

    test("two claimants of one number at once: exactly one keeps it", async () => {
      const instances = backend.name === "postgres" ? [await app(), await app({}, await opened.open())] : [await app()];
      const mailboxes = Array.from({ length: 8 }, (_, i) => `claimant${i}@contoso.com`);
      const tokens = await Promise.all(mailboxes.map((m) => instances[0]?.tokenFor(m) ?? ""));
      const replies = await Promise.all(
        tokens.map((token, i) => post((instances[i % instances.length] ?? instances[0])?.app as FastifyInstance, "/v1/users/me", token, { claim: { userNumber: 5 } })),
      );
      const users = replies.map((r) => r.json() as Registered);
      expect(users.filter((u) => u.claim?.outcome === "kept").map((u) => u.userNumber)).toEqual([5]);
      expect(users.filter((u) => u.claim?.outcome === "reassigned")).toHaveLength(7);
      expect(new Set(users.map((u) => u.userNumber)).size).toBe(8);
    });

    test("a claim outside the deployment's user numbers is 400 naming claim.userNumber", async () => {
      const t = await app({ settings: settingsWith({ deploymentBase: 100 }) });
      const anna = await t.tokenFor("anna@contoso.com");
      for (const userNumber of [100, 50, 1000]) {
        const reply = await post(t.app, "/v1/users/me", anna, { claim: { userNumber } });
        expect(reply.statusCode).toBe(400);
        expect(reply.json()).toMatchObject({ field: "claim.userNumber", message: expect.stringContaining("from 101") as unknown });
      }
      const wrongType = await post(t.app, "/v1/users/me", anna, { claim: { userNumber: "2" } });
      expect(wrongType.json()).toMatchObject({ field: "claim.userNumber" });
      // Nothing was registered by the refused calls: the first good one is ordinal 1.
      expect((await post(t.app, "/v1/users/me", anna, {})).json()).toMatchObject({ ordinal: 1 });
    });

    test("marks raise both counters above the mailbox's own numbers, never lower them; highWater answers them", async () => {
      const t = await app();
      const pat = await t.tokenFor("pat@contoso.com");
      const first = (await post(t.app, "/v1/users/me", pat, { claim: { userNumber: 2 }, marks: { online: 3, offline: 40 } })).json() as Registered;
      expect(first.highWater).toEqual({ online: 3, offline: 40 });
      expect((await post(t.app, "/v1/counters/next", pat, {})).json()).toMatchObject({ user: 2, counter: 4 });
      const reserve = (await post(t.app, "/v1/reserves", pat, { device: "laptop", size: 2 })).json() as Reserve;
      expect(counters(reserve.ranges)).toEqual([41, 42]);
      // Switching back again with lower marks changes nothing.
      const again = (await post(t.app, "/v1/users/me", pat, { marks: { online: 1, offline: 1 } })).json() as Registered;
      expect(again.highWater).toEqual({ online: 4, offline: 42 });
      expect((await post(t.app, "/v1/counters/next", pat, {})).json()).toMatchObject({ counter: 5 });
    });

    test("marks for a number someone else holds raise that holder's counters above the claimant's tokens", async () => {
      const t = await app();
      const sam = await t.tokenFor("sam@contoso.com");
      expect((await post(t.app, "/v1/counters/next", sam, {})).json()).toMatchObject({ user: 1, counter: 1 });
      // Pat numbered as user 1 on her own up to 3 (the settings form said so), then joins the service.
      const pat = (await post(t.app, "/v1/users/me", await t.tokenFor("pat@contoso.com"), { claim: { userNumber: 1 }, marks: { online: 3 } })).json() as Registered;
      expect(pat).toMatchObject({ userNumber: 2, highWater: { online: null, offline: null }, claim: { outcome: "reassigned" } });
      expect((await post(t.app, "/v1/counters/next", sam, {})).json()).toMatchObject({ counter: 4 });
    });

    test("a lost database: mailboxes re-register with their numbers and marks, and numbering goes on above them", async () => {
      const before = await app();
      const sam = await before.tokenFor("sam@contoso.com");
      const pat = await before.tokenFor("pat@contoso.com");
      const samUser = (await post(before.app, "/v1/users/me", sam, {})).json() as Registered;
      const patUser = (await post(before.app, "/v1/users/me", pat, {})).json() as Registered;
      for (let i = 0; i < 3; i++) await post(before.app, "/v1/counters/next", pat, {});
      const patReserve = (await post(before.app, "/v1/reserves", pat, { device: "laptop" })).json() as Reserve;

      // The database is gone; a new one starts empty. Pat's add-in comes back first, then Sam's.
      const empty = await backend.setup();
      try {
        const after = await app({}, await empty.open());
        const patAgain = (await post(after.app, "/v1/users/me", pat, { claim: { userNumber: patUser.userNumber }, marks: { online: 3, offline: Math.max(...counters(patReserve.ranges)) } })).json() as Registered;
        const samAgain = (await post(after.app, "/v1/users/me", sam, { claim: { userNumber: samUser.userNumber }, marks: {} })).json() as Registered;
        expect([patAgain.userNumber, samAgain.userNumber]).toEqual([2, 1]);
        expect((await post(after.app, "/v1/counters/next", pat, {})).json()).toMatchObject({ user: 2, counter: 4 });
        expect((await post(after.app, "/v1/reserves", pat, { device: "phone", size: 1 })).json()).toMatchObject({ ranges: [{ from: 51, to: 51 }] });
      } finally {
        for (const t of apps.splice(0)) await t.app.close();
        await empty.cleanup();
      }
    });

    test("marks outside the counter's range are 400 naming the mark", async () => {
      const t = await app();
      const anna = await t.tokenFor("anna@contoso.com");
      expect((await post(t.app, "/v1/users/me", anna, { marks: { offline: 10000 } })).json()).toMatchObject({ field: "marks.offline", message: expect.stringContaining("0 to 9999") as unknown });
      expect((await post(t.app, "/v1/users/me", anna, { marks: { online: -1 } })).json()).toMatchObject({ field: "marks.online" });
      expect((await post(t.app, "/v1/users/me", anna, { marks: { later: 1 } })).json()).toMatchObject({ field: "marks.later", error: "unknown-field" });
    });
  });

  describe("offline reserves", () => {
    test("a reserve is the next numbers of the offline counter, separate from the online one", async () => {
      const t = await app({ offlineReserveSize: 5 });
      const anna = await t.tokenFor("anna@contoso.com");
      await post(t.app, "/v1/counters/next", anna, {});
      const reply = await post(t.app, "/v1/reserves", anna, { device: "laptop-4f2a" });
      expect(reply.statusCode).toBe(201);
      expect(reply.json()).toEqual({ designator: 1, user: 1, ranges: [{ from: 1, to: 5 }], reserveSize: 5 });
      expect((await post(t.app, "/v1/reserves", anna, { device: "phone-91cc", size: 2 })).json()).toMatchObject({ ranges: [{ from: 6, to: 7 }] });
      expect((await post(t.app, "/v1/counters/next", anna, {})).json()).toMatchObject({ counter: 2 });
      expect((await post(t.app, "/v1/users/me", anna, {})).json()).toMatchObject({ highWater: { online: 2, offline: 7 } });
    });

    test("concurrent devices of one user (and of two instances) get disjoint numbers", async () => {
      const instances = backend.name === "postgres" ? [await app({ offlineReserveSize: 7, settings: settingsWith({ counterDigits: 5 }) }), await app({ offlineReserveSize: 7, settings: settingsWith({ counterDigits: 5 }) }, await opened.open())] : [await app({ offlineReserveSize: 7, settings: settingsWith({ counterDigits: 5 }) })];
      const anna = await instances[0]?.tokenFor("anna@contoso.com") ?? "";
      const devices = Array.from({ length: 10 }, (_, i) => `device-${i}`);
      const given: number[] = [];
      await Promise.all(
        devices.map(async (device, i) => {
          const on = instances[i % instances.length]?.app as FastifyInstance;
          for (let round = 0; round < 10; round++) {
            const reply = await post(on, "/v1/reserves", anna, { device });
            expect(reply.statusCode).toBe(201);
            given.push(...counters((reply.json() as Reserve).ranges));
          }
        }),
      );
      expect(given).toHaveLength(10 * 10 * 7);
      expect(new Set(given).size).toBe(given.length);
      expect(Math.min(...given)).toBe(1);
      expect(Math.max(...given)).toBe(700);
    });

    test("a reserve across the wrap comes as two ranges", async () => {
      const t = await app({ offlineReserveSize: 5, settings: settingsWith({ counterDigits: 1 }) });
      const anna = await t.tokenFor("anna@contoso.com");
      await post(t.app, "/v1/users/me", anna, { marks: { offline: 7 } });
      expect((await post(t.app, "/v1/reserves", anna, { device: "laptop" })).json()).toMatchObject({ ranges: [{ from: 8, to: 9 }, { from: 0, to: 2 }] });
    });

    test("an abandoned reserve is never reissued, not even after the counter wraps within activeDays", async () => {
      const clock = testClock();
      const t = await app({ clock, offlineReserveSize: 3, settings: settingsWith({ counterDigits: 1, activeDays: 30 }) });
      const anna = await t.tokenFor("anna@contoso.com");
      // The phone takes 1-3 and never comes back.
      expect(counters(((await post(t.app, "/v1/reserves", anna, { device: "lost-phone" })).json() as Reserve).ranges)).toEqual([1, 2, 3]);
      const laptop: number[] = [];
      for (let i = 0; i < 2; i++) laptop.push(...counters(((await post(t.app, "/v1/reserves", anna, { device: "laptop" })).json() as Reserve).ranges));
      expect(laptop).toEqual([4, 5, 6, 7, 8, 9]);
      // Wrapped: 0 is free, 1-3 (the phone's) and 4-9 are still held, so only one number is left.
      const partial = await post(t.app, "/v1/reserves", anna, { device: "laptop" });
      expect(partial.json()).toMatchObject({ ranges: [{ from: 0, to: 0 }] });
      const none = await post(t.app, "/v1/reserves", anna, { device: "laptop" });
      expect(none.statusCode).toBe(409);
      expect(none.json()).toMatchObject({ error: "counter-exhausted", message: expect.stringContaining("COUNTER_DIGITS") as unknown });
      // Once the reserves are older than activeDays their numbers come round again, in order.
      clock.advance(31 * DAY);
      const later = await t.tokenFor("anna@contoso.com");
      expect(counters(((await post(t.app, "/v1/reserves", later, { device: "laptop" })).json() as Reserve).ranges)).toEqual([1, 2, 3]);
    });

    test("a reserve skips numbers of active offline activities after a wrap", async () => {
      const clock = testClock(Date.parse("2026-11-28T10:00:00Z"));
      const t = await app({ clock, offlineReserveSize: 9, settings: settingsWith({ counterDigits: 1, activeDays: 30 }) });
      const anna = await t.tokenFor("anna@contoso.com");
      await post(t.app, "/v1/reserves", anna, { device: "laptop" });
      // 2 and 5 were sent offline at once; the rest went unused.
      for (const counter of [2, 5]) expect((await post(t.app, "/v1/activities", anna, offlineActivity(`CRM:1001${counter}`, "2026-11-28T10:00:00Z"))).statusCode).toBe(201);
      clock.advance(31 * DAY);
      // A month on, the reserve and 2 and 5 are no longer active; 3 and 4 (synced late by another device) are.
      const later = await t.tokenFor("anna@contoso.com");
      for (const counter of [3, 4]) expect((await post(t.app, "/v1/activities", later, offlineActivity(`CRM:1001${counter}`, new Date(clock.now - DAY).toISOString()))).statusCode).toBe(201);
      const next = (await post(t.app, "/v1/reserves", later, { device: "laptop" })).json() as Reserve;
      expect(counters(next.ranges)).toEqual([0, 1, 2, 5, 6, 7, 8, 9]);
    });

    test("numbers a device issued beyond its reserve raise the offline counter; reserved ones do not", async () => {
      const t = await app({ offlineReserveSize: 3 });
      const anna = await t.tokenFor("anna@contoso.com");
      await post(t.app, "/v1/reserves", anna, { device: "laptop" });
      await post(t.app, "/v1/reserves", anna, { device: "phone" });
      // The laptop used 2 of its reserve; the phone ran out and went on with its own counter to 12.
      expect((await post(t.app, "/v1/activities", anna, offlineActivity("CRM:10010002", "2026-11-28T08:00:00Z"))).statusCode).toBe(201);
      expect((await post(t.app, "/v1/users/me", anna, {})).json()).toMatchObject({ highWater: { offline: 6 } });
      expect((await post(t.app, "/v1/activities", anna, offlineActivity("CRM:10010012", "2026-11-28T08:05:00Z"))).statusCode).toBe(201);
      expect(counters(((await post(t.app, "/v1/reserves", anna, { device: "laptop" })).json() as Reserve).ranges)).toEqual([13, 14, 15]);
    });

    test("bad reserve requests are 400 naming the field", async () => {
      const t = await app({ offlineReserveSize: 10 });
      const anna = await t.tokenFor("anna@contoso.com");
      expect((await post(t.app, "/v1/reserves", anna, {})).json()).toMatchObject({ error: "missing-field", field: "device" });
      expect((await post(t.app, "/v1/reserves", anna, { device: "" })).json()).toMatchObject({ field: "device" });
      expect((await post(t.app, "/v1/reserves", anna, { device: "d".repeat(101) })).json()).toMatchObject({ error: "too-long", field: "device" });
      for (const size of [0, 11]) {
        const reply = await post(t.app, "/v1/reserves", anna, { device: "laptop", size });
        expect(reply.statusCode).toBe(400);
        expect(reply.json()).toMatchObject({ field: "size", message: expect.stringContaining("from 1 to 10") as unknown });
      }
      // None of them took a number.
      expect((await post(t.app, "/v1/reserves", anna, { device: "laptop", size: 1 })).json()).toMatchObject({ ranges: [{ from: 1, to: 1 }] });
    });
  });

  test("a conflict names the activity that holds the token", async () => {
    const t = await app();
    const anna = await t.tokenFor("anna@contoso.com", "Anna Adams");
    await post(t.app, "/v1/activities", anna, offlineActivity("CRM:10010001", "2026-11-27T08:00:00Z"));
    const reply = await post(t.app, "/v1/activities", anna, { ...offlineActivity("CRM:10010001", "2026-11-28T08:00:00Z"), subject: "Another mail CRM:10010001" });
    expect(reply.statusCode).toBe(409);
    expect(reply.json()).toMatchObject({
      error: "conflict",
      field: "token",
      holder: { token: "CRM:10010001", subject: "Visit notes CRM:10010001", sentAt: "2026-11-27T08:00:00.000Z", sender: "anna@contoso.com", senderName: "Anna Adams" },
    });
  });

  describe("the playground's reset", () => {
    test("deletes every user, counter, reserve and activity; prefixes stay", async () => {
      const t = await app({ settings: settingsWith({ prefix: "CRM:" }) });
      const sam = await t.tokenFor("sam@contoso.com");
      const pat = await t.tokenFor("pat@contoso.com");
      await post(t.app, "/v1/users/me", sam, {});
      await post(t.app, "/v1/counters/next", pat, {});
      await post(t.app, "/v1/reserves", pat, { device: "laptop" });
      await post(t.app, "/v1/activities", pat, offlineActivity("CRM:10020001", "2026-11-28T08:00:00Z"));
      const reset = await post(t.app, "/v1/dev/reset", sam, {});
      expect(reset.statusCode).toBe(204);
      expect((await get(t.app, "/v1/activities/CRM:10020001", sam)).statusCode).toBe(404);
      // Pat registers first now: ordinal 1, and her counters start again.
      expect((await post(t.app, "/v1/counters/next", pat, {})).json()).toMatchObject({ user: 1, counter: 1 });
      expect((await post(t.app, "/v1/reserves", pat, { device: "laptop" })).json()).toMatchObject({ ranges: [{ from: 1, to: 50 }] });
      expect((await post(t.app, "/v1/users/me", sam, {})).json()).toMatchObject({ userNumber: 2 });
      // The prefix history survives a reset: it describes mail already out there.
      const restarted = await app({ settings: settingsWith({ prefix: "ACME-" }) }, await opened.open());
      expect((await get(restarted.app, "/v1/deployment", sam)).json()).toMatchObject({ prefixHistory: ["CRM:"] });
    });

    test("is refused for a non-loopback Host, needs a bearer, and does not exist without dev sign-in", async () => {
      const t = await app();
      const anna = await t.tokenFor("anna@contoso.com");
      await post(t.app, "/v1/counters/next", anna, {});
      const remote = await post(t.app, "/v1/dev/reset", anna, {}, { host: "tracking.contoso.com" });
      expect(remote.statusCode).toBe(403);
      expect(remote.json()).toMatchObject({ message: expect.stringContaining("localhost") as unknown });
      const noBearer = await t.app.inject({ method: "POST", url: "/v1/dev/reset", headers: { "content-type": "application/json" }, payload: "{}" });
      expect(noBearer.statusCode).toBe(401);
      const production = await app({ devRoutes: false });
      expect((await post(production.app, "/v1/dev/reset", anna, {})).statusCode).toBe(404);
      // The refused resets deleted nothing: Anna's counter goes on.
      expect((await post(t.app, "/v1/counters/next", anna, {})).json()).toMatchObject({ counter: 2 });
      expect((await post(t.app, "/v1/dev/reset", anna, {}, { host: "[::1]:3002" })).statusCode).toBe(204);
      expect((await post(t.app, "/v1/counters/next", anna, {})).json()).toMatchObject({ counter: 1 });
    });
  });
});
