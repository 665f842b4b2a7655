/**
 * POST /v1/activities records a sent mail, idempotently by token; GET /v1/activities/:token
 * resolves a token for any member of the deployment (that is how a colleague's read pane says who
 * sent the original).
 */
import type { FastifyPluginAsync } from "fastify";
import { asciiLowerCase, matchableSubject } from "../../core";
import type { Designator } from "../../core";
import { activityView } from "../activityView";
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { activityBody, activityReply, tokenParams } from "../schemas";
import type { SentAtWindow } from "../config";
import type { ActivityRecord } from "../store/types";
import { requireToken } from "../tokenInput";
import { callerOf } from "./context";
import type { RouteContext } from "./context";

type ActivityBody = {
  token: string;
  subject: string;
  to: string[];
  cc: string[];
  sentAt: string;
  designator: Designator;
  draftKey?: string;
};

export function activityRoutes({ store, users, settings, clock, activeWindowMs, sentAtWindow }: RouteContext): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Body: ActivityBody }>(
      "/activities",
      {
        schema: {
          body: activityBody,
          response: {
            200: { type: "object", properties: { stored: { type: "boolean" }, duplicate: { type: "boolean" } } },
            201: { type: "object", properties: { stored: { type: "boolean" } } },
          },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const body = request.body;
        const token = requireToken(body.token, settings);
        if (token.designator !== body.designator) {
          throw new BadRequestError("designator", `designator is ${body.designator} but the token's designator digit is ${token.designator}; they must agree.`);
        }
        const userNumber = await users.userNumber(caller);
        if (token.user !== userNumber) {
          throw new ForbiddenError(
            `The token ${body.token} belongs to user number ${token.user}, and you are user number ${userNumber}: a caller records only its own activities.`,
            "token",
          );
        }
        const sentAt = Date.parse(body.sentAt);
        if (Number.isNaN(sentAt)) throw new BadRequestError("sentAt", `sentAt ${JSON.stringify(body.sentAt)} is not a date-time.`);
        requireSentAtNear(sentAt, body.sentAt, clock(), sentAtWindow);
        const record: ActivityRecord = {
          token: body.token,
          tokenKey: asciiLowerCase(body.token),
          designator: token.designator,
          user: token.user,
          counter: token.counter,
          subject: body.subject,
          subjectKey: matchableSubject(body.subject, settings),
          to: body.to,
          cc: body.cc,
          sentAt,
          draftKey: body.draftKey ?? null,
          senderKey: caller.key,
          sender: caller.mailbox,
          senderName: caller.name,
        };
        const outcome = await store.recordActivity(record, activeWindowMs, clock());
        switch (outcome.kind) {
          case "stored":
            return reply.code(201).send({ stored: true });
          case "duplicate":
            return reply.code(200).send({ stored: false, duplicate: true });
          case "conflict":
            throw new ConflictError(
              `The token ${body.token} already names another activity (sent ${new Date(outcome.existing.sentAt).toISOString()}, ` +
                `subject ${JSON.stringify(outcome.existing.subject)}); a recorded activity is never overwritten. Stamp this mail with a new token.`,
              "token",
            );
        }
      },
    );

    app.get<{ Params: { token: string } }>(
      "/activities/:token",
      { schema: { params: tokenParams, response: { 200: { type: "object", properties: { activity: activityReply } } } } },
      async (request) => {
        requireToken(request.params.token, settings);
        const [activity] = await store.activitiesByToken([asciiLowerCase(request.params.token)]);
        if (activity === undefined) throw new NotFoundError(`No activity is recorded for ${request.params.token}.`);
        return { activity: activityView(activity) };
      },
    );
  };
}

/**
 * A sentAt far from the service's clock is refused: smart matching prefers the newest record, so a
 * record dated in year 9999 would answer every colleague's mail with that subject.
 */
function requireSentAtNear(sentAt: number, text: string, now: number, window: SentAtWindow): void {
  const span = (ms: number): string => (ms % 86_400_000 === 0 ? `${ms / 86_400_000} days` : `${Math.round(ms / 60_000)} minutes`);
  if (sentAt > now + window.aheadMs) {
    throw new BadRequestError(
      "sentAt",
      `sentAt ${text} is more than ${span(window.aheadMs)} ahead of the service's clock (${new Date(now).toISOString()}); check the device's date and time.`,
      "sent-at-out-of-range",
    );
  }
  if (sentAt < now - window.behindMs) {
    throw new BadRequestError(
      "sentAt",
      `sentAt ${text} is more than ${span(window.behindMs)} before the service's clock (${new Date(now).toISOString()}): the service keeps activities that old only from their first sync.`,
      "sent-at-out-of-range",
    );
  }
}
