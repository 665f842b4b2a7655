/**
 * JSON schemas of the contract (docs/SERVICE-API.md): request schemas reject unknown fields and
 * wrong types (Ajv runs without coercion or removal, see app.ts); reply schemas let Fastify
 * serialize with fast-json-stringify. A `description` is the phrase a pattern or format error uses.
 */

export const LIMITS = {
  subject: 1000,
  address: 320,
  recipients: 500,
  token: 64,
  draftKey: 200,
  name: 200,
} as const;

/**
 * The largest valid request body: an activity with every field at its limit, addresses in ASCII
 * and the subject and draftKey at 4 UTF-8 bytes a character, plus JSON punctuation; rounded up
 * to 64 KiB. The body limit is never below it, so every documented limit can be reached.
 */
export const LARGEST_VALID_BODY_BYTES =
  Math.ceil((512 + LIMITS.token + 4 * LIMITS.subject + 4 * LIMITS.draftKey + 2 * LIMITS.recipients * (LIMITS.address + 3)) / 65_536) * 65_536;

const address = { type: "string", minLength: 1, maxLength: LIMITS.address } as const;
const addressList = { type: "array", maxItems: LIMITS.recipients, items: address } as const;

/** Routes whose body is `{}`: a missing body is treated as `{}` (see app.ts). */
export const emptyBody = { type: "object", additionalProperties: false, properties: {} } as const;

export const errorReply = {
  type: "object",
  properties: { error: { type: "string" }, message: { type: "string" }, field: { type: "string" } },
  required: ["error", "message"],
} as const;

export const devTokenBody = {
  type: "object",
  additionalProperties: false,
  required: ["mailbox"],
  properties: {
    mailbox: { type: "string", maxLength: LIMITS.address, pattern: "^[^\\s@]+@[^\\s@]+$", description: "an e-mail address like anna@contoso.com" },
    name: { type: "string", maxLength: LIMITS.name },
  },
} as const;

export const activityBody = {
  type: "object",
  additionalProperties: false,
  required: ["token", "subject", "to", "cc", "sentAt", "designator"],
  properties: {
    token: { type: "string", minLength: 1, maxLength: LIMITS.token },
    subject: { type: "string", maxLength: LIMITS.subject },
    to: addressList,
    cc: addressList,
    sentAt: { type: "string", format: "date-time", maxLength: 40, description: "an ISO-8601 date-time with a time zone, like 2026-11-28T09:30:00Z" },
    designator: { type: "integer", enum: [0, 1] },
    draftKey: { type: "string", minLength: 1, maxLength: LIMITS.draftKey },
  },
} as const;

export const correlateBody = {
  type: "object",
  additionalProperties: false,
  required: ["subject", "from", "to", "cc"],
  properties: {
    subject: { type: "string", maxLength: LIMITS.subject },
    from: { type: ["string", "null"], maxLength: LIMITS.address },
    to: addressList,
    cc: addressList,
  },
} as const;

export const tokenParams = {
  type: "object",
  additionalProperties: false,
  required: ["token"],
  properties: { token: { type: "string", minLength: 1, maxLength: LIMITS.token } },
} as const;

export const activityReply = {
  type: "object",
  required: ["token", "designator", "user", "counter", "subject", "to", "cc", "sentAt", "sender", "senderName"],
  properties: {
    token: { type: "string" },
    designator: { type: "integer" },
    user: { type: "integer" },
    counter: { type: "integer" },
    subject: { type: "string" },
    to: { type: "array", items: { type: "string" } },
    cc: { type: "array", items: { type: "string" } },
    sentAt: { type: "string" },
    draftKey: { type: "string" },
    sender: { type: "string" },
    senderName: { type: ["string", "null"] },
  },
} as const;

export const deploymentReply = {
  type: "object",
  properties: {
    prefix: { type: "string" },
    prefixHistory: { type: "array", items: { type: "string" } },
    userDigits: { type: "integer" },
    counterDigits: { type: "integer" },
    deploymentBase: { type: "integer" },
    activeDays: { type: "integer" },
  },
} as const;
