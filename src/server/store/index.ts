/** Opens the store the configuration names: PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR. */
import type { ServiceConfig } from "../config";
import { openPostgresStore } from "./postgres";
import { openSqliteStore } from "./sqlite";
import type { TrackingStore } from "./types";

export async function openStore(config: Pick<ServiceConfig, "databaseUrl" | "databaseSchema" | "databasePoolSize" | "dataDir">): Promise<TrackingStore> {
  if (config.databaseUrl !== undefined) {
    return openPostgresStore({ connectionString: config.databaseUrl, schema: config.databaseSchema, poolSize: config.databasePoolSize });
  }
  return openSqliteStore({ dataDir: config.dataDir });
}

export type { ActivityRecord, RecordOutcome, StorageKind, StoredUser, TrackingStore, UserIdentity } from "./types";
