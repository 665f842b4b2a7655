/**
 * The replies of the tracking service's HTTP contract (docs/SERVICE-API.md): the service
 * serializes with them (fast-json-stringify) and the add-in checks what it receives against them
 * (check.ts). They require what the add-in cannot do without; the service sends every field, and
 * a newer service may send more (extra fields are ignored). Integers the add-in counts with are
 * whole numbers (`minimum`). Only the keywords check.ts knows are used here.
 */

const text = { type: "string" } as const;
const whole = { type: "integer", minimum: 0 } as const;
const flag = { type: "boolean" } as const;
const strings = { type: "array", items: text } as const;

/**
 * An activity as the API shows it (GET /v1/activities/:token, correlate, a conflict's holder): ISO
 * time, the sender's address and name, no storage keys.
 */
export const activityView = {
  type: "object",
  required: ["token", "subject", "to", "sentAt", "sender"],
  properties: {
    token: text,
    designator: { type: "integer", enum: [0, 1] },
    user: { type: "integer" },
    counter: { type: "integer" },
    subject: text,
    to: strings,
    cc: strings,
    sentAt: text,
    draftKey: text,
    sender: text,
    senderName: { type: ["string", "null"] },
    status: { type: "string", enum: ["issued", "sent"] },
  },
} as const;

/** Every 4xx and 5xx: `{ error, message, field? }`; a 409 conflict adds the `holder` of the token. */
export const errorBody = {
  type: "object",
  required: ["error", "message"],
  properties: { error: text, message: text, field: text, holder: activityView },
} as const;

export const healthReply = {
  type: "object",
  required: ["status"],
  properties: { status: text, storage: text, version: text },
} as const;

export const signInReply = {
  type: "object",
  required: ["clientId", "scope"],
  properties: { clientId: text, scope: text },
} as const;

export const devTokenReply = {
  type: "object",
  required: ["accessToken", "expiresIn"],
  properties: { accessToken: text, expiresIn: { type: "integer" } },
} as const;

/** GET /v1/deployment, and `deployment` in users/me: the team's settings. Absent fields have the add-in's defaults. */
export const deploymentReply = {
  type: "object",
  required: ["prefix", "userDigits", "counterDigits"],
  properties: {
    prefix: text,
    prefixHistory: strings,
    userDigits: whole,
    counterDigits: whole,
    deploymentBase: whole,
    activeDays: whole,
    trackingEnabled: flag,
    reserveSize: { type: "integer", minimum: 1 },
  },
} as const;

export const registerReply = {
  type: "object",
  required: ["mailbox", "ordinal", "userNumber", "deployment"],
  properties: {
    mailbox: text,
    ordinal: whole,
    userNumber: whole,
    deployment: deploymentReply,
    highWater: { type: "object", properties: { online: { type: ["integer", "null"], minimum: 0 }, offline: { type: ["integer", "null"], minimum: 0 } } },
    claim: {
      type: "object",
      required: ["claimed", "outcome"],
      properties: { claimed: whole, outcome: { type: "string", enum: ["kept", "reassigned"] }, message: text },
    },
  },
} as const;

/** POST /v1/counters/next */
export const allocationReply = {
  type: "object",
  required: ["designator", "token", "user", "counter"],
  properties: { token: text, designator: { type: "integer", enum: [0] }, user: whole, counter: whole, wrapped: flag },
} as const;

/** POST /v1/reserves: inclusive ranges of designator-1 counters. */
export const reserveReply = {
  type: "object",
  required: ["designator", "user", "ranges"],
  properties: {
    designator: { type: "integer", enum: [1] },
    user: whole,
    ranges: { type: "array", items: { type: "object", required: ["from", "to"], properties: { from: whole, to: whole } } },
    reserveSize: { type: "integer", minimum: 1 },
  },
} as const;

/** POST /v1/activities: 201 a new record. */
export const storedReply = { type: "object", required: ["stored"], properties: { stored: flag } } as const;
/** POST /v1/activities: 200 the same record again. */
export const duplicateReply = { type: "object", required: ["stored", "duplicate"], properties: { stored: flag, duplicate: flag } } as const;
/** POST /v1/activities/:token/sent: 201 stored as sent. */
export const finalizedReply = { type: "object", required: ["finalized"], properties: { finalized: flag } } as const;
/** POST /v1/activities/:token/sent: 200 finalized now, or the same finalization again (`unchanged`). */
export const finalizeAgainReply = { type: "object", required: ["finalized"], properties: { finalized: flag, unchanged: flag } } as const;

/** GET /v1/activities/:token: `{ status: "sent", activity }`, or `{ status: "issued", token }` for a draft's token not sent (yet). */
export const tokenLookupReply = {
  type: "object",
  properties: { status: text, token: text, activity: activityView },
} as const;

/** POST /v1/correlate: what a received message answers, or `match: null` (absent: the same). */
export const correlationReply = {
  type: "object",
  properties: {
    match: {
      type: ["object", "null"],
      required: ["method", "activity"],
      properties: { method: { type: "string", enum: ["token", "smart match"] }, activity: activityView, sharedAddresses: strings },
    },
  },
} as const;

/** The schemas a reply of the service is checked against, for tests that walk them all. */
export const REPLY_SCHEMAS = {
  errorBody,
  healthReply,
  signInReply,
  devTokenReply,
  deploymentReply,
  registerReply,
  allocationReply,
  reserveReply,
  storedReply,
  duplicateReply,
  finalizedReply,
  finalizeAgainReply,
  tokenLookupReply,
  correlationReply,
} as const;
