/**
 * buildApp: the tracking service's HTTP API (/v1, docs/SERVICE-API.md) over an injected store,
 * token verifier and clock. main.ts builds it from the environment; tests build it in-process
 * and use app.inject or a real listen on 127.0.0.1:0.
 */
import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import Fastify from "fastify";
import type { FastifyInstance, FastifyServerOptions } from "fastify";
import type { Settings, SignInConfig } from "../core";
import { bearerToken, cachedVerifier } from "./auth";
import type { TokenVerifier } from "./auth";
import type { SentAtWindow } from "./config";
import type { DevTokenIssuer } from "./devAuth";
import { frameworkErrorReply, makeErrorHandler, rawClientErrorReply } from "./errorHandler";
import { NotFoundError, RateLimitedError, HttpError } from "./errors";
import { DEFAULT_RESERVE_SIZE } from "./config";
import { deploymentOf, withRememberedPrefixes } from "./deployment";
import { activityRoutes } from "./routes/activities";
import type { RouteContext } from "./routes/context";
import { correlateRoutes } from "./routes/correlate";
import { counterRoutes } from "./routes/counters";
import { deploymentRoutes } from "./routes/deployment";
import { devResetRoutes } from "./routes/devReset";
import { devTokenRoutes } from "./routes/devToken";
import { healthRoutes } from "./routes/health";
import { reserveRoutes } from "./routes/reserves";
import { signInRoutes } from "./routes/signIn";
import { userRoutes } from "./routes/users";
import type { TrackingStore } from "./store/types";
import { UserDirectory } from "./userDirectory";
import { LARGEST_VALID_BODY_BYTES } from "../contract";
import { requireWellFormedText } from "./textInput";
import { formatValidationError } from "./validationErrors";

