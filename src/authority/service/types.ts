/**
 * The tracking service's answers (docs/SERVICE-API.md), checked at the boundary: a field the add-in
 * relies on that is missing or of the wrong type is a ServiceProtocolError, never a crash later.
 * Extra fields are ignored, so a newer service still works.
 */
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

/** POST /v1/users/me: the body. A mailbox that numbered on its own claims its number and sends its marks (docs/NUMBERING.md). */
export type RegistrationRequest = {
  readonly claim?: { readonly userNumber: number };
  readonly marks?: { readonly online?: number; readonly offline?: number };
};

/** POST /v1/counters/next */
export type Allocation = {
  readonly token: string;
  readonly designator: 0;
  readonly user: number;
  readonly counter: number;
  readonly wrapped: boolean;
};

/** POST /v1/activities: the body. */
export type ActivityRecord = {
  readonly token: string;
  readonly subject: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  /** ISO 8601. */
  readonly sentAt: string;
  readonly designator: 0 | 1;
  readonly draftKey?: string;
  /** "issued" at stamp time; absent means "sent" (add-ins before activity lives). */
  readonly status?: "issued" | "sent";
};

/** POST /v1/activities/:token/sent: the body, the mail as it went. */
export type SentRecord = Omit<ActivityRecord, "token" | "status">;

/** POST /v1/activities/:token/sent: 200 finalized or unchanged, 201 stored as sent. 403 another's, 409 sent differently. */
export type FinalizeResult = "finalized" | "unchanged";

/** GET /v1/activities/:token for a token stamped on a draft that was not sent (yet): nothing more is told. */
export type IssuedActivity = { readonly status: "issued"; readonly token: string };

/** POST /v1/activities: 201 stored, 200 the same record again. A conflict is a ServiceError (409). */
export type RecordOutcome = "stored" | "duplicate";

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

type Json = Record<string, unknown>;

function object(value: unknown, what: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ServiceProtocolError(`The tracking service's ${what} is not a JSON object.`);
  return value as Json;
}

function field<T>(body: Json, name: string, what: string, check: (v: unknown) => v is T, expected: string): T {
  const value = body[name];
  if (!check(value)) throw new ServiceProtocolError(`The tracking service's ${what} has no valid "${name}" (expected ${expected}).`);
  return value;
}

const isString = (v: unknown): v is string => typeof v === "string";
const isWhole = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
const isBoolean = (v: unknown): v is boolean => typeof v === "boolean";
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

export function parseServiceUser(value: unknown): ServiceUser {
  const what = "answer to users/me";
  const body = object(value, what);
  const high = typeof body["highWater"] === "object" && body["highWater"] !== null ? (body["highWater"] as Json) : {};
  const mark = (v: unknown): number | null => (isWhole(v) ? v : null);
  const claim = typeof body["claim"] === "object" && body["claim"] !== null ? (body["claim"] as Json) : undefined;
  return {
    highWater: { online: mark(high["online"]), offline: mark(high["offline"]) },
    ...(claim !== undefined && isWhole(claim["claimed"]) && (claim["outcome"] === "kept" || claim["outcome"] === "reassigned")
      ? { claim: { claimed: claim["claimed"], outcome: claim["outcome"], message: isString(claim["message"]) ? claim["message"] : "" } }
      : {}),
    mailbox: field(body, "mailbox", what, isString, "text"),
    ordinal: field(body, "ordinal", what, isWhole, "a whole number"),
    userNumber: field(body, "userNumber", what, isWhole, "a whole number"),
    deployment: parseDeployment(body["deployment"], `${what} (deployment)`),
  };
}

/** GET /v1/deployment, and the deployment inside users/me. */
export function parseDeployment(value: unknown, what = "answer to deployment"): Deployment {
  const d = object(value, what);
  return {
    prefix: field(d, "prefix", what, isString, "text"),
    prefixHistory: isStrings(d["prefixHistory"]) ? d["prefixHistory"] : [],
    userDigits: field(d, "userDigits", what, isWhole, "a whole number"),
    counterDigits: field(d, "counterDigits", what, isWhole, "a whole number"),
    deploymentBase: isWhole(d["deploymentBase"]) ? d["deploymentBase"] : 0,
    activeDays: isWhole(d["activeDays"]) ? d["activeDays"] : 30,
    trackingEnabled: isBoolean(d["trackingEnabled"]) ? d["trackingEnabled"] : true,
    reserveSize: isWhole(d["reserveSize"]) && d["reserveSize"] > 0 ? d["reserveSize"] : 50,
  };
}

