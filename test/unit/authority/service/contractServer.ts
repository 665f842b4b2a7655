/**
 * A small real HTTP server (node:http on 127.0.0.1, a free port) that implements docs/SERVICE-API.md
 * minimally, for the add-in's client tests: the client talks real HTTP, with real timeouts and
 * connection failures. It trusts the bearer token's payload (tests only) and has knobs for the
 * failures the client must survive: slow answers, 503s, lost answers.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { DEFAULT_SETTINGS, findTokens, formatToken, parseToken, smartMatch } from "../../../../src/core";
import type { Settings } from "../../../../src/core";

export type StoredActivity = {
  token: string;
  subject: string;
  to: string[];
  cc: string[];
  sentAt: string;
  designator: 0 | 1;
  sender: string;
  senderName: string | null;
};

type Route = "health" | "signIn" | "me" | "next" | "record" | "get" | "correlate";

export class ContractServer {
  readonly settings: Settings;
  private server: http.Server | undefined;
  /** Pending delays: cleared on stop, so a slow answer does not keep Jest waiting. */
  private readonly timers = new Set<NodeJS.Timeout>();
  url = "";
  /** mailbox -> ordinal */
  readonly users = new Map<string, number>();
  readonly names = new Map<string, string>();
  readonly counters = new Map<number, number>();
  readonly activities = new Map<string, StoredActivity>();
  /** Requests seen, by route. */
  readonly calls: Record<Route, number> = { health: 0, signIn: 0, me: 0, next: 0, record: 0, get: 0, correlate: 0 };
  /** Authorization headers seen. */
  readonly bearers: string[] = [];
  /** Milliseconds to wait before answering, per route. */
  readonly delays: Partial<Record<Route, number>> = {};
  /** Answer the next N requests of a route with 503, without doing anything. */
  readonly unavailable: Partial<Record<Route, number>> = {};
  /** Tokens the server refuses with 401 (revoked). */
  readonly revoked = new Set<string>();
  /** Record requests (1-based, counted over the server's life) answered with 503. */
  readonly failingRecordCalls = new Set<number>();
  /** What GET /v1/sign-in answers; null: 404, as a service naming no app registration. */
  signIn: { clientId: string; scope: string } | null = null;
  /** Counter value at which allocation reports counter-exhausted. */
  exhaustAt: number | undefined;

  constructor(settings: Partial<Settings> = {}) {
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
  }

  async start(): Promise<this> {
    this.server = http.createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  userNumber(mailbox: string): number | undefined {
    const ordinal = this.users.get(mailbox);
    return ordinal === undefined ? undefined : this.settings.deploymentBase + ordinal;
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", this.url);
    const body = await readBody(request);
    const send = (status: number, payload: unknown) => {
      if (response.destroyed) return;
      response.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(payload));
    };
    const route = routeOf(request.method ?? "", url.pathname);
    if (route === undefined) return send(404, { error: "not-found", message: `No route ${request.method} ${url.pathname}.` });
    this.calls[route]++;
    const wait = this.delays[route];
    if (wait !== undefined) {
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, wait);
        this.timers.add(timer);
      });
    }
    if ((this.unavailable[route] ?? 0) > 0 || (route === "record" && this.failingRecordCalls.has(this.calls.record))) {
      this.unavailable[route] = (this.unavailable[route] ?? 0) - 1;
      return send(503, { error: "unavailable", message: "Try again." });
    }
    if (route === "health") return send(200, { status: "ok", storage: "memory", version: "test" });
    if (route === "signIn") return this.signIn === null ? send(404, { error: "not-found", message: "No app registration." }) : send(200, this.signIn);

    const caller = this.caller(request.headers.authorization);
    if (caller === undefined) return send(401, { error: "unauthorized", message: "Send a valid bearer token." });
    const { mailbox, name } = caller;
    let json: Record<string, unknown>;
    try {
      json = body === "" ? {} : (JSON.parse(body) as Record<string, unknown>);
    } catch {
      return send(400, { error: "invalid-json", message: "The body is not JSON." });
    }

    if (route === "me") return send(200, this.register(mailbox, name));
    const user = this.register(mailbox, name).userNumber;

    if (route === "next") {
      const last = this.counters.get(user) ?? 0;
      const counter = last + 1;
      if (this.exhaustAt !== undefined && counter >= this.exhaustAt) return send(409, { error: "counter-exhausted", message: "No free counter is left." });
      this.counters.set(user, counter);
      return send(200, { token: formatToken({ designator: 0, user, counter }, this.settings), designator: 0, user, counter, wrapped: false });
    }

    if (route === "record") {
      const token = json["token"];
      const parsed = typeof token === "string" ? parseToken(token, this.settings) : undefined;
      if (typeof token !== "string" || parsed === undefined) return send(400, { error: "invalid-token", message: "token is not a token of this deployment.", field: "token" });
      if (parsed.user !== user) return send(403, { error: "forbidden", message: "That token is not yours.", field: "token" });
      const record: StoredActivity = {
        token,
        subject: String(json["subject"]),
        to: json["to"] as string[],
        cc: json["cc"] as string[],
        sentAt: String(json["sentAt"]),
        designator: json["designator"] as 0 | 1,
        sender: mailbox,
        senderName: name,
      };
      const existing = this.activities.get(token.toLowerCase());
      if (existing === undefined) {
        this.activities.set(token.toLowerCase(), record);
        return send(201, { stored: true });
      }
      if (JSON.stringify({ ...existing }) === JSON.stringify(record)) return send(200, { stored: false, duplicate: true });
      return send(409, { error: "conflict", message: `Another record holds ${token}.`, field: "token", holder: existing });
    }

    if (route === "get") {
      const token = decodeURIComponent(url.pathname.slice("/v1/activities/".length));
      const found = this.activities.get(token.toLowerCase());
      return found === undefined ? send(404, { error: "not-found", message: `No activity ${token}.` }) : send(200, { activity: found });
    }

    // correlate: token first, then smart matching.
    const message = { subject: String(json["subject"]), from: String(json["from"]), to: json["to"] as string[], cc: json["cc"] as string[] };
    for (const found of findTokens(message.subject, this.settings)) {
      const activity = this.activities.get(found.text.toLowerCase());
      if (activity) return send(200, { match: { method: "token", activity } });
    }
    const candidates = [...this.activities.values()].map((a) => ({ ...a, designator: a.designator, user: 0, counter: 0, stampedAt: Date.parse(a.sentAt), sentAt: Date.parse(a.sentAt) }));
    const smart = smartMatch(message, candidates, this.settings);
    if (smart === undefined) return send(200, { match: null });
    const { user: _u, counter: _c, stampedAt: _s, sentAt: _t, ...rest } = smart.activity;
    const activity = { ...rest, sentAt: new Date(smart.activity.stampedAt).toISOString() };
    return send(200, { match: { method: "smart match", activity, sharedAddresses: smart.sharedAddresses } });
  }

  private register(mailbox: string, name: string | null) {
    if (!this.users.has(mailbox)) this.users.set(mailbox, this.users.size + 1);
    if (name !== null) this.names.set(mailbox, name);
    const ordinal = this.users.get(mailbox) ?? 0;
    const s = this.settings;
    return {
      mailbox,
      ordinal,
      userNumber: s.deploymentBase + ordinal,
      deployment: { prefix: s.prefix, prefixHistory: s.prefixHistory, userDigits: s.userDigits, counterDigits: s.counterDigits, deploymentBase: s.deploymentBase, activeDays: s.activeDays },
    };
  }

  /** The test's tokens: unsigned JWT-shaped strings whose payload names the caller. */
  private caller(header: string | undefined): { mailbox: string; name: string | null } | undefined {
    if (header === undefined) return undefined;
    this.bearers.push(header);
    const token = header.replace(/^Bearer /, "");
    if (this.revoked.has(token)) return undefined;
    const payload = token.split(".")[1];
    if (payload === undefined) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { preferred_username?: string; name?: string; exp?: number };
      if (typeof claims.preferred_username !== "string") return undefined;
      if (typeof claims.exp === "number" && claims.exp * 1000 < Date.now()) return undefined;
      return { mailbox: claims.preferred_username.toLowerCase(), name: claims.name ?? null };
    } catch {
      return undefined;
    }
  }
}

