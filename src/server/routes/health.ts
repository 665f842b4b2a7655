import type { FastifyPluginAsync } from "fastify";
import type { StorageKind } from "../store/types";

export function healthRoutes(storage: StorageKind, version: string): FastifyPluginAsync {
  return async (app) => {
    const reply = { status: "ok", storage, version } as const;
    app.get(
      "/health",
      {
        config: { rateLimit: false },
        schema: { response: { 200: { type: "object", properties: { status: { type: "string" }, storage: { type: "string" }, version: { type: "string" } } } } },
      },
      async () => reply,
    );
  };
}
