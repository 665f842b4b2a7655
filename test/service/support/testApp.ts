/** Builds the service in-process around a store, with development auth and a clock the test controls. */
import type { FastifyInstance } from "fastify";
import { DEFAULT_SETTINGS, validateSettings } from "../../../src/core";
import type { Settings, SignInConfig } from "../../../src/core";
import { buildApp } from "../../../src/server/app";
import { DEV_AUDIENCE, DEV_ISSUER } from "../../../src/server/config";
import { loadDevAuthority } from "../../../src/server/devAuth";
import type { TrackingStore } from "../../../src/server/store/types";
import { englishProblem } from "../../../src/languages/english";

export const ADDIN_ORIGIN = "https://localhost:3000";

export type TestClock = { now: number; readonly read: () => number; advance: (ms: number) => void };

export function testClock(start = Date.parse("2026-11-28T09:00:00Z")): TestClock {
  const clock: TestClock = {
    now: start,
    read: () => clock.now,
    advance: (ms) => {
      clock.now += ms;
    },
  };
  return clock;
}

export function settingsWith(overrides: Partial<Settings>): Settings {
  const result = validateSettings({ ...DEFAULT_SETTINGS, ...overrides });
  if (!result.ok) throw new Error(result.errors.map((e) => englishProblem(e.problem)).join(" "));
  return result.settings;
}

export type TestApp = {
  readonly app: FastifyInstance;
  readonly clock: TestClock;
  /** A signed development token for this mailbox (same mailbox, same identity). */
  readonly tokenFor: (mailbox: string, name?: string) => Promise<string>;
};

export async function makeTestApp(
  store: TrackingStore,
  options: {
    dataDir: string;
    settings?: Settings;
    clock?: TestClock;
    rateLimitPerMinute?: number;
    rateLimitPerAddressPerMinute?: number;
    bodyLimitBytes?: number;
    trackingEnabled?: boolean;
    offlineReserveSize?: number;
    /** false: no /v1/dev routes, as in production (tokens are still signed with the dev key). @default true */
    devRoutes?: boolean;
    /** What GET /v1/sign-in answers. @default null (404) */
    signIn?: SignInConfig | null;
  },
): Promise<TestApp> {
  const clock = options.clock ?? testClock(Date.now());
  const dev = await loadDevAuthority({ dataDir: options.dataDir, audience: DEV_AUDIENCE, issuer: DEV_ISSUER, clock: clock.read });
  const app = await buildApp({
    store,
    verifier: dev.verifier,
    ...(options.devRoutes === false ? {} : { devTokens: dev.issuer }),
    ...(options.trackingEnabled === undefined ? {} : { trackingEnabled: options.trackingEnabled }),
    ...(options.offlineReserveSize === undefined ? {} : { offlineReserveSize: options.offlineReserveSize }),
    settings: options.settings ?? DEFAULT_SETTINGS,
    ...(options.signIn === undefined ? {} : { signIn: options.signIn }),
    clock: clock.read,
    addinOrigins: [ADDIN_ORIGIN, "https://localhost:3001"],
    rateLimitPerMinute: options.rateLimitPerMinute ?? 1_000_000,
    rateLimitPerAddressPerMinute: options.rateLimitPerAddressPerMinute ?? 1_000_000,
    ...(options.bodyLimitBytes === undefined ? {} : { bodyLimitBytes: options.bodyLimitBytes }),
  });
  await app.ready();
  return { app, clock, tokenFor: async (mailbox, name) => (await dev.issuer.issue(mailbox, name ?? null)).accessToken };
}
