/**
 * Migration 3 (offline counters, reserves, remembered prefixes) applies to a database that has
 * only version 1, keeping what it holds, on every backend; opening again applies nothing twice.
 */
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS } from "../../src/server/store/migrations";
import { SQLITE_FILE_NAME } from "../../src/server/store/sqlite";
import { describeBackends } from "./support/backends";
import type { OpenedBackend } from "./support/backends";
import { settingsWith } from "./support/testApp";

const NOW = Date.parse("2026-11-28T09:00:00Z");
const USER = "INSERT INTO users (ordinal, user_key, mailbox, name, created_at, updated_at) VALUES (1, 'anna-key', 'anna@contoso.com', NULL, 0, 0)";
const COUNTER = "INSERT INTO counters (user_number, last_counter, updated_at) VALUES (1, 17, 0)";
const RECORD_V1 = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (1, 'users, counters, activities', 0)";
const SCHEMA_TABLE = "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";

/** A database as a service of version 1 left it: its tables, one user with a counter. */
async function versionOneDatabase(backend: "sqlite" | "postgres", opened: OpenedBackend): Promise<void> {
  const v1 = (backend === "sqlite" ? SQLITE_MIGRATIONS : POSTGRES_MIGRATIONS).find((m) => m.version === 1)?.sql ?? "";
  if (backend === "sqlite") {
    const db = new Database(path.join(opened.dataDir, SQLITE_FILE_NAME));
    db.exec(`${SCHEMA_TABLE}; ${v1}; ${RECORD_V1}; ${USER}; ${COUNTER}`);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: opened.serviceEnv["DATABASE_URL"] });
  await client.connect();
  const schema = opened.serviceEnv["DATABASE_SCHEMA"] ?? "";
  await client.query(`CREATE SCHEMA ${schema}; SET search_path = ${schema}; ${SCHEMA_TABLE}; ${v1}; ${RECORD_V1}; ${USER}; ${COUNTER}`);
  await client.end();
}

describeBackends("migration 3 on top of version 1 alone", (backend) => {
  let opened: OpenedBackend;
  beforeEach(async () => {
    opened = await backend.setup();
  });
  afterEach(async () => {
    await opened.cleanup();
  });

  test("the user and its counter survive; reserves, marks and prefixes work", async () => {
    await versionOneDatabase(backend.name, opened);
    const store = await opened.open();
    await expect(store.registerUser({ key: "anna-key", mailbox: "anna@contoso.com", name: null }, 999, NOW)).resolves.toMatchObject({ ordinal: 1, created: false });
    await expect(store.highWater(1)).resolves.toEqual({ online: 17, offline: null });
    await expect(store.allocateCounter(1, settingsWith({}), NOW, NOW)).resolves.toMatchObject({ counter: 18 });
    await expect(store.allocateReserve(1, "laptop", 3, settingsWith({}), NOW, NOW)).resolves.toEqual({ ok: true, ranges: [{ from: 1, to: 3 }] });
    await expect(store.rememberPrefixes(["CRM:"], NOW)).resolves.toEqual(["CRM:"]);
    // Opened again (a restart): nothing is applied twice, nothing lost.
    const again = await opened.open();
    await expect(again.highWater(1)).resolves.toEqual({ online: 18, offline: 3 });
  });
});
