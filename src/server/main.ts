/**
 * `npm run service`: runs the tracking service alone. Reads the environment (config.ts), opens
 * the store, listens, and on SIGTERM/SIGINT stops taking requests, finishes those in flight and
 * closes the store. An invalid environment is reported variable by variable, with exit code 1.
 * A missing database is created only on the first run, asked for with `--init` or
 * CREATE_DATABASE=1 (docs/SERVICE.md, First run); otherwise the service refuses to start.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildApp } from "./app";
import { jwksVerifier } from "./auth";
import type { TokenVerifier } from "./auth";
import { loadConfig } from "./config";
import type { ServiceConfig } from "./config";
import { loadDevAuthority } from "./devAuth";
import type { DevTokenIssuer } from "./devAuth";
import { ConfigError, StoreMissingError } from "./errors";
import { openStore } from "./store";

async function main(): Promise<void> {
  let config: ServiceConfig;
  try {
    const init = process.argv.slice(2).includes("--init");
    config = loadConfig(init ? { ...process.env, CREATE_DATABASE: "1" } : process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  let store;
  try {
    store = await openStore(config);
  } catch (error) {
    if (error instanceof StoreMissingError) {
      console.error(`Tracking service: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const clock = Date.now;
  let verifier: TokenVerifier;
  let devTokens: DevTokenIssuer | undefined;
  if (config.auth.mode === "dev") {
    const dev = await loadDevAuthority({ dataDir: config.dataDir, audience: config.auth.audience, issuer: config.auth.issuer, clock });
    verifier = dev.verifier;
    devTokens = dev.issuer;
  } else {
    verifier = jwksVerifier(config.auth.jwksUrl, { audience: config.auth.audience, issuer: config.auth.issuer, clock });
  }

  const app = await buildApp({
    store,
    verifier,
    ...(devTokens === undefined ? {} : { devTokens }),
    signIn: config.signIn,
    settings: config.settings,
    trackingEnabled: config.trackingEnabled,
    offlineReserveSize: config.offlineReserveSize,
    clock,
    addinOrigins: config.addinOrigins,
    rateLimitPerMinute: config.rateLimitPerMinute,
    rateLimitPerAddressPerMinute: config.rateLimitPerAddressPerMinute,
    bodyLimitBytes: config.bodyLimitBytes,
    sentAtWindow: config.sentAtWindow,
    logger: config.logLevel === "silent" ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    version: packageVersion(),
  });

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`Tracking service: ${signal}, finishing requests in flight`);
    app
      .close()
      .then(() => store.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  const address = await app.listen({ host: config.host, port: config.port });
  const storage = store.kind === "sqlite" ? `sqlite in ${config.dataDir}` : "postgres";
  const auth = config.auth.mode === "dev" ? "development keys (POST /v1/dev/token)" : `Entra ID (${config.auth.issuer})`;
  // Tests and scripts read this line to find the port when PORT=0.
  console.log(`Tracking service listening on ${address} (storage: ${storage}; auth: ${auth})`);
}

function packageVersion(): string {
  try {
    const file = path.resolve(__dirname, "../../package.json");
    return (JSON.parse(readFileSync(file, "utf8")) as { version?: string }).version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

main().catch((error: unknown) => {
  console.error("Tracking service failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
