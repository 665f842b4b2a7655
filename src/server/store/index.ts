/** Opens the store the configuration names: PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR. */
import type { ServiceConfig } from "../config";
import { openPostgresStore } from "./postgres";
import { openSqliteStore } from "./sqlite";
import type { TrackingStore } from "./types";

/** Throws StoreMissingError when there is no database yet and `createDatabase` is off (docs/SERVICE.md, First run). */
export async function openStore(config: Pick<ServiceConfig, "databaseUrl" | "databaseSchema" | "databasePoolSize" | "dataDir" | "createDatabase">): Promise<TrackingStore> {
  if (config.databaseUrl !== undefined) {
    return openPostgresStore({ connectionString: config.databaseUrl, schema: config.databaseSchema, poolSize: config.databasePoolSize, create: config.createDatabase });
  }
  return openSqliteStore({ dataDir: config.dataDir, create: config.createDatabase });
}

export type { ActivityRecord, RecordOutcome, StorageKind, StoredUser, TrackingStore, UserIdentity } from "./types";
