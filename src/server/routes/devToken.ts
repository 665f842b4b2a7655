/** POST /v1/dev/token: development sign-in, registered only when dev auth is on. */
import type { FastifyPluginAsync } from "fastify";
import type { DevTokenIssuer } from "../devAuth";
import { ForbiddenError } from "../errors";
import { devTokenBody } from "../schemas";

type DevTokenBody = { mailbox: string; name?: string };

/** Host names a page on this machine uses for the service; anything else is another site's name for it. */
const LOOPBACK_HOST = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(:\d{1,5})?$/i;

export function devTokenRoutes(issuer: DevTokenIssuer): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Body: DevTokenBody }>(
      "/dev/token",
      {
        // DNS rebinding: a web page's own host name resolved to 127.0.0.1 reaches this route with
        // that name in Host. Only loopback names may mint tokens.
        onRequest: async (request) => {
          const host = request.headers.host ?? "";
          if (!LOOPBACK_HOST.test(host)) {
            throw new ForbiddenError(`Development sign-in answers only requests to localhost or 127.0.0.1; this one was sent to ${JSON.stringify(host)}.`, "host");
          }
        },
        schema: {
          body: devTokenBody,
          response: { 200: { type: "object", properties: { accessToken: { type: "string" }, expiresIn: { type: "integer" } } } },
        },
      },
      async (request) => issuer.issue(request.body.mailbox, request.body.name ?? null),
    );
  };
}
