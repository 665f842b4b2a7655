/** The service client against a real local HTTP server: answers, typed errors, deadlines, retries, tokens. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createServiceClient, jwtExpiry, ServiceError, ServiceProtocolError, ServiceTimeoutError, ServiceUnreachableError } from "../../../../src/authority/service";
import type { ServiceClientOptions } from "../../../../src/authority/service";
import { ContractServer, TestTokens, testToken } from "./contractServer";

const PAT = "pat.seller@contoso.com";

let server: ContractServer;
beforeEach(async () => {
  server = await new ContractServer().start();
});
afterEach(() => server.stop());

const clientFor = (tokens = new TestTokens(PAT, "Pat Seller"), options: Partial<ServiceClientOptions> = {}) =>
  createServiceClient({ baseUrl: `${server.url}/`, fetch: (url, init) => fetch(url, init), tokens, retryDelayMs: 10, ...options });

describe("service client", () => {
  it("checks health without a bearer token", async () => {
    const tokens = new TestTokens(PAT, "Pat Seller");
    await expect(clientFor(tokens).health()).resolves.toEqual({ status: "ok", storage: "memory", version: "test" });
    expect(tokens.calls).toBe(0);
  });

  it("asks how to sign in without a bearer token; null when the service names no app registration (404)", async () => {
    const tokens = new TestTokens(PAT, "Pat Seller");
    const client = clientFor(tokens);
    await expect(client.signIn()).resolves.toBeNull();
    server.signIn = { clientId: "11111111-2222-3333-4444-555555555555", scope: "api://addin.contoso.com/11111111-2222-3333-4444-555555555555/access_as_user" };
    await expect(client.signIn()).resolves.toEqual(server.signIn);
    expect(tokens.calls).toBe(0);
    expect(server.calls.signIn).toBe(2);
  });

  it("registers the caller by its token and gives the same user number every time", async () => {
    const client = clientFor();
    const first = await client.me();
    expect(first).toMatchObject({ mailbox: PAT, ordinal: 1, userNumber: 1, deployment: { prefix: "CRM:", userDigits: 3, counterDigits: 4 } });
    await expect(client.me()).resolves.toEqual(first);
    expect(server.bearers.every((h) => h.startsWith("Bearer "))).toBe(true);
  });

  it("allocates consecutive counters for the caller", async () => {
    const client = clientFor();
    await expect(client.nextCounter()).resolves.toEqual({ token: "CRM:00010001", designator: 0, user: 1, counter: 1, wrapped: false });
    await expect(client.nextCounter()).resolves.toMatchObject({ token: "CRM:00010002", counter: 2 });
  });

  it("reuses a token until shortly before it expires", async () => {
    const tokens = new TestTokens(PAT, "Pat Seller");
    const client = clientFor(tokens);
    await client.me();
    await client.nextCounter();
    expect(tokens.calls).toBe(1);
    const soon = new TestTokens(PAT, "Pat Seller", 30); // inside the 60 s margin: never reused
    const eager = clientFor(soon);
    await eager.me();
    await eager.me();
    expect(soon.calls).toBe(2);
  });

  it("asks for a fresh token once after a 401, even for counters/next (the service did nothing)", async () => {
    const tokens = new TestTokens(PAT, "Pat Seller");
    const client = clientFor(tokens);
    await client.me();
    server.revoked.add(testToken(PAT, "Pat Seller", 3600, "0"));
    await expect(client.nextCounter()).resolves.toMatchObject({ counter: 1 });
    expect(tokens.calls).toBe(2);
    expect(server.calls.next).toBe(2);
  });

  it("reports a 401 that a fresh token does not cure as a ServiceError", async () => {
    const tokens = new TestTokens(PAT, "Pat Seller", -10); // always expired
    const error = await clientFor(tokens).me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ status: 401, code: "unauthorized", permanent: false });
    expect(tokens.calls).toBe(2);
  });

  it("passes the token source's failure on untouched", async () => {
    const tokens = new TestTokens(PAT, "Pat Seller");
    tokens.failure = new Error("You are not signed in to Office (13001).");
    await expect(clientFor(tokens).me()).rejects.toThrow("13001");
    expect(server.calls.me).toBe(0);
  });

  it("gives up on a slow answer at the deadline (at most 1 s for quick calls), with a ServiceTimeoutError", async () => {
    // The server answers after 1.5 s: with 5 s allowed the call would succeed; capped at 1 s it times out.
    server.delays.next = 1500;
    const error = await clientFor(undefined, { quickTimeoutMs: 5000 }).nextCounter().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceTimeoutError);
    expect(error).toBeInstanceOf(ServiceUnreachableError);
    expect((error as ServiceTimeoutError).timeoutMs).toBe(1000); // capped
  });

  it("says ServiceUnreachableError when nothing listens", async () => {
    const closed = await new ContractServer().start();
    await closed.stop();
    const client = createServiceClient({ baseUrl: closed.url, fetch: (url, init) => fetch(url, init), tokens: new TestTokens(PAT, "Pat"), retryDelayMs: 10 });
    const error = await client.health().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnreachableError);
    expect(error).not.toBeInstanceOf(ServiceTimeoutError);
    expect((error as Error).message).toContain(closed.url);
  });

  it("retries an idempotent call once after a 503, never an allocation", async () => {
    const client = clientFor();
    server.unavailable.me = 1;
    await expect(client.me()).resolves.toMatchObject({ userNumber: 1 });
    expect(server.calls.me).toBe(2);

    server.unavailable.next = 1;
    const error = await client.nextCounter().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, code: "unavailable" });
    expect(server.calls.next).toBe(1);
  });

  it("records idempotently: stored, then duplicate; a different record is a 409 conflict naming no field", async () => {
    const client = clientFor();
    await client.me();
    const record = { token: "CRM:10010001", subject: "Quote CRM:10010001", to: ["dana@fabrikam.com"], cc: [], sentAt: "2025-05-01T10:00:00.000Z", designator: 1 as const };
    await expect(client.recordActivity(record)).resolves.toBe("stored");
    await expect(client.recordActivity(record)).resolves.toBe("duplicate");
    const conflict = await client.recordActivity({ ...record, subject: "Other" }).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(ServiceError);
    expect(conflict).toMatchObject({ status: 409, code: "conflict", permanent: true });
  });

  it("reads the field a 400 names", async () => {
    const error = await clientFor()
      .recordActivity({ token: "nope", subject: "", to: [], cc: [], sentAt: "2025-05-01T10:00:00.000Z", designator: 0 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ServiceError", status: 400, code: "invalid-token", field: "token" });
    expect((error as Error).message).toContain("token is not a token of this deployment");
  });

  it("looks an activity up by token (undefined when unknown) and correlates by token", async () => {
    const client = clientFor();
    await client.me();
    await client.recordActivity({ token: "CRM:00010001", subject: "Quote CRM:00010001", to: ["dana@fabrikam.com"], cc: [], sentAt: "2025-05-01T10:00:00.000Z", designator: 0 });
    await expect(client.activity("CRM:00010001")).resolves.toEqual({
      token: "CRM:00010001",
      subject: "Quote CRM:00010001",
      to: ["dana@fabrikam.com"],
      cc: [],
      sentAt: Date.parse("2025-05-01T10:00:00.000Z"),
      designator: 0,
      sender: PAT,
      senderName: "Pat Seller",
      status: "sent",
    });
    await expect(client.activity("CRM:00019999")).resolves.toBeUndefined();
    await expect(client.correlate({ subject: "RE: Quote CRM:00010001", from: "dana@fabrikam.com", to: [PAT], cc: [] })).resolves.toMatchObject({ method: "token" });
    await expect(client.correlate({ subject: "Unrelated", from: "dana@fabrikam.com", to: [PAT], cc: [] })).resolves.toBeNull();
  });

  it("calls an answer that is not the contract's a ServiceProtocolError", async () => {
    const odd = http.createServer((_req, res) => res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ hello: "world" })));
    await new Promise<void>((resolve) => odd.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(odd.address() as AddressInfo).port}`;
    const client = createServiceClient({ baseUrl: url, fetch: (u, init) => fetch(u, init), tokens: new TestTokens(PAT, "Pat") });
    await expect(client.me()).rejects.toBeInstanceOf(ServiceProtocolError);
    await expect(client.nextCounter()).rejects.toThrow(/designator/);
    odd.closeAllConnections();
    await new Promise<void>((resolve) => odd.close(() => resolve()));
  });
});

describe("jwtExpiry", () => {
  it.each([
    ["a JWT with exp", testToken(PAT, "Pat", 100), true],
    ["an opaque token", "opaque-token", false],
    ["a JWT whose payload is not JSON", "a.bm90LWpzb24.c", false],
  ])("%s", (_name, token, readable) => {
    const exp = jwtExpiry(token);
    if (readable) expect(exp).toBeGreaterThan(Date.now());
    else expect(exp).toBeUndefined();
  });
});
