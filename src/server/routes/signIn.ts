/** GET /v1/sign-in: what the add-in asks Entra ID for (docs/SERVICE-API.md). No token: it is asked before there is one. */
import type { ContractRoutes } from "./typeProvider";
import type { SignInConfig } from "../../core";
import { ROUTES } from "../../contract";
import { NotFoundError } from "../errors";

export function signInRoutes(signIn: SignInConfig | null): ContractRoutes {
  return async (app) => {
    app.get(ROUTES.signIn.url, { schema: ROUTES.signIn.schema }, async () => {
      if (signIn === null) {
        throw new NotFoundError("This tracking service names no app registration for nested app authentication (SIGN_IN_CLIENT_ID, SIGN_IN_SCOPE): the add-in uses Office's single sign-on.");
      }
      return signIn;
    });
  };
}
