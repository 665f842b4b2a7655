/** POST /v1/counters/next: the caller's next counter, allocated atomically (docs/DESIGN.md §4). */
import type { ContractRoutes } from "./typeProvider";
import { formatToken } from "../../core";
import { NoFreeCounterError } from "../errors";
import { ROUTES } from "../../contract";
import { callerOf } from "./context";
import type { RouteContext } from "./context";

export function counterRoutes({ store, users, settings, clock, activeWindowMs }: RouteContext): ContractRoutes {
  return async (app) => {
    app.post(ROUTES.nextCounter.url, { schema: ROUTES.nextCounter.schema }, async (request) => {
        const user = await users.userNumber(callerOf(request));
        const now = clock();
        const next = await store.allocateCounter(user, settings, now - activeWindowMs, now);
        if (!next.ok) throw new NoFreeCounterError(next.reason);
        return { token: formatToken({ designator: 0, user, counter: next.counter }, settings), designator: 0 as const, user, counter: next.counter, wrapped: next.wrapped };
    });
  };
}
