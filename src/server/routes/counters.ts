/** POST /v1/counters/next: the caller's next counter, allocated atomically (docs/DESIGN.md §4). */
import type { FastifyPluginAsync } from "fastify";
import { formatToken } from "../../core";
import { CounterExhaustedError } from "../errors";
import { emptyBody } from "../schemas";
import { callerOf } from "./context";
import type { RouteContext } from "./context";

export function counterRoutes({ store, users, settings, clock, activeWindowMs }: RouteContext): FastifyPluginAsync {
  return async (app) => {
    app.post(
      "/counters/next",
      {
        schema: {
          body: emptyBody,
          response: {
            200: {
              type: "object",
              properties: {
                token: { type: "string" },
                designator: { type: "integer" },
                user: { type: "integer" },
                counter: { type: "integer" },
                wrapped: { type: "boolean" },
              },
            },
          },
        },
      },
      async (request) => {
        const user = await users.userNumber(callerOf(request));
        const now = clock();
        const next = await store.allocateCounter(user, settings, now - activeWindowMs, now);
        if (!next.ok) throw new CounterExhaustedError(next.reason);
        return { token: formatToken({ designator: 0, user, counter: next.counter }, settings), designator: 0, user, counter: next.counter, wrapped: next.wrapped };
      },
    );
  };
}
