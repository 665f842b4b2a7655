/**
 * POST /v1/users/me: registers the caller on first call (with the user number it claims, when
 * free); the same ordinal ever after. Marks raise the counters above numbers the mailbox issued
 * on its own (docs/NUMBERING.md), and highWater lets it do the same when it goes back to standalone.
 */
import type { ContractRoutes } from "./typeProvider";
import { maxCounter } from "../../core";
import { BadRequestError } from "../errors";
import { ROUTES } from "../../contract";
import type { RegisterBody } from "../../contract";
import type { CounterMarks } from "../store/types";
import { callerOf } from "./context";
import type { RouteContext } from "./context";

export function userRoutes({ store, users, settings, clock, deployment }: RouteContext): ContractRoutes {
  const maxUserNumber = 10 ** settings.userDigits - 1;
  const max = maxCounter(settings);
  return async (app) => {
    app.post(
      ROUTES.register.url,
      { schema: ROUTES.register.schema },
      async (request) => {
        const caller = callerOf(request);
        const claimed = request.body.claim?.userNumber;
        if (claimed !== undefined && (claimed <= settings.deploymentBase || claimed > maxUserNumber)) {
          throw new BadRequestError(
            "claim.userNumber",
            `claim.userNumber ${claimed} is not a user number of this deployment: it must be from ${settings.deploymentBase + 1} (deployment base + 1) ` +
              `to ${maxUserNumber} (${settings.userDigits} user digits).`,
          );
        }
        const marks = readMarks(request.body.marks, max);
        const user = await users.register(caller, claimed);
        // Marks count in the number the mailbox used on its own: raising it (even when another
        // mailbox holds it) keeps that number's later tokens above the ones already sent.
        if (marks.online !== undefined || marks.offline !== undefined) await store.raiseCounters(claimed ?? user.userNumber, marks, clock());
        const reply = {
          mailbox: user.mailbox,
          ordinal: user.ordinal,
          userNumber: user.userNumber,
          deployment,
          highWater: await store.highWater(user.userNumber),
        };
        if (claimed === undefined) return reply;
        if (claimed === user.userNumber) return { ...reply, claim: { claimed, outcome: "kept" as const, message: `You keep user number ${claimed}.` } };
        const message = user.created
          ? `User number ${claimed} already belongs to another mailbox, so the tracking service made you user number ${user.userNumber}: ` +
            `your new tokens use ${user.userNumber}.`
          : `You are registered as user number ${user.userNumber}, not ${claimed}; your tokens use ${user.userNumber}.`;
        request.log.warn({ mailbox: user.mailbox, claimed, assigned: user.userNumber }, "claimed user number reassigned");
        return { ...reply, claim: { claimed, outcome: "reassigned" as const, message } };
      },
    );
  };
}

function readMarks(marks: RegisterBody["marks"], max: number): CounterMarks {
  const checked: { online?: number; offline?: number } = {};
  for (const kind of ["online", "offline"] as const) {
    const mark = marks?.[kind];
    if (mark === undefined) continue;
    if (mark < 0 || mark > max) throw new BadRequestError(`marks.${kind}`, `marks.${kind} must be a counter from 0 to ${max}; got ${mark}.`);
    checked[kind] = mark;
  }
  return checked;
}
