/**
 * Health for load balancers and the add-in (docs/SERVICE.md, Health checks):
 * - GET /v1/health/live: the process answers HTTP. Restart it when this fails.
 * - GET /v1/health/ready: the database answers a real query within a short deadline. Send it no
 *   traffic while this is 503 (storage-unavailable, with the reason).
 * - GET /v1/health: the same as ready, for callers written before the split (the add-in's ping).
 */
import type { FastifyPluginAsync } from "fastify";
import type { TrackingStore } from "../store/types";

const healthReply = { type: "object", properties: { status: { type: "string" }, storage: { type: "string" }, version: { type: "string" } } } as const;

export function healthRoutes(store: TrackingStore, version: string): FastifyPluginAsync {
  return async (app) => {
    const ok = { status: "ok", storage: store.kind, version } as const;
    const route = { config: { rateLimit: false }, schema: { response: { 200: healthReply } } } as const;
    app.get("/health/live", route, async () => ok);
    const ready = async () => {
      // Rejects with StorageUnavailableError (503 storage-unavailable) saying what is wrong.
      await store.probe();
      return ok;
    };
    app.get("/health/ready", route, ready);
    app.get("/health", route, ready);
  };
}
