/** POST /v1/dev/token: development sign-in, registered only when dev auth is on. */
import type { FastifyPluginAsync } from "fastify";
import type { DevTokenIssuer } from "../devAuth";
import { devTokenBody } from "../schemas";

type DevTokenBody = { mailbox: string; name?: string };

export function devTokenRoutes(issuer: DevTokenIssuer): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Body: DevTokenBody }>(
      "/dev/token",
      {
        schema: {
          body: devTokenBody,
          response: { 200: { type: "object", properties: { accessToken: { type: "string" }, expiresIn: { type: "integer" } } } },
        },
      },
      async (request) => issuer.issue(request.body.mailbox, request.body.name ?? null),
    );
  };
}
