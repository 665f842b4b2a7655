/**
 * Fastify's json-schema-to-ts type provider, over the contract's schemas (src/contract): a route's
 * request and reply types come from the schemas it registers with. Replies may be read-only (the
 * store's and core's shapes are): serializing never writes to them.
 */
import type { JsonSchemaToTsProvider } from "@fastify/type-provider-json-schema-to-ts";
import type { FastifyPluginAsync, FastifyTypeProvider, RawServerDefault } from "fastify";
import type { JSONSchema } from "json-schema-to-ts";
import type { Wire } from "../../contract";

/** What the maintained provider makes of a request schema (Fastify resolves a provider the same way). */
type Validated<S> = (JsonSchemaToTsProvider & { schema: S })["validator"];

export interface ContractTypeProvider extends FastifyTypeProvider {
  validator: Validated<this["schema"]>;
  serializer: this["schema"] extends JSONSchema ? Wire<this["schema"]> : unknown;
}

/** A plugin of routes whose types come from the contract. */
export type ContractRoutes = FastifyPluginAsync<Record<never, never>, RawServerDefault, ContractTypeProvider>;
