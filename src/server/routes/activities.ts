/**
 * POST /v1/activities records an activity (issued at stamp, or sent), idempotently by token;
 * POST /v1/activities/:token/sent finalizes the caller's own activity with the mail as it went
 * (docs/DESIGN.md §5); GET /v1/activities/:token resolves a token for any member of the deployment (that is
 * how a colleague's read pane says who sent the original), and says so when it was never sent.
 */
import type { ContractRoutes } from "./typeProvider";
import { asciiLowerCase, matchableSubject } from "../../core";
import { activityView } from "../activityView";
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { ROUTES } from "../../contract";
import type { SentBody } from "../../contract";
import type { SentAtWindow } from "../config";
import type { ActivityRecord } from "../store/types";
import type { Caller } from "../auth";
import type { UserDirectory } from "../userDirectory";
import { requireToken } from "../tokenInput";
import { callerOf } from "./context";
import type { RouteContext } from "./context";

export function activityRoutes({ store, users, settings, clock, activeWindowMs, sentAtWindow }: RouteContext): ContractRoutes {
  /** An offline number the device issued on its own (its reserve ran out), first heard of here: later reserves start above it (docs/NUMBERING.md). */
  const noteOfflineNumber = async (record: ActivityRecord): Promise<void> => {
    if (record.designator === 1) await store.noteOfflineCounter(record.user, record.counter, clock() - activeWindowMs, clock());
  };
  return async (app) => {
    app.post(
      ROUTES.recordActivity.url,
      { schema: ROUTES.recordActivity.schema },
      async (request, reply) => {
        const body = request.body;
        const record = await ownRecord(callerOf(request), body.token, body, body.status ?? "sent", { settings, users, now: clock(), sentAtWindow });
        const outcome = await store.recordActivity(record, activeWindowMs, clock());
        switch (outcome.kind) {
          case "stored":
            await noteOfflineNumber(record);
            return reply.code(201).send({ stored: true });
          case "duplicate":
            return reply.code(200).send({ stored: false, duplicate: true });
          case "conflict":
            throw new ConflictError(
              `The token ${body.token} already names another activity (sent ${new Date(outcome.existing.sentAt).toISOString()}, ` +
                `subject ${JSON.stringify(outcome.existing.subject)}); a recorded activity is never overwritten. Stamp this mail with a new token.`,
              "token",
              activityView(outcome.existing),
            );
        }
      },
    );

    app.post(
      ROUTES.finalizeActivity.url,
      { schema: ROUTES.finalizeActivity.schema },
      async (request, reply) => {
        const token = request.params.token;
        const sent = await ownRecord(callerOf(request), token, request.body, "sent", { settings, users, now: clock(), sentAtWindow });
        const outcome = await store.finalizeActivity(sent, activeWindowMs, clock());
        switch (outcome.kind) {
          case "finalized":
            return reply.code(200).send({ finalized: true });
          case "stored":
            await noteOfflineNumber(sent);
            return reply.code(201).send({ finalized: true });
          case "unchanged":
            return reply.code(200).send({ finalized: false, unchanged: true });
          case "forbidden":
            throw new ForbiddenError(`The activity ${token} was recorded by someone else: only its own sender may mark it sent.`, "token");
          case "conflict":
            throw new ConflictError(
              `The activity ${token} was already sent (${new Date(outcome.existing.sentAt).toISOString()}, subject ${JSON.stringify(outcome.existing.subject)}); ` +
                "a sent activity is never overwritten. Stamp this mail with a new token.",
              "token",
              activityView(outcome.existing),
            );
        }
      },
    );

    app.get(
      ROUTES.activity.url,
      { schema: ROUTES.activity.schema },
      async (request) => {
        requireToken(request.params.token, settings);
        const holders = await store.activitiesByToken([asciiLowerCase(request.params.token)]);
        const sent = holders.find((a) => a.status === "sent");
        if (sent !== undefined) return { status: "sent", activity: activityView(sent) };
        const issued = holders[0];
        if (issued === undefined) throw new NotFoundError(`No activity is recorded for ${request.params.token}.`);
        // Stamped on a draft that was not sent (yet): what the draft said is nobody else's business.
        return { status: "issued", token: issued.token };
      },
    );
  };
}

/** The caller's record of `text`: the token must be one of ours, agree with `designator`, and carry the caller's user number (else 403). */
async function ownRecord(
  caller: Caller,
  text: string,
  body: SentBody,
  status: "issued" | "sent",
  { settings, users, now, sentAtWindow }: { settings: RouteContext["settings"]; users: UserDirectory; now: number; sentAtWindow: SentAtWindow },
): Promise<ActivityRecord> {
  const token = requireToken(text, settings);
  if (token.designator !== body.designator) {
    throw new BadRequestError("designator", `designator is ${body.designator} but the token's designator digit is ${token.designator}; they must agree.`);
  }
  const userNumber = await users.userNumber(caller);
  if (token.user !== userNumber) {
    throw new ForbiddenError(
      `The token ${text} belongs to user number ${token.user}, and you are user number ${userNumber}: a caller records only its own activities.`,
      "token",
    );
  }
  const sentAt = Date.parse(body.sentAt);
  if (Number.isNaN(sentAt)) throw new BadRequestError("sentAt", `sentAt ${JSON.stringify(body.sentAt)} is not a date-time.`);
  requireSentAtNear(sentAt, body.sentAt, now, sentAtWindow);
  return {
    token: text,
    tokenKey: asciiLowerCase(text),
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
    status,
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
