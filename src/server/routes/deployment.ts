/** GET /v1/deployment: the team's settings, which the add-in shows read-only (docs/SERVICE-API.md). */
import type { FastifyPluginAsync } from "fastify";
import { deploymentReply } from "../schemas";
import type { RouteContext } from "./context";

export function deploymentRoutes({ deployment }: RouteContext): FastifyPluginAsync {
  return async (app) => {
    app.get("/deployment", { schema: { response: { 200: deploymentReply } } }, async () => deployment);
  };
}
