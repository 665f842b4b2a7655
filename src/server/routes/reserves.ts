/**
 * POST /v1/reserves: offline numbers (designator 1) for one device, taken atomically from the
 * caller's offline counter while it is online, so two devices offline at once never collide
 * (docs/NUMBERING.md).
 */
import type { ContractRoutes } from "./typeProvider";
import { ROUTES } from "../../contract";
import { BadRequestError, NoFreeCounterError } from "../errors";
import { callerOf } from "./context";
import type { RouteContext } from "./context";

export function reserveRoutes({ store, users, settings, clock, activeWindowMs, deployment }: RouteContext): ContractRoutes {
  const reserveSize = deployment.reserveSize;
  return async (app) => {
    app.post(ROUTES.reserve.url, { schema: ROUTES.reserve.schema }, async (request, reply) => {
      const size = request.body.size ?? reserveSize;
      if (size < 1 || size > reserveSize) {
        throw new BadRequestError("size", `size must be from 1 to ${reserveSize} (this deployment's reserve size); got ${size}.`);
      }
      const user = await users.userNumber(callerOf(request));
      const now = clock();
      const reserve = await store.allocateReserve(user, request.body.device, size, settings, now - activeWindowMs, now);
      if (!reserve.ok) {
        throw new NoFreeCounterError(
          `No offline number is free: every counter number (0-${10 ** settings.counterDigits - 1}) is held by a reserve or an offline activity of the last ` +
            `${settings.activeDays} days. Raise COUNTER_DIGITS for more numbers, or lower OFFLINE_RESERVE_SIZE.`,
        );
      }
      return reply.code(201).send({ designator: 1, user, ranges: reserve.ranges, reserveSize });
    });
  };
}
