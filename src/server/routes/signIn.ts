/** GET /v1/sign-in: what the add-in asks Entra ID for (docs/SERVICE-API.md). No token: it is asked before there is one. */
import type { FastifyPluginAsync } from "fastify";
import type { SignInConfig } from "../../core";
import { NotFoundError } from "../errors";

export function signInRoutes(signIn: SignInConfig | null): FastifyPluginAsync {
  return async (app) => {
    app.get(
      "/sign-in",
      { schema: { response: { 200: { type: "object", required: ["clientId", "scope"], properties: { clientId: { type: "string" }, scope: { type: "string" } } } } } },
      async () => {
        if (signIn === null) {
          throw new NotFoundError("This tracking service names no app registration for nested app authentication (SIGN_IN_CLIENT_ID, SIGN_IN_SCOPE): the add-in uses Office's single sign-on.");
        }
        return signIn;
      },
    );
  };
}
