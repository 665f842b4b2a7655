/**
 * The contract's types, derived from its schemas (json-schema-to-ts): what the service's routes
 * receive and send (through Fastify's type provider) and what the add-in sends and reads.
 * Read-only, as the add-in holds them; the service's handlers get the same shapes from Fastify.
 */
import type { FromSchema, JSONSchema } from "json-schema-to-ts";
import type * as r from "./requests";
import type * as s from "./replies";

type DeepReadonly<T> = T extends readonly (infer E)[] ? readonly DeepReadonly<E>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/** The value a JSON schema of the contract describes. */
export type Wire<S extends JSONSchema> = DeepReadonly<FromSchema<S>>;

/** POST /v1/activities: the body. `status` absent means "sent" (add-ins before activity lives). */
export type ActivityBody = Wire<typeof r.activityBody>;
/** POST /v1/activities/:token/sent: the body, the mail as it went. */
export type SentBody = Wire<typeof r.sentBody>;
/** POST /v1/correlate: the body. */
export type CorrelateBody = Wire<typeof r.correlateBody>;
/** POST /v1/users/me: the body. A mailbox that numbered on its own claims its number and sends its marks (docs/NUMBERING.md). */
export type RegisterBody = Wire<typeof r.registerBody>;
/** POST /v1/reserves: the body. */
export type ReserveBody = Wire<typeof r.reserveBody>;
/** POST /v1/dev/token: the body. */
export type DevTokenBody = Wire<typeof r.devTokenBody>;

/** An activity as the API shows it. */
export type ActivityView = Wire<typeof s.activityView>;
/** Every error reply. */
export type ErrorBody = Wire<typeof s.errorBody>;
export type HealthReply = Wire<typeof s.healthReply>;
export type DeploymentReply = Wire<typeof s.deploymentReply>;
export type RegisterReply = Wire<typeof s.registerReply>;
export type AllocationReply = Wire<typeof s.allocationReply>;
export type ReserveReply = Wire<typeof s.reserveReply>;
export type TokenLookupReply = Wire<typeof s.tokenLookupReply>;
export type CorrelationReply = Wire<typeof s.correlationReply>;
