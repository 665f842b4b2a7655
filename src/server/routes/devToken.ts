/** POST /v1/dev/token: development sign-in, registered only when dev auth is on. */
import type { ContractRoutes } from "./typeProvider";
import type { DevTokenIssuer } from "../devAuth";
import { ForbiddenError } from "../errors";
import { ROUTES } from "../../contract";

/** Host names a page on this machine uses for the service; anything else is another site's name for it. */
const LOOPBACK_HOST = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])(:\d{1,5})?$/i;

/** True for a Host header that names this machine (the dev routes answer only those). */
export function isLoopbackHost(host: string | undefined): boolean {
  return LOOPBACK_HOST.test(host ?? "");
}

export function devTokenRoutes(issuer: DevTokenIssuer): ContractRoutes {
  return async (app) => {
    app.post(
      ROUTES.devToken.url,
      {
        // DNS rebinding: a web page's own host name resolved to 127.0.0.1 reaches this route with
        // that name in Host. Only loopback names may mint tokens.
        onRequest: async (request) => {
          const host = request.headers.host ?? "";
          if (!isLoopbackHost(host)) {
            throw new ForbiddenError(`Development sign-in answers only requests to localhost or 127.0.0.1; this one was sent to ${JSON.stringify(host)}.`, "host");
          }
        },
        schema: ROUTES.devToken.schema,
      },
      async (request) => issuer.issue(request.body.mailbox, request.body.name ?? null),
    );
  };
}
