/** GET /v1/deployment: the team's settings, which the add-in shows read-only (docs/SERVICE-API.md). */
import type { ContractRoutes } from "./typeProvider";
import { ROUTES } from "../../contract";
import type { RouteContext } from "./context";

export function deploymentRoutes({ deployment }: RouteContext): ContractRoutes {
  return async (app) => {
    app.get(ROUTES.deployment.url, { schema: ROUTES.deployment.schema }, async () => deployment);
  };
}
