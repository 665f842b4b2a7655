/**
 * The storage backends every store and API test runs against: SQLite always, PostgreSQL when
 * DATABASE_URL is set (CI sets it with scripts/ci-postgres.sh). Each opened backend gets its own
 * SQLite folder or PostgreSQL schema, removed by cleanup().
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openPostgresStore } from "../../../src/server/store/postgres";
import { openSqliteStore } from "../../../src/server/store/sqlite";
import type { TrackingStore } from "../../../src/server/store/types";

export type OpenedBackend = {
  /** Opens a store on this backend's database; call several times for several service instances. */
  readonly open: () => Promise<TrackingStore>;
  /** A folder for the dev key (and the SQLite file). */
  readonly dataDir: string;
  readonly cleanup: () => Promise<void>;
};

export type Backend = { readonly name: "sqlite" | "postgres"; readonly available: boolean; readonly setup: () => Promise<OpenedBackend> };

const DATABASE_URL = process.env["DATABASE_URL"];

export const BACKENDS: readonly Backend[] = [
  {
    name: "sqlite",
    available: true,
    setup: async () => {
      const dataDir = tempDir("sqlite");
      const stores: TrackingStore[] = [];
      return {
        dataDir,
        open: async () => {
          // Every test starts from a first run; a later open of the same folder finds the file.
          const store = openSqliteStore({ dataDir, create: true });
          stores.push(store);
          return store;
        },
        cleanup: async () => {
          for (const store of stores) await store.close();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: "postgres",
    available: DATABASE_URL !== undefined && DATABASE_URL !== "",
    setup: async () => {
      const url = DATABASE_URL ?? "";
      const dataDir = tempDir("postgres");
      const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      const stores: TrackingStore[] = [];
      return {
        dataDir,
        open: async () => {
          const store = await openPostgresStore({ connectionString: url, schema, poolSize: 10, create: true });
          stores.push(store);
          return store;
        },
        cleanup: async () => {
          for (const store of stores) await store.close();
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          await client.end();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
];

let warned = false;

/** describe.each over the available backends; an unavailable one is listed as skipped, and said so once. */
export function describeBackends(title: string, body: (backend: Backend) => void): void {
  const available = BACKENDS.filter((b) => b.available);
  const missing = BACKENDS.filter((b) => !b.available);
  describe.each(available.map((b) => [b.name, b] as const))(`${title} [%s]`, (_name, backend) => body(backend));
  for (const backend of missing) {
    // CI sets REQUIRE_POSTGRES=1: there a missing PostgreSQL is a failure, not a skip.
    if (process.env["REQUIRE_POSTGRES"] === "1") {
      test(`${title} [${backend.name}] needs DATABASE_URL (REQUIRE_POSTGRES=1)`, () => {
        throw new Error(`DATABASE_URL is not set: run eval "$(bash scripts/ci-postgres.sh)" first.`);
      });
      continue;
    }
    if (!warned) {
      warned = true;
      console.warn(`PostgreSQL tests SKIPPED: DATABASE_URL is not set. To run them: eval "$(bash scripts/ci-postgres.sh)" first (CI does).`);
    }
    describe.skip(`${title} [${backend.name}: skipped, DATABASE_URL not set]`, () => body(backend));
  }
}

export function tempDir(label: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `tracking-service-${label}-`));
}
