/**
 * The requests of the tracking service's HTTP contract (docs/SERVICE-API.md): bodies and params.
 * The service validates them with Ajv, without coercion or removal (src/server/app.ts): unknown
 * fields and wrong types are refused. A `description` is the phrase a pattern or format error uses.
 * Only the service reads this module; the add-in types its requests from types.ts.
 */

export const LIMITS = {
  subject: 1000,
  address: 320,
  recipients: 500,
  token: 64,
  draftKey: 200,
  name: 200,
  device: 100,
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
const subject = { type: "string", maxLength: LIMITS.subject } as const;
const sentAt = { type: "string", format: "date-time", maxLength: 40, description: "an ISO-8601 date-time with a time zone, like 2026-11-28T09:30:00Z" } as const;
const designator = { type: "integer", enum: [0, 1] } as const;
const draftKey = { type: "string", minLength: 1, maxLength: LIMITS.draftKey } as const;

/** Routes whose body is `{}`: a missing body is treated as `{}` (see app.ts). */
export const emptyBody = { type: "object", additionalProperties: false, properties: {} } as const;

export const devTokenBody = {
  type: "object",
  additionalProperties: false,
  required: ["mailbox"],
  properties: {
    mailbox: { type: "string", maxLength: LIMITS.address, pattern: "^[^\\s@]+@[^\\s@]+$", description: "an e-mail address like anna@contoso.com" },
    name: { type: "string", maxLength: LIMITS.name },
  },
} as const;

/** The mail an activity records: in POST /v1/activities beside its token, in .../sent alone. */
const mail = { subject, to: addressList, cc: addressList, sentAt, designator, draftKey } as const;

export const activityBody = {
  type: "object",
  additionalProperties: false,
  required: ["token", "subject", "to", "cc", "sentAt", "designator"],
  properties: {
    token: { type: "string", minLength: 1, maxLength: LIMITS.token },
    ...mail,
    // Absent from add-ins that recorded at stamp time and showed that as sent: "sent".
    status: { type: "string", enum: ["issued", "sent"], description: '"issued" (stamped on a draft) or "sent"' },
  },
} as const;

/** POST /v1/activities/:token/sent: the mail as it went out. */
export const sentBody = {
  type: "object",
  additionalProperties: false,
  required: ["subject", "to", "cc", "sentAt", "designator"],
  properties: mail,
} as const;

export const correlateBody = {
  type: "object",
  additionalProperties: false,
  required: ["subject", "from", "to", "cc"],
  properties: {
    subject,
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

export const registerBody = {
  type: "object",
  additionalProperties: false,
  properties: {
    claim: { type: "object", additionalProperties: false, required: ["userNumber"], properties: { userNumber: { type: "integer" } } },
    marks: { type: "object", additionalProperties: false, properties: { online: { type: "integer" }, offline: { type: "integer" } } },
  },
} as const;

export const reserveBody = {
  type: "object",
  additionalProperties: false,
  required: ["device"],
  properties: {
    device: { type: "string", minLength: 1, maxLength: LIMITS.device },
    size: { type: "integer" },
  },
} as const;