function routeOf(method: string, path: string): Route | undefined {
  if (method === "GET" && path === "/v1/health") return "health";
  if (method === "GET" && path === "/v1/sign-in") return "signIn";
  if (method === "POST" && path === "/v1/users/me") return "me";
  if (method === "POST" && path === "/v1/counters/next") return "next";
  if (method === "POST" && path === "/v1/activities") return "record";
  if (method === "GET" && path.startsWith("/v1/activities/")) return "get";
  if (method === "POST" && path === "/v1/correlate") return "correlate";
  return undefined;
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (text += chunk));
    request.on("end", () => resolve(text));
    request.on("error", reject);
  });
}

/** A token the contract server accepts for `mailbox`: header.payload.signature, payload readable by jwtExpiry. */
export function testToken(mailbox: string, name: string, expiresInSeconds = 3600, nonce = ""): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode({ alg: "none", typ: "JWT" })}.${encode({ sub: mailbox, preferred_username: mailbox, name, exp: Math.floor(Date.now() / 1000) + expiresInSeconds, nonce })}.sig`;
}

/** A token source that counts its calls and can be told to fail. */
export class TestTokens {
  calls = 0;
  failure: Error | undefined;
  private issued = 0;
  constructor(
    readonly mailbox: string,
    readonly name: string,
    readonly expiresInSeconds = 3600,
  ) {}
  async getToken(): Promise<string> {
    this.calls++;
    if (this.failure) throw this.failure;
    return testToken(this.mailbox, this.name, this.expiresInSeconds, String(this.issued++));
  }
}
