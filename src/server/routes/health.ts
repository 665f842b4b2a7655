/**
 * Health for load balancers and the add-in (docs/SERVICE.md, Health checks):
 * - GET /v1/health/live: the process answers HTTP. Restart it when this fails.
 * - GET /v1/health/ready: the database answers a real query within a short deadline. Send it no
 *   traffic while this is 503 (storage-unavailable, with the reason).
 * - GET /v1/health: the same as ready, for callers written before the split (the add-in's ping).
 */
import type { ContractRoutes } from "./typeProvider";
import { ROUTES } from "../../contract";
import type { TrackingStore } from "../store/types";

export function healthRoutes(store: TrackingStore, version: string): ContractRoutes {
  return async (app) => {
    const ok = { status: "ok", storage: store.kind, version } as const;
    const config = { rateLimit: false } as const;
    app.get(ROUTES.healthLive.url, { config, schema: ROUTES.healthLive.schema }, async () => ok);
    const ready = async () => {
      // Rejects with StorageUnavailableError (503 storage-unavailable) saying what is wrong.
      await store.probe();
      return ok;
    };
    app.get(ROUTES.healthReady.url, { config, schema: ROUTES.healthReady.schema }, ready);
    app.get(ROUTES.health.url, { config, schema: ROUTES.health.schema }, ready);
  };
}
