/**
 * The tracking service's HTTP client (docs/SERVICE-API.md). The environment is injected (fetch,
 * the token source, timers), so tests run it against a real local server. Every call has a
 * deadline (AbortController); quick calls (health, users/me, counters/next) get at most 1 s, so
 * the connectivity monitor and the stamper fall back to offline numbering quickly.
 */
import type { AccessTokenSource } from "../../office/accessToken";
import { systemScheduler } from "../scheduler";
import type { Scheduler } from "../scheduler";
import { ServiceError, ServiceProtocolError, ServiceTimeoutError, ServiceUnreachableError } from "./errors";
import { contractProblem, errorBody } from "../../contract";
import type { ActivityView, ErrorBody } from "../../contract";
import type { TokenHolder } from "./errors";
import type { SignInConfig } from "../../core";
import { parseAllocation, parseCorrelation, parseDeployment, parseHealth, parseReserve, parseServiceUser, parseSignIn, parseTokenLookup } from "./types";
import type { ActivityRequest, Allocation, Correlation, Deployment, FinalizeResult, Health, IssuedActivity, RecordResult, RegistrationRequest, Reserve, SentRecord, ServiceActivity, ServiceUser } from "./types";

/** The part of fetch the client uses: `globalThis.fetch` in browsers and Node 20. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Pick<Response, "status" | "statusText" | "headers" | "text">>;

/** What correlate reads of a received message. */
export type CorrelateRequest = { readonly subject: string; readonly from: string; readonly to: readonly string[]; readonly cc: readonly string[] };

export type ServiceClientOptions = {
  /** The service's base URL (settings.serviceUrl); routes are appended as "/v1/...". */
  readonly baseUrl: string;
  readonly fetch: FetchLike;
  /** Bearer tokens: Office SSO in Outlook, development tokens in the playground. */
  readonly tokens: AccessTokenSource;
  /** Deadline of health, users/me and counters/next; at most 1000. @default 800 */
  readonly quickTimeoutMs?: number;
  /** Deadline of the other calls (recording, lookups, correlate). @default 3000 */
  readonly timeoutMs?: number;
  /** Extra attempts for idempotent calls after a network failure or a 502/503/504. @default 1 */
  readonly retries?: number;
  /** Wait before a retry. @default 150 */
  readonly retryDelayMs?: number;
  readonly scheduler?: Scheduler;
  /** The clock, for token expiry. @default Date.now */
  readonly now?: () => number;
};

export interface ServiceClient {
  /** The base URL, as given (for messages and keys). */
  readonly baseUrl: string;
  health(): Promise<Health>;
  /** What to ask Entra ID for (GET /v1/sign-in, no token); null when the service names no app registration (404). */
  signIn(): Promise<SignInConfig | null>;
  /** Registers the caller on first call (claiming a number, raising counters above marks); the same user every later call. */
  me(registration?: RegistrationRequest): Promise<ServiceUser>;
  /** GET /v1/deployment: the team's settings, which the add-in follows. */
  deployment(): Promise<Deployment>;
  /** Allocates the caller's next counter. Never retried: an allocation whose answer was lost is burned. */
  nextCounter(): Promise<Allocation>;
  /** Reserves offline numbers for this device (`device`: its random id). Never retried: a reserve whose answer was lost is abandoned. */
  reserve(device: string): Promise<Reserve>;
  /** Records an activity; idempotent by token. A different record under the same token rejects with ServiceError 409 "conflict". */
  recordActivity(record: ActivityRequest): Promise<RecordResult>;
  /** Marks the caller's activity sent with the mail as it went; idempotent (the same again is "unchanged"). 403 another's, 409 sent differently. */
  finalizeActivity(token: string, sent: SentRecord): Promise<FinalizeResult>;
  /** The activity stamped with `token` (or that it is on a draft not sent yet); undefined when the service does not know it. */
  activity(token: string): Promise<ServiceActivity | IssuedActivity | undefined>;
  /** What a received message answers: by token, else by smart match; null when nothing. */
  correlate(message: CorrelateRequest): Promise<Correlation | null>;
}

export const MAX_QUICK_TIMEOUT_MS = 1000;
/** A token is refreshed this long before it expires, so it does not expire on the way. */
const TOKEN_EXPIRY_MARGIN_MS = 60_000;
/** How long a token without a readable `exp` is reused; Office caches tokens on its side too. */
const OPAQUE_TOKEN_REUSE_MS = 5 * 60_000;

