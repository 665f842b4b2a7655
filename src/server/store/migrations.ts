/**
 * Versioned schema migrations, one list per backend. A migration is applied once, in order, and
 * recorded in schema_migrations; never edit one that has shipped, add the next version instead.
 */
export type Migration = { readonly version: number; readonly name: string; readonly sql: string };

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "users, counters, activities",
    sql: `
      CREATE TABLE users (
        ordinal    INTEGER PRIMARY KEY,
        user_key   TEXT NOT NULL UNIQUE,
        mailbox    TEXT NOT NULL,
        name       TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE counters (
        user_number  INTEGER PRIMARY KEY,
        last_counter INTEGER,
        updated_at   INTEGER NOT NULL
      );
      CREATE TABLE activities (
        id          INTEGER PRIMARY KEY,
        token_key   TEXT NOT NULL,
        token       TEXT NOT NULL,
        designator  INTEGER NOT NULL,
        user_number INTEGER NOT NULL,
        counter     INTEGER NOT NULL,
        subject     TEXT NOT NULL,
        subject_key TEXT NOT NULL,
        to_json     TEXT NOT NULL,
        cc_json     TEXT NOT NULL,
        sent_at     INTEGER NOT NULL,
        draft_key   TEXT,
        sender_key  TEXT NOT NULL,
        sender      TEXT NOT NULL,
        sender_name TEXT,
        recorded_at INTEGER NOT NULL
      );
      CREATE INDEX activities_by_token ON activities (token_key, sent_at);
      CREATE INDEX activities_by_subject ON activities (subject_key, sent_at);
      CREATE INDEX activities_active ON activities (user_number, designator, counter, sent_at);
    `,
  },
  {
    version: 2,
    name: "activity status: issued at stamp, sent at finalize",
    // Rows recorded before were written at stamp time by add-ins that showed them as sent: they stay "sent".
    sql: `
      ALTER TABLE activities ADD COLUMN status TEXT NOT NULL DEFAULT 'sent';
      ALTER TABLE activities ADD COLUMN finalized_at INTEGER;
    `,
  },
  {
    // Needs only version 1 (docs/NUMBERING.md): the offline counter, the reserves handed to
    // devices, and every prefix the service was ever configured with.
    version: 3,
    name: "offline counters, reserves, remembered prefixes",
    sql: `
      CREATE TABLE offline_counters (
        user_number  INTEGER PRIMARY KEY,
        last_counter INTEGER,
        updated_at   INTEGER NOT NULL
      );
      CREATE TABLE reserves (
        id           INTEGER PRIMARY KEY,
        user_number  INTEGER NOT NULL,
        device       TEXT NOT NULL,
        from_counter INTEGER NOT NULL,
        to_counter   INTEGER NOT NULL,
        created_at   INTEGER NOT NULL
      );
      CREATE INDEX reserves_by_user ON reserves (user_number, created_at);
      CREATE TABLE deployment_prefixes (
        prefix_key TEXT PRIMARY KEY,
        prefix     TEXT NOT NULL,
        first_seen INTEGER NOT NULL
      );
    `,
  },
];

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "users, counters, activities",
    sql: `
      CREATE TABLE users (
        ordinal    INTEGER PRIMARY KEY,
        user_key   TEXT NOT NULL UNIQUE,
        mailbox    TEXT NOT NULL,
        name       TEXT,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE TABLE counters (
        user_number  BIGINT PRIMARY KEY,
        last_counter INTEGER,
        updated_at   BIGINT NOT NULL
      );
      CREATE TABLE activities (
        id          BIGSERIAL PRIMARY KEY,
        token_key   TEXT NOT NULL,
        token       TEXT NOT NULL,
        designator  SMALLINT NOT NULL,
        user_number BIGINT NOT NULL,
        counter     INTEGER NOT NULL,
        subject     TEXT NOT NULL,
        subject_key TEXT NOT NULL,
        to_json     TEXT NOT NULL,
        cc_json     TEXT NOT NULL,
        sent_at     BIGINT NOT NULL,
        draft_key   TEXT,
        sender_key  TEXT NOT NULL,
        sender      TEXT NOT NULL,
        sender_name TEXT,
        recorded_at BIGINT NOT NULL
      );
      CREATE INDEX activities_by_token ON activities (token_key, sent_at);
      CREATE INDEX activities_by_subject ON activities (subject_key, sent_at);
      CREATE INDEX activities_active ON activities (user_number, designator, counter, sent_at);
    `,
  },
  {
    version: 2,
    name: "activity status: issued at stamp, sent at finalize",
    sql: `
      ALTER TABLE activities ADD COLUMN status TEXT NOT NULL DEFAULT 'sent';
      ALTER TABLE activities ADD COLUMN finalized_at BIGINT;
    `,
  },
  {
    // Needs only version 1 (docs/NUMBERING.md): the offline counter, the reserves handed to
    // devices, and every prefix the service was ever configured with.
    version: 3,
    name: "offline counters, reserves, remembered prefixes",
    sql: `
      CREATE TABLE offline_counters (
        user_number  BIGINT PRIMARY KEY,
        last_counter INTEGER,
        updated_at   BIGINT NOT NULL
      );
      CREATE TABLE reserves (
        id           BIGSERIAL PRIMARY KEY,
        user_number  BIGINT NOT NULL,
        device       TEXT NOT NULL,
        from_counter INTEGER NOT NULL,
        to_counter   INTEGER NOT NULL,
        created_at   BIGINT NOT NULL
      );
      CREATE INDEX reserves_by_user ON reserves (user_number, created_at);
      CREATE TABLE deployment_prefixes (
        prefix_key TEXT PRIMARY KEY,
        prefix     TEXT NOT NULL,
        first_seen BIGINT NOT NULL
      );
    `,
  },
];
