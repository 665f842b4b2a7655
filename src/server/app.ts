/**
 * buildApp: the tracking service's HTTP API (/v1, docs/SERVICE-API.md) over an injected store,
 * token verifier and clock. main.ts builds it from the environment; tests build it in-process
 * and use app.inject or a real listen on 127.0.0.1:0.
 */
import cors from "@fastify/cors";
import rateLimit from "@fastify/rate-limit";
import Fastify from "fastify";
import type { FastifyInstance, FastifyServerOptions } from "fastify";
import type { Settings } from "../core";
import { bearerToken, cachedVerifier } from "./auth";
import type { TokenVerifier } from "./auth";
import type { DevTokenIssuer } from "./devAuth";
import { makeErrorHandler } from "./errorHandler";
import { NotFoundError, RateLimitedError, ServiceError } from "./errors";
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
import { userRoutes } from "./routes/users";
import type { TrackingStore } from "./store/types";
import { UserDirectory } from "./userDirectory";
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
  /** Present only with development auth: enables POST /v1/dev/token. */
  readonly devTokens?: DevTokenIssuer;
  /** ms since the epoch. @default Date.now */
  readonly clock?: () => number;
  /** Origins allowed by CORS: the add-in's pages. */
  readonly addinOrigins?: readonly string[];
  /** Requests per minute per verified user. @default 600 */
  readonly rateLimitPerMinute?: number;
  /** @default 16384 */
  readonly bodyLimitBytes?: number;
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
  const bodyLimit = options.bodyLimitBytes ?? 16 * 1024;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
    trustProxy: options.trustProxy ?? false,
    // Reject, never repair: no type coercion ("5" is not 5), no silent removal of unknown fields.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: false, verbose: true } },
    schemaErrorFormatter: (errors, part) => formatValidationError(errors, part),
    return503OnClosing: true,
  });

  app.setErrorHandler(makeErrorHandler(bodyLimit));
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
      done(new ServiceError(400, "malformed-json", `The body is not valid JSON: ${(error as Error).message}.`, "body"), undefined);
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
  };
  const verifier = cachedVerifier(options.verifier, { clock, maxEntries: options.tokenCacheSize ?? 10_000 });
  const devTokens = options.devTokens;

  await app.register(
    async (v1) => {
      await v1.register(healthRoutes(options.store.kind, options.version ?? "0.0.0"));
      if (devTokens !== undefined) await v1.register(devTokenRoutes(devTokens));

      await v1.register(async (authenticated) => {
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
    },
    { prefix: "/v1" },
  );
  return app;
}
