/** POST /v1/users/me: registers the caller on first call; the same ordinal ever after. */
import type { FastifyPluginAsync } from "fastify";
import { deploymentReply, emptyBody } from "../schemas";
import { callerOf } from "./context";
import type { RouteContext } from "./context";

export function userRoutes({ users, settings }: RouteContext): FastifyPluginAsync {
  const deployment = {
    prefix: settings.prefix,
    prefixHistory: settings.prefixHistory,
    userDigits: settings.userDigits,
    counterDigits: settings.counterDigits,
    deploymentBase: settings.deploymentBase,
    activeDays: settings.activeDays,
  };
  return async (app) => {
    app.post(
      "/users/me",
      {
        schema: {
          body: emptyBody,
          response: {
            200: {
              type: "object",
              properties: { mailbox: { type: "string" }, ordinal: { type: "integer" }, userNumber: { type: "integer" }, deployment: deploymentReply },
            },
          },
        },
      },
      async (request) => {
        const user = await users.register(callerOf(request));
        return { mailbox: user.mailbox, ordinal: user.ordinal, userNumber: user.userNumber, deployment };
      },
    );
  };
}