export type AppOptions = {
  readonly store: TrackingStore;
  readonly verifier: TokenVerifier;
  /** The deployment's token settings (validated). */
  readonly settings: Settings;
  /** Whether the add-in stamps at all. @default true */
  readonly trackingEnabled?: boolean;
  /** Offline numbers per reserve (1..10^counterDigits - 1). @default 50, or fewer when counterDigits is small */
  readonly offlineReserveSize?: number;
  /** What GET /v1/sign-in answers; null or absent: 404, the add-in uses Office's legacy SSO. */
  readonly signIn?: SignInConfig | null;
  /** Present only with development auth: enables POST /v1/dev/token. */
  readonly devTokens?: DevTokenIssuer;
  /** ms since the epoch. @default Date.now */
  readonly clock?: () => number;
  /** Origins allowed by CORS: the add-in's pages. */
  readonly addinOrigins?: readonly string[];
  /** Requests per minute per verified user. @default 600 */
  readonly rateLimitPerMinute?: number;
  /** Requests per minute per client address, before the token is checked (health excepted). @default 3000 */
  readonly rateLimitPerAddressPerMinute?: number;
  /** @default LARGEST_VALID_BODY_BYTES */
  readonly bodyLimitBytes?: number;
  /** @default 1 day ahead, activeDays behind */
  readonly sentAtWindow?: SentAtWindow;
  /** @default false (tests); main.ts passes pino options. */
  readonly logger?: FastifyServerOptions["logger"];
  readonly trustProxy?: boolean;
  /** @default "0.0.0" */
  readonly version?: string;
  /** Verified tokens kept in memory. @default 10000 */
  readonly tokenCacheSize?: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? Date.now;
  const bodyLimit = options.bodyLimitBytes ?? LARGEST_VALID_BODY_BYTES;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
    trustProxy: options.trustProxy ?? false,
    // Reject, never repair: no type coercion ("5" is not 5), no silent removal of unknown fields.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: false, verbose: true } },
    schemaErrorFormatter: (errors, part) => formatValidationError(errors, part),
    return503OnClosing: true,
    // Errors raised before a route is found (bad percent-encoding) and by Node's parser (header too
    // large, broken framing) get the contract's error shape too.
    frameworkErrors: (error, _request, reply) => frameworkErrorReply(error, reply),
    clientErrorHandler: (error, socket) => rawClientErrorReply(error, socket),
  });

  app.setErrorHandler(makeErrorHandler(bodyLimit));
  // Security headers on every reply (nosniff, frame-ancestors, no referrer...). Replies hold tokens
  // and users' mail data: never stored by a browser or a proxy.
  await app.register(helmet, { global: true });
  app.addHook("onSend", async (_request, reply, payload) => {
    void reply.header("cache-control", "no-store");
    // A plugin's plain-text refusal (CORS: "Invalid Preflight Request") in the contract's shape.
    if (reply.statusCode >= 400 && typeof payload === "string" && String(reply.getHeader("content-type")).startsWith("text/plain")) {
      void reply.type("application/json; charset=utf-8");
      const message = /preflight/i.test(payload) ? "Invalid CORS preflight: send Origin and Access-Control-Request-Method headers." : payload;
      return JSON.stringify({ error: "bad-request", message });
    }
    return payload;
  });
  // Every string of a request is well-formed Unicode, or the request is refused naming the field:
  // a lone surrogate would be stored as U+FFFD and the client's retry would then look like a conflict.
  app.addHook("preValidation", async (request) => {
    requireWellFormedText(request.params, "");
    requireWellFormedText(request.body, "");
  });
  app.setNotFoundHandler((request) => {
    throw new NotFoundError(`There is no ${request.method} ${request.url.split("?")[0] ?? ""}; the routes are listed in docs/SERVICE-API.md.`);
  });

  // JSON only (text/plain is refused with 415). JSON.parse keeps its reason ("Unexpected token } in
  // JSON at position 12") for the 400; an empty body is "no body", which routes taking {} accept.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => {
    const text = body as string;
    if (text.trim() === "") return done(null, undefined);
    try {
      done(null, JSON.parse(text) as unknown);
    } catch (error) {
      done(new HttpError(400, "malformed-json", `The body is not valid JSON: ${(error as Error).message}.`, "body"), undefined);
    }
  });
  app.decorateRequest("caller", null);

  await app.register(cors, {
    origin: [...(options.addinOrigins ?? [])],
    methods: ["GET", "POST"],
    allowedHeaders: ["Authorization", "Content-Type"],
    exposedHeaders: ["Retry-After"],
    maxAge: 600,
  });

  // Every prefix this service was ever configured with stays ours (docs/SERVICE-API.md, deployment).
  const settings = await withRememberedPrefixes(options.store, options.settings, clock());
  const reserveSize = options.offlineReserveSize ?? Math.min(DEFAULT_RESERVE_SIZE, 10 ** settings.counterDigits - 1);
  const context: RouteContext = {
    store: options.store,
    users: new UserDirectory(options.store, settings, clock),
    settings,
    deployment: deploymentOf(settings, options.trackingEnabled ?? true, reserveSize),
    clock,
    activeWindowMs: settings.activeDays * DAY_MS,
    sentAtWindow: options.sentAtWindow ?? { aheadMs: DAY_MS, behindMs: settings.activeDays * DAY_MS },
  };
  const verifier = cachedVerifier(options.verifier, { clock, maxEntries: options.tokenCacheSize ?? 10_000 });
  const devTokens = options.devTokens;

  await app.register(
    async (v1) => {
      await v1.register(healthRoutes(options.store, options.version ?? "0.0.0"));
      await v1.register(async (limited) => {
        // Per client address, before any token is checked: forged tokens cost a signature check each.
        await limited.register(rateLimit, { global: false });
        limited.addHook(
          "onRequest",
          limited.rateLimit({
            max: options.rateLimitPerAddressPerMinute ?? 3000,
            timeWindow: 60_000,
            keyGenerator: (request) => request.ip,
            errorResponseBuilder: (_request, limit) =>
              new RateLimitedError(`Too many requests from this address: at most ${limit.max} a minute. Retry after ${limit.after}.`),
          }),
        );
        await limited.register(signInRoutes(options.signIn ?? null));
        if (devTokens !== undefined) await limited.register(devTokenRoutes(devTokens));
        await limited.register(async (authenticated) => {
          // The caller is the verified token's identity, set before anything else runs.
          authenticated.addHook("onRequest", async (request) => {
            request.caller = await verifier.verify(bearerToken(request.headers.authorization));
          });
          // Route-level onRequest hooks run after the scope's: the limit is keyed by the verified user.
          await authenticated.register(rateLimit, {
            max: options.rateLimitPerMinute ?? 600,
            timeWindow: 60_000,
            hook: "onRequest",
            keyGenerator: (request) => request.caller?.key ?? request.ip,
            errorResponseBuilder: (_request, limit) =>
              new RateLimitedError(`Too many requests: at most ${limit.max} a minute per user. Retry after ${limit.after}.`),
          });
          // Routes taking {} accept a missing body too: there is nothing to say.
          authenticated.addHook("preValidation", async (request) => {
            if (request.body === undefined && request.method === "POST") request.body = {};
          });
          await authenticated.register(userRoutes(context));
          await authenticated.register(counterRoutes(context));
          await authenticated.register(activityRoutes(context));
          await authenticated.register(correlateRoutes(context));
          await authenticated.register(deploymentRoutes(context));
          await authenticated.register(reserveRoutes(context));
          if (devTokens !== undefined) await authenticated.register(devResetRoutes(context));
        });
      });
    },
    { prefix: "/v1" },
  );
  return app;
}
