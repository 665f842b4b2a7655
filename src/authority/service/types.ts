/**
 * The tracking service's answers, checked at the boundary against the contract's reply schemas
 * (src/contract, docs/SERVICE-API.md): a field the add-in relies on that is missing or of the wrong
 * type is a ServiceProtocolError, never a crash later. Extra fields are ignored, so a newer service
 * still works; fields a schema leaves optional get the add-in's defaults here.
 */
import { allocationReply, contractProblem, correlationReply, deploymentReply, healthReply, registerReply, reserveReply, signInReply, tokenLookupReply } from "../../contract";
import type { ActivityBody, ActivityView, CheckedSchema, RegisterBody, SentBody, Wire } from "../../contract";
import type { Deployment, SignInConfig } from "../../core";
import { ServiceProtocolError } from "./errors";

export type { Deployment } from "../../core";

/** POST /v1/reserves: counters for designator 1 handed to this device, inclusive ranges. */
export type Reserve = {
  readonly user: number;
  readonly ranges: readonly { readonly from: number; readonly to: number }[];
  readonly reserveSize: number;
};

/** POST /v1/users/me */
export type ServiceUser = {
  readonly mailbox: string;
  readonly ordinal: number;
  /** deploymentBase + ordinal: the USER part of the caller's tokens. */
  readonly userNumber: number;
  readonly deployment: Deployment;
  /** The highest counters the service issued to this user (designator 0, 1); null when none. */
  readonly highWater: { readonly online: number | null; readonly offline: number | null };
  /** What became of a claimed user number, when one was sent. */
  readonly claim?: { readonly claimed: number; readonly outcome: "kept" | "reassigned"; readonly message: string };
};

/** POST /v1/users/me: the body (the contract's). */
export type RegistrationRequest = RegisterBody;

/** POST /v1/counters/next */
export type Allocation = {
  readonly token: string;
  readonly designator: 0;
  readonly user: number;
  readonly counter: number;
  readonly wrapped: boolean;
};

/** POST /v1/activities: the body (the contract's). */
export type ActivityRequest = ActivityBody;

/** POST /v1/activities/:token/sent: the body, the mail as it went (the contract's). */
export type SentRecord = SentBody;

/** POST /v1/activities/:token/sent: 200 finalized or unchanged, 201 stored as sent. 403 another's, 409 sent differently. */
export type FinalizeResult = "finalized" | "unchanged";

/** GET /v1/activities/:token for a token stamped on a draft that was not sent (yet): nothing more is told. */
export type IssuedActivity = { readonly status: "issued"; readonly token: string };

/** POST /v1/activities: 201 stored, 200 the same record again. A conflict is a ServiceError (409). */
export type RecordResult = "stored" | "duplicate";

/** An activity as the service knows it: anyone in the deployment may read it. */
export type ServiceActivity = {
  readonly token: string;
  readonly subject: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  /** ms since epoch. */
  readonly sentAt: number;
  readonly designator: 0 | 1 | undefined;
  /** The sender's mailbox address. */
  readonly sender: string;
  /** The sender's display name, when the service knows it. */
  readonly senderName: string | undefined;
  readonly status: "sent";
};

/** POST /v1/correlate */
export type Correlation =
  | { readonly method: "token"; readonly activity: ServiceActivity }
  | { readonly method: "smart match"; readonly activity: ServiceActivity; readonly sharedAddresses: readonly string[] };

export type Health = { readonly status: string; readonly storage: string | undefined; readonly version: string | undefined };

/** The reply, when it follows the contract's schema; a ServiceProtocolError naming what is wrong otherwise. */
function checked<S extends CheckedSchema>(schema: S, value: unknown, what: string): Wire<S & object> {
  const problem = contractProblem(schema, value);
  if (problem !== undefined) throw new ServiceProtocolError(`The tracking service's ${what} breaks the contract: ${problem}.`);
  return value as Wire<S & object>;
}

// Defaults by destructuring: the schema has refused null already, and it stays small in the send handler's bundle.
export function parseServiceUser(value: unknown): ServiceUser {
  const { mailbox, ordinal, userNumber, deployment, highWater: { online = null, offline = null } = {}, claim } = checked(registerReply, value, "answer to users/me");
  return {
    highWater: { online, offline },
    ...(claim !== undefined ? { claim: { claimed: claim.claimed, outcome: claim.outcome, message: claim.message ?? "" } } : {}),
    mailbox,
    ordinal,
    userNumber,
    deployment: deploymentOf(deployment),
  };
}

/** GET /v1/deployment. */
export function parseDeployment(value: unknown): Deployment {
  return deploymentOf(checked(deploymentReply, value, "answer to deployment"));
}

function deploymentOf({ prefix, prefixHistory = [], userDigits, counterDigits, deploymentBase = 0, activeDays = 30, trackingEnabled = true, reserveSize = 50 }: Wire<typeof deploymentReply>): Deployment {
  return { prefix, prefixHistory, userDigits, counterDigits, deploymentBase, activeDays, trackingEnabled, reserveSize };
}

export function parseAllocation(value: unknown): Allocation {
  const { token, user, counter, wrapped = false } = checked(allocationReply, value, "answer to counters/next");
  return { token, designator: 0, user, counter, wrapped };
}

export function parseReserve(value: unknown): Reserve {
  const what = "answer to reserves";
  const body = checked(reserveReply, value, what);
  // Beyond what a schema says: a range runs upwards.
  if (!body.ranges.every((r) => r.from <= r.to)) throw new ServiceProtocolError(`The tracking service's ${what} has a range that runs downwards.`);
  return {
    user: body.user,
    ranges: body.ranges.map((r) => ({ from: r.from, to: r.to })),
    reserveSize: body.reserveSize ?? body.ranges.reduce((n, r) => n + r.to - r.from + 1, 0),
  };
}

function serviceActivity({ token, subject, to, cc = [], sentAt, designator, sender, senderName }: ActivityView, what: string): ServiceActivity {
  const time = Date.parse(sentAt);
  if (Number.isNaN(time)) throw new ServiceProtocolError(`The tracking service's ${what} has a "sentAt" that is not a time.`);
  return { token, subject, to, cc, sentAt: time, designator, sender, senderName: typeof senderName === "string" && senderName.trim() !== "" ? senderName : undefined, status: "sent" };
}

/** GET /v1/activities/:token: the sent activity, or word that it was stamped on a draft not sent (yet). */
export function parseTokenLookup(value: unknown): ServiceActivity | IssuedActivity {
  const what = "answer about a token";
  const body = checked(tokenLookupReply, value, what);
  if (body.status === "issued" && body.token !== undefined) return { status: "issued", token: body.token };
  if (body.activity === undefined) throw new ServiceProtocolError(`The tracking service's ${what} has no "activity".`);
  return serviceActivity(body.activity, what);
}

export function parseCorrelation(value: unknown): Correlation | null {
  const what = "answer to correlate";
  const match = checked(correlationReply, value, what).match;
  if (match === null || match === undefined) return null;
  const activity = serviceActivity(match.activity, what);
  return match.method === "token" ? { method: "token", activity } : { method: "smart match", activity, sharedAddresses: match.sharedAddresses ?? [] };
}

export function parseSignIn(value: unknown): SignInConfig {
  const body = checked(signInReply, value, "sign-in answer");
  return { clientId: body.clientId, scope: body.scope };
}

export function parseHealth(value: unknown): Health {
  const body = checked(healthReply, value, "health answer");
  return { status: body.status, storage: body.storage, version: body.version };
}
