/**
 * The service's configuration, read once from the environment (injected, so tests pass their own).
 * Token settings are validated by core's validateSettings: the service and the add-in agree on
 * what a valid deployment is, and every invalid variable gets its own message.
 */
import path from "node:path";
import { DEFAULT_SETTINGS, validateSettings } from "../core";
import type { Settings, SignInConfig } from "../core";
import { ConfigError } from "./errors";
import { LARGEST_VALID_BODY_BYTES } from "../contract";
import { englishProblem } from "../languages/english";

export type AuthConfig =
  /** Microsoft Entra ID access tokens, verified against the tenant's JWKS. */
  | { readonly mode: "entra"; readonly jwksUrl: string; readonly audience: string; readonly issuer: string }
  /** A local ES256 key kept in DATA_DIR; POST /v1/dev/token signs tokens with it. */
  | { readonly mode: "dev"; readonly audience: string; readonly issuer: string };

export type ServiceConfig = {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  /** PostgreSQL when set; SQLite in dataDir otherwise. */
  readonly databaseUrl: string | undefined;
  /** PostgreSQL schema (search_path) to keep the tables in. @default "public" */
  readonly databaseSchema: string;
  readonly databasePoolSize: number;
  /** The deployment's token settings (only the token fields matter to the service). */
  readonly settings: Settings;
  /** TRACKING_ENABLED: whether the add-in stamps at all (docs/SERVICE-API.md, deployment). */
  readonly trackingEnabled: boolean;
  /** OFFLINE_RESERVE_SIZE: numbers a device holds for offline use (docs/NUMBERING.md). */
  readonly offlineReserveSize: number;
  readonly auth: AuthConfig;
  /** What GET /v1/sign-in tells the add-in to ask Entra ID for; null: the add-in uses Office's legacy SSO. */
  readonly signIn: SignInConfig | null;
  readonly addinOrigins: readonly string[];
  readonly rateLimitPerMinute: number;
  /** Requests per minute per client address, counted before the token is checked. */
  readonly rateLimitPerAddressPerMinute: number;
  readonly bodyLimitBytes: number;
  /** May the store be created when it does not exist yet (first run)? Otherwise a missing store stops the start. */
  readonly createDatabase: boolean;
  /** How far a recorded activity's sentAt may be from the service's clock (docs/SERVICE.md, Input rules). */
  readonly sentAtWindow: SentAtWindow;
  readonly logLevel: string;
  readonly trustProxy: boolean;
};

/** Offline numbers per reserve unless OFFLINE_RESERVE_SIZE says otherwise (capped by counter digits). */
export const DEFAULT_RESERVE_SIZE = 50;
export type SentAtWindow = { readonly aheadMs: number; readonly behindMs: number };

export const DEV_AUDIENCE = "api://tracking-tokens-dev";
export const DEV_ISSUER = "urn:tracking-tokens:dev";
/** What the playground's MSAL asks its host bridge for: the bridge answers with development tokens. */
export const DEV_SIGN_IN: SignInConfig = { clientId: "tracking-tokens-dev", scope: `${DEV_AUDIENCE}/access_as_user` };

const DEFAULTS = {
  host: "127.0.0.1",
  port: 3002,
  dataDir: "./.service-data",
  addinOrigins: ["https://localhost:3000", "https://localhost:3001"],
  rateLimitPerMinute: 600,
  rateLimitPerAddressPerMinute: 3000,
  bodyLimitBytes: LARGEST_VALID_BODY_BYTES,
  sentAtAheadMinutes: 24 * 60,
  databasePoolSize: 10,
} as const;

/** Env variable for each token setting, so a settings error can name what the operator typed. */
const SETTING_VARIABLES: Readonly<Record<string, string>> = {
  prefix: "TOKEN_PREFIX",
  prefixHistory: "TOKEN_PREFIX_HISTORY",
  userDigits: "USER_DIGITS",
  counterDigits: "COUNTER_DIGITS",
  deploymentBase: "DEPLOYMENT_BASE",
  activeDays: "ACTIVE_DAYS",
};

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

type Env = Readonly<Record<string, string | undefined>>;
type Problem = { variable: string; message: string };