export function parseAllocation(value: unknown): Allocation {
  const what = "answer to counters/next";
  const body = object(value, what);
  if (body["designator"] !== 0) throw new ServiceProtocolError(`The tracking service's ${what} has designator ${String(body["designator"])}, not 0.`);
  return {
    token: field(body, "token", what, isString, "text"),
    designator: 0,
    user: field(body, "user", what, isWhole, "a whole number"),
    counter: field(body, "counter", what, isWhole, "a whole number"),
    wrapped: isBoolean(body["wrapped"]) ? body["wrapped"] : false,
  };
}

export function parseReserve(value: unknown): Reserve {
  const what = "answer to reserves";
  const body = object(value, what);
  if (body["designator"] !== 1) throw new ServiceProtocolError(`The tracking service's ${what} has designator ${String(body["designator"])}, not 1.`);
  const ranges = body["ranges"];
  const isRange = (r: unknown): r is { from: number; to: number } =>
    typeof r === "object" && r !== null && isWhole((r as { from?: unknown }).from) && isWhole((r as { to?: unknown }).to) && (r as { from: number }).from <= (r as { to: number }).to;
  if (!Array.isArray(ranges) || !ranges.every(isRange)) throw new ServiceProtocolError(`The tracking service's ${what} has no valid "ranges" (expected a list of { from, to } with from <= to).`);
  return {
    user: field(body, "user", what, isWhole, "a whole number"),
    ranges: ranges.map((r) => ({ from: r.from, to: r.to })),
    reserveSize: isWhole(body["reserveSize"]) && body["reserveSize"] > 0 ? body["reserveSize"] : ranges.reduce((n, r) => n + r.to - r.from + 1, 0),
  };
}

export function parseServiceActivity(value: unknown): ServiceActivity {
  const what = "activity";
  const body = object(value, what);
  const sentAt = Date.parse(field(body, "sentAt", what, isString, "an ISO 8601 time"));
  if (Number.isNaN(sentAt)) throw new ServiceProtocolError(`The tracking service's ${what} has a "sentAt" that is not a time.`);
  const designator = body["designator"];
  const senderName = body["senderName"];
  return {
    token: field(body, "token", what, isString, "text"),
    subject: field(body, "subject", what, isString, "text"),
    to: field(body, "to", what, isStrings, "a list of addresses"),
    cc: isStrings(body["cc"]) ? body["cc"] : [],
    sentAt,
    designator: designator === 0 || designator === 1 ? designator : undefined,
    sender: field(body, "sender", what, isString, "the sender's address"),
    senderName: typeof senderName === "string" && senderName.trim() !== "" ? senderName : undefined,
    status: "sent",
  };
}

/** GET /v1/activities/:token: the sent activity, or word that it was stamped on a draft not sent (yet). */
export function parseTokenLookup(value: unknown): ServiceActivity | IssuedActivity {
  const body = object(value, "answer about a token");
  if (body["status"] === "issued") return { status: "issued", token: field(body, "token", "answer about a token", isString, "text") };
  return parseServiceActivity(body["activity"]);
}

export function parseCorrelation(value: unknown): Correlation | null {
  const what = "answer to correlate";
  const body = object(value, what);
  if (body["match"] === null || body["match"] === undefined) return null;
  const match = object(body["match"], `${what} (match)`);
  const activity = parseServiceActivity(match["activity"]);
  if (match["method"] === "token") return { method: "token", activity };
  if (match["method"] === "smart match") return { method: "smart match", activity, sharedAddresses: isStrings(match["sharedAddresses"]) ? match["sharedAddresses"] : [] };
  throw new ServiceProtocolError(`The tracking service's ${what} names an unknown method "${String(match["method"])}".`);
}

export function parseSignIn(value: unknown): SignInConfig {
  const body = object(value, "sign-in answer");
  return { clientId: field(body, "clientId", "sign-in answer", isString, "text"), scope: field(body, "scope", "sign-in answer", isString, "text") };
}

export function parseHealth(value: unknown): Health {
  const body = object(value, "health answer");
  return {
    status: field(body, "status", "health answer", isString, "text"),
    storage: isString(body["storage"]) ? body["storage"] : undefined,
    version: isString(body["version"]) ? body["version"] : undefined,
  };
}