type Call = {
  readonly method: "GET" | "POST";
  readonly path: string;
  readonly body?: unknown;
  /** Sent without a bearer token (health). */
  readonly anonymous?: boolean;
  readonly quick: boolean;
  /** Safe to send again: the service does the same thing (or nothing) the second time. */
  readonly idempotent: boolean;
  /** Words for timeouts: "the health check". */
  readonly what: string;
};

type Answer = { readonly status: number; readonly body: unknown; readonly retryAfterSeconds?: number };

export function createServiceClient(options: ServiceClientOptions): ServiceClient {
  const { fetch, tokens } = options;
  const base = options.baseUrl.replace(/\/+$/, "");
  const scheduler = options.scheduler ?? systemScheduler;
  const now = options.now ?? (() => Date.now());
  const quickTimeoutMs = Math.min(options.quickTimeoutMs ?? 800, MAX_QUICK_TIMEOUT_MS);
  const timeoutMs = options.timeoutMs ?? 3000;
  const retries = options.retries ?? 1;
  const retryDelayMs = options.retryDelayMs ?? 150;

  // One token at a time: concurrent calls share the same request to the token source.
  let cached: { readonly token: string; readonly reuseUntil: number } | undefined;
  let pendingToken: Promise<string> | undefined;
  const bearer = (fresh: boolean): Promise<string> => {
    if (fresh) cached = undefined;
    if (cached !== undefined && now() < cached.reuseUntil) return Promise.resolve(cached.token);
    pendingToken ??= tokens
      .getToken()
      .then((token) => {
        cached = { token, reuseUntil: reuseUntil(token, now()) };
        return token;
      })
      .finally(() => {
        pendingToken = undefined;
      });
    return pendingToken;
  };

  async function attempt(call: Call, freshToken: boolean): Promise<Answer> {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (!call.anonymous) headers["Authorization"] = `Bearer ${await bearer(freshToken)}`;
    if (call.body !== undefined) headers["Content-Type"] = "application/json";
    const limit = call.quick ? quickTimeoutMs : timeoutMs;
    const controller = new AbortController();
    const timer = scheduler.setTimeout(() => controller.abort(), limit);
    try {
      const init: RequestInit = { method: call.method, headers, signal: controller.signal, credentials: "omit", cache: "no-store" };
      if (call.body !== undefined) init.body = JSON.stringify(call.body);
      const response = await fetch(`${base}${call.path}`, init);
      const text = await response.text();
      const retryAfter = Number(response.headers.get("Retry-After") ?? Number.NaN);
      return { status: response.status, body: answerBody(response, text), ...(Number.isFinite(retryAfter) ? { retryAfterSeconds: retryAfter } : {}) };
    } catch (error) {
      if (controller.signal.aborted) throw new ServiceTimeoutError(limit, call.what);
      if (error instanceof ServiceError) throw error;
      // fetch rejects with a bare TypeError for DNS, refused connections and CORS alike.
      throw new ServiceUnreachableError(`The tracking service at ${base} could not be reached (${error instanceof Error ? error.message : String(error)}).`, { cause: error });
    } finally {
      scheduler.clearTimeout(timer);
    }
  }

  async function send(call: Call): Promise<Answer> {
    let retriesLeft = call.idempotent ? retries : 0;
    let renewedToken = false;
    for (;;) {
      let answer: Answer;
      try {
        answer = await attempt(call, renewedToken);
      } catch (error) {
        // Only retry known transient failures. A timeout is not retried: the caller has a deadline
        // of its own (a 1 s fallback to offline), and an unknown error may be a bug.
        if (retriesLeft > 0 && error instanceof ServiceUnreachableError && !(error instanceof ServiceTimeoutError)) {
          retriesLeft--;
          await delay(scheduler, retryDelayMs);
          continue;
        }
        throw error;
      }
      if (answer.status >= 200 && answer.status < 300) return answer;
      const failure = serviceError(answer);
      // 401: the token expired or was revoked. The service did nothing, so even counters/next may
      // be sent again, once, with a fresh token.
      if (failure.status === 401 && !call.anonymous && !renewedToken) {
        renewedToken = true;
        continue;
      }
      if (retriesLeft > 0 && [502, 503, 504].includes(failure.status)) {
        retriesLeft--;
        await delay(scheduler, retryDelayMs);
        continue;
      }
      throw failure;
    }
  }

  return {
    baseUrl: options.baseUrl,
    health: async () => parseHealth((await send({ method: "GET", path: "/v1/health", anonymous: true, quick: true, idempotent: true, what: "the health check" })).body),
    async signIn() {
      try {
        return parseSignIn((await send({ method: "GET", path: "/v1/sign-in", anonymous: true, quick: true, idempotent: true, what: "how to sign in" })).body);
      } catch (error) {
        if (error instanceof ServiceError && error.status === 404) return null;
        throw error;
      }
    },
    me: async (registration = {}) => parseServiceUser((await send({ method: "POST", path: "/v1/users/me", body: registration, quick: true, idempotent: true, what: "who you are" })).body),
    deployment: async () => parseDeployment((await send({ method: "GET", path: "/v1/deployment", quick: true, idempotent: true, what: "for the deployment's settings" })).body),
    nextCounter: async () => parseAllocation((await send({ method: "POST", path: "/v1/counters/next", body: {}, quick: true, idempotent: false, what: "for a number" })).body),
    reserve: async (device) => parseReserve((await send({ method: "POST", path: "/v1/reserves", body: { device }, quick: false, idempotent: false, what: "for offline numbers" })).body),
    async recordActivity(record) {
      const answer = await send({ method: "POST", path: "/v1/activities", body: record, quick: false, idempotent: true, what: `when recording ${record.token}` });
      return answer.status === 201 ? "stored" : "duplicate";
    },
    async finalizeActivity(token, sent) {
      const path = `/v1/activities/${encodeURIComponent(token)}/sent`;
      const answer = await send({ method: "POST", path, body: sent, quick: false, idempotent: true, what: `when marking ${token} sent` });
      const body = answer.body;
      return typeof body === "object" && body !== null && (body as { unchanged?: unknown }).unchanged === true ? "unchanged" : "finalized";
    },
    async activity(token) {
      try {
        const answer = await send({ method: "GET", path: `/v1/activities/${encodeURIComponent(token)}`, quick: false, idempotent: true, what: `about ${token}` });
        return parseTokenLookup(answer.body);
      } catch (error) {
        if (error instanceof ServiceError && error.status === 404) return undefined;
        throw error;
      }
    },
    correlate: async (message) =>
      parseCorrelation(
        (
          await send({
            method: "POST",
            path: "/v1/correlate",
            body: { subject: message.subject, from: message.from, to: [...message.to], cc: [...message.cc] },
            quick: false,
            idempotent: true,
            what: "about this message",
          })
        ).body,
      ),
  };
}

