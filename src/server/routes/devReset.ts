/**
 * POST /v1/dev/reset: the playground's "Reset playground" empties the service too. Registered only
 * with development sign-in, and answers only requests addressed to a loopback host name.
 */
import type { ContractRoutes } from "./typeProvider";
import { ForbiddenError } from "../errors";
import { ROUTES } from "../../contract";
import type { RouteContext } from "./context";
import { isLoopbackHost } from "./devToken";

export function devResetRoutes({ store, users }: RouteContext): ContractRoutes {
  return async (app) => {
    app.post(ROUTES.devReset.url, { schema: ROUTES.devReset.schema }, async (request, reply) => {
      // Like POST /v1/dev/token: a page whose own host name resolves to 127.0.0.1 must not reach it.
      const host = request.headers.host;
      if (!isLoopbackHost(host)) {
        throw new ForbiddenError(`Resetting the service is only for the local playground: call it on localhost, not ${JSON.stringify(host ?? "")}.`, "host");
      }
      await store.deleteAllData();
      users.forget();
      return reply.code(204).send();
    });
  };
}
