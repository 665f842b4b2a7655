/**
 * Store errors that mean "the database cannot be used now" become StorageUnavailableError (503,
 * docs/SERVICE-API.md), whatever method raised them, so a method added later is covered too.
 */
import { StorageUnavailableError } from "../errors";

export function guardStore<S extends object>(store: S, translate: (error: unknown) => unknown): S {
  return new Proxy(store, {
    get(target, property) {
      // The target itself is `this`: the stores keep their state in #private fields.
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      const method = value as (...args: unknown[]) => unknown;
      return async (...args: unknown[]) => {
        try {
          return await method.apply(target, args);
        } catch (error) {
          throw translate(error);
        }
      };
    },
  });
}

/** SQLSTATE classes of a database that is down or broken (connection, resources, shutdown, system) and a dropped table. */
const PG_UNAVAILABLE_STATES = /^(08|53|57|58|XX|3D)|^42P01$/;
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EPIPE", "EAI_AGAIN"]);
const PG_DRIVER_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|connection error|Cannot use a pool after calling end/i;

export function translatePostgresError(error: unknown): unknown {
  // Duck-typed, not instanceof Error: socket errors may come from another realm (Node's own, under a test runner).
  if (error === null || typeof error !== "object" || error instanceof StorageUnavailableError) return error;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof message !== "string") return error;
  const unavailable = typeof code === "string" ? PG_UNAVAILABLE_STATES.test(code) || NETWORK_CODES.has(code) : PG_DRIVER_MESSAGES.test(message);
  if (!unavailable) return error;
  return new StorageUnavailableError(`PostgreSQL cannot be used: ${message}${typeof code === "string" ? ` (${code})` : ""}. Nothing was stored.`, { cause: error });
}
