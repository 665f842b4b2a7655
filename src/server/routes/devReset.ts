/**
 * POST /v1/dev/reset: the playground's "Reset playground" empties the service too. Registered only
 * with development sign-in, and answers only requests addressed to a loopback host name.
 */
import type { FastifyPluginAsync } from "fastify";
import { isLoopback } from "../config";
import { ForbiddenError } from "../errors";
import { emptyBody } from "../schemas";
import type { RouteContext } from "./context";

export function devResetRoutes({ store, users }: RouteContext): FastifyPluginAsync {
  return async (app) => {
    app.post("/dev/reset", { schema: { body: emptyBody } }, async (request, reply) => {
      if (!isLoopback(request.hostname)) {
        throw new ForbiddenError(`Resetting the service is only for the local playground: call it on localhost, not ${request.hostname}.`);
      }
      await store.deleteAllData();
      users.forget();
      return reply.code(204).send();
    });
  };
}