/** Reads and checks the whole environment; throws ConfigError listing every problem at once. */
export function loadConfig(env: Env, cwd: string = process.cwd()): ServiceConfig {
  const problems: Problem[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === "" ? undefined : value;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
      problems.push({ variable: name, message: `must be a whole number from ${min} to ${max}; got "${raw}".` });
      return fallback;
    }
    return value;
  };

  const settings = readSettings(env, problems);
  const host = text("HOST") ?? DEFAULTS.host;
  const port = integer("PORT", DEFAULTS.port, 0, 65535);
  const dataDir = path.resolve(cwd, text("DATA_DIR") ?? DEFAULTS.dataDir);
  const databaseUrl = text("DATABASE_URL");
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push({ variable: "DATABASE_URL", message: "must be a postgres:// or postgresql:// URL (leave it unset for the embedded SQLite store)." });
  }
  const databaseSchema = text("DATABASE_SCHEMA") ?? "public";
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(databaseSchema)) {
    problems.push({ variable: "DATABASE_SCHEMA", message: `must be a lower-case SQL identifier (letters, digits, _); got "${databaseSchema}".` });
  }

  const addinOrigins = (text("ADDIN_ORIGINS")?.split(",") ?? [...DEFAULTS.addinOrigins]).map((o) => o.trim()).filter((o) => o !== "");
  for (const origin of addinOrigins) {
    if (!isOrigin(origin)) problems.push({ variable: "ADDIN_ORIGINS", message: `"${origin}" is not an origin like https://addin.example.com (scheme, host and port only, no path).` });
  }

  const trustProxy = readFlag("TRUST_PROXY", text("TRUST_PROXY"), problems) ?? false;
  const auth = readAuth(text, host, trustProxy, problems);
  const config: ServiceConfig = {
    host,
    port,
    dataDir,
    databaseUrl,
    databaseSchema,
    databasePoolSize: integer("DATABASE_POOL_SIZE", DEFAULTS.databasePoolSize, 1, 1000),
    settings,
    trackingEnabled: readFlag("TRACKING_ENABLED", text("TRACKING_ENABLED"), problems) ?? true,
    offlineReserveSize: integer("OFFLINE_RESERVE_SIZE", Math.min(DEFAULT_RESERVE_SIZE, 10 ** settings.counterDigits - 1), 1, 10 ** settings.counterDigits - 1),
    auth,
    signIn: readSignIn(text, auth, problems),
    addinOrigins,
    rateLimitPerMinute: integer("RATE_LIMIT_PER_MINUTE", DEFAULTS.rateLimitPerMinute, 1, 100_000_000),
    rateLimitPerAddressPerMinute: integer("RATE_LIMIT_PER_ADDRESS_PER_MINUTE", DEFAULTS.rateLimitPerAddressPerMinute, 1, 100_000_000),
    // Below the largest valid body, documented limits (docs/SERVICE-API.md) could not be reached.
    bodyLimitBytes: integer("BODY_LIMIT_BYTES", DEFAULTS.bodyLimitBytes, LARGEST_VALID_BODY_BYTES, 64 * 1024 * 1024),
    createDatabase: readFlag("CREATE_DATABASE", text("CREATE_DATABASE"), problems) ?? false,
    sentAtWindow: {
      aheadMs: integer("SENT_AT_MAX_AHEAD_MINUTES", DEFAULTS.sentAtAheadMinutes, 1, 7 * 24 * 60) * MINUTE_MS,
      behindMs: integer("SENT_AT_MAX_AGE_DAYS", settings.activeDays, 1, 3650) * DAY_MS,
    },
    logLevel: readLogLevel(text("LOG_LEVEL"), problems),
    trustProxy,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function readSettings(env: Env, problems: Problem[]): Settings {
  const candidate: Record<string, unknown> = {};
  const raw = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === "" ? undefined : value;
  };
  const prefix = raw("TOKEN_PREFIX");
  if (prefix !== undefined) candidate["prefix"] = prefix;
  const history = raw("TOKEN_PREFIX_HISTORY");
  if (history !== undefined) candidate["prefixHistory"] = history.split(",").map((p) => p.trim()).filter((p) => p !== "");
  for (const field of ["userDigits", "counterDigits", "deploymentBase", "activeDays"] as const) {
    const value = raw(SETTING_VARIABLES[field] ?? field);
    // A non-number is passed on as text, so validateSettings reports exactly what was typed.
    if (value !== undefined) candidate[field] = /^-?\d+$/.test(value) ? Number(value) : value;
  }
  const result = validateSettings(candidate);
  if (result.ok) return result.settings;
  for (const error of result.errors) {
    const base = error.field.replace(/\[\d+\]$/, "");
    problems.push({ variable: SETTING_VARIABLES[base] ?? error.field, message: englishProblem(error.problem) });
  }
  return DEFAULT_SETTINGS;
}

/**
 * Development keys are safe only where nobody else can reach the service: loopback, no proxy in
 * front (a proxy makes every remote caller look local), and never beside a real identity provider.
 */