/** JSON, or for an error status a body that is not JSON (a proxy's HTML page), undefined. */
function answerBody(response: { status: number }, text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    if (response.status >= 200 && response.status < 300) throw new ServiceProtocolError("The tracking service answered with something that is not JSON.");
    return undefined;
  }
}

/** The error as the contract's error body tells it; a body that is not one (a proxy's page) tells only its status. */
function serviceError({ status, body, retryAfterSeconds }: Answer): ServiceError {
  const said = `The tracking service answered ${status}${statusWords(status)}.`;
  if (contractProblem(errorBody, body) !== undefined) return new ServiceError(said, status, `http-${status}`, undefined, retryAfterSeconds);
  const { error, message, field, holder } = body as ErrorBody;
  return new ServiceError(
    message === "" ? said : `The tracking service said: ${message}`,
    status,
    error,
    field,
    retryAfterSeconds,
    holder && tokenHolder(holder),
  );
}

/** A 409's holder: enough of the activity for the user to know which one it is. */
function tokenHolder({ subject, sender, senderName = null, sentAt }: ActivityView): TokenHolder {
  return { subject, sender, senderName, sentAt };
}

function statusWords(status: number): string {
  const words: Record<number, string> = { 401: " (not signed in)", 403: " (not allowed)", 404: " (not found)", 429: " (too many requests)", 500: " (internal error)", 502: " (bad gateway)", 503: " (unavailable)" };
  return words[status] ?? "";
}

/** Until when a token may be reused: its `exp` less a margin, or a few minutes when it has none we can read. */
function reuseUntil(token: string, at: number): number {
  const exp = jwtExpiry(token);
  return exp === undefined ? at + OPAQUE_TOKEN_REUSE_MS : exp - TOKEN_EXPIRY_MARGIN_MS;
}

/** The `exp` claim of a JWT in ms, read without verifying (the service verifies); undefined when unreadable. */
export function jwtExpiry(token: string): number | undefined {
  const payload = token.split(".")[1];
  if (payload === undefined) return undefined;
  try {
    const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(payload.length / 4) * 4, "="));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === "number" && Number.isFinite(exp) ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

function delay(scheduler: Scheduler, ms: number): Promise<void> {
  return new Promise((resolve) => scheduler.setTimeout(resolve, ms));
}
