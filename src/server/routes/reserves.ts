/**
 * POST /v1/reserves: offline numbers (designator 1) for one device, taken atomically from the
 * caller's offline counter while it is online, so two devices offline at once never collide
 * (docs/NUMBERING.md).
 */
import type { FastifyPluginAsync } from "fastify";
import { BadRequestError, CounterExhaustedError } from "../errors";
import { reserveBody, reserveReply } from "../schemas";
import { callerOf } from "./context";
import type { RouteContext } from "./context";

type ReserveBody = { device: string; size?: number };

export function reserveRoutes({ store, users, settings, clock, activeWindowMs, deployment }: RouteContext): FastifyPluginAsync {
  const reserveSize = deployment.reserveSize;
  return async (app) => {
    app.post<{ Body: ReserveBody }>("/reserves", { schema: { body: reserveBody, response: { 201: reserveReply } } }, async (request, reply) => {
      const size = request.body.size ?? reserveSize;
      if (size < 1 || size > reserveSize) {
        throw new BadRequestError("size", `size must be from 1 to ${reserveSize} (this deployment's reserve size); got ${size}.`);
      }
      const user = await users.userNumber(callerOf(request));
      const now = clock();
      const reserve = await store.allocateReserve(user, request.body.device, size, settings, now - activeWindowMs, now);
      if (!reserve.ok) {
        throw new CounterExhaustedError(
          `No offline number is free: every counter number (0-${10 ** settings.counterDigits - 1}) is held by a reserve or an offline activity of the last ` +
            `${settings.activeDays} days. Raise COUNTER_DIGITS for more numbers, or lower OFFLINE_RESERVE_SIZE.`,
        );
      }
      return reply.code(201).send({ designator: 1, user, ranges: reserve.ranges, reserveSize });
    });
  };
}