function readAuth(text: (name: string) => string | undefined, host: string, trustProxy: boolean, problems: Problem[]): AuthConfig {
  const devFlag = readFlag("SERVICE_DEV_AUTH", text("SERVICE_DEV_AUTH"), problems);
  const jwksUrl = text("AUTH_JWKS_URL");
  const dev: AuthConfig = { mode: "dev", audience: DEV_AUDIENCE, issuer: DEV_ISSUER };
  if (devFlag === true && jwksUrl !== undefined) {
    problems.push({ variable: "SERVICE_DEV_AUTH", message: "=1 and AUTH_JWKS_URL are both set: choose one. Unset SERVICE_DEV_AUTH for Entra ID sign-in, or unset AUTH_JWKS_URL for development keys." });
    return dev;
  }
  if (jwksUrl === undefined) {
    if (devFlag === false) {
      problems.push({ variable: "AUTH_JWKS_URL", message: "is required when SERVICE_DEV_AUTH=0 (e.g. https://login.microsoftonline.com/<tenant-id>/discovery/v2.0/keys)." });
    } else if (!isLoopback(host)) {
      problems.push({
        variable: "AUTH_JWKS_URL",
        message: `is required when the service listens on ${host} (HOST, not loopback): development sign-in would let anyone who reaches it sign in as anyone. Set AUTH_JWKS_URL with AUTH_AUDIENCE and AUTH_ISSUER, or HOST=127.0.0.1.`,
      });
    } else if (trustProxy) {
      problems.push({
        variable: "AUTH_JWKS_URL",
        message: "is required with TRUST_PROXY=1: behind a proxy remote callers reach the loopback address, so development sign-in is refused. Set AUTH_JWKS_URL with AUTH_AUDIENCE and AUTH_ISSUER, or TRUST_PROXY=0.",
      });
    }
    return dev;
  }
  if (!/^https:\/\//.test(jwksUrl)) problems.push({ variable: "AUTH_JWKS_URL", message: `must be an https:// URL; got "${jwksUrl}".` });
  const audience = text("AUTH_AUDIENCE");
  const issuer = text("AUTH_ISSUER");
  if (audience === undefined) problems.push({ variable: "AUTH_AUDIENCE", message: "is required with AUTH_JWKS_URL: the Application ID URI or client ID of the service's app registration (e.g. api://<client-id>)." });
  if (issuer === undefined) problems.push({ variable: "AUTH_ISSUER", message: "is required with AUTH_JWKS_URL: e.g. https://login.microsoftonline.com/<tenant-id>/v2.0." });
  return { mode: "entra", jwksUrl, audience: audience ?? "", issuer: issuer ?? "" };
}

/**
 * SIGN_IN_CLIENT_ID and SIGN_IN_SCOPE (docs/DEPLOY.md, step 1): with both, the panes sign in with
 * nested app authentication; with neither, Office's legacy SSO. Development keys have their own.
 */
function readSignIn(text: (name: string) => string | undefined, auth: AuthConfig, problems: Problem[]): SignInConfig | null {
  const clientId = text("SIGN_IN_CLIENT_ID");
  const scope = text("SIGN_IN_SCOPE");
  if (clientId === undefined && scope === undefined) return auth.mode === "dev" ? DEV_SIGN_IN : null;
  if (clientId === undefined || scope === undefined) {
    const missing = clientId === undefined ? "SIGN_IN_CLIENT_ID" : "SIGN_IN_SCOPE";
    problems.push({ variable: missing, message: "is required with the other SIGN_IN_ variable: set SIGN_IN_CLIENT_ID to the app registration's client ID and SIGN_IN_SCOPE to its API scope (api://<add-in host>/<client-id>/access_as_user), or neither." });
    return null;
  }
  if (!/^[^\s]+\/[^\s/]+$/.test(scope) || !scope.includes("://")) {
    problems.push({ variable: "SIGN_IN_SCOPE", message: `must be the service's API scope, like api://addin.contoso.com/<client-id>/access_as_user; got "${scope}".` });
  }
  return { clientId, scope };
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

function readLogLevel(value: string | undefined, problems: Problem[]): string {
  if (value === undefined) return "info";
  if (LOG_LEVELS.includes(value)) return value;
  problems.push({ variable: "LOG_LEVEL", message: `must be one of ${LOG_LEVELS.join(", ")}; got "${value}".` });
  return "info";
}

function readFlag(variable: string, value: string | undefined, problems: Problem[]): boolean | undefined {
  if (value === undefined) return undefined;
  if (["1", "true", "yes", "on"].includes(value.toLowerCase())) return true;
  if (["0", "false", "no", "off"].includes(value.toLowerCase())) return false;
  problems.push({ variable, message: `must be 1 or 0; got "${value}".` });
  return undefined;
}

export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value;
  } catch {
    return false;
  }
}
