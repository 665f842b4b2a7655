/**
 * The PostgreSQL store, for several service instances on one database. Every operation that
 * must be atomic across instances runs in a transaction that locks what it decides on:
 * allocation locks the user's counter row (SELECT ... FOR UPDATE), registration and recording
 * take transaction-scoped advisory locks, and migrations a session advisory lock, so two
 * instances starting together do not both apply a version.
 */
import pg from "pg";
import type { PoolClient } from "pg";
import { asciiLowerCase, maxCounter, toRanges } from "../../core";
import type { FreeCounter, Settings } from "../../core";
import { StorageUnavailableError, StoreMissingError } from "../errors";
import { chooseCounterAsync, chooseReserve, rangeCounters } from "./allocation";
import { guardStore, translatePostgresError } from "./guard";
import { POSTGRES_MIGRATIONS } from "./migrations";
import type { Migration } from "./migrations";
import { ACTIVITY_COLUMNS, fromRow, PROBE_SQL, SUBJECT_CANDIDATES_SQL } from "./rows";
import type { ActivityRow } from "./rows";
import { DATA_TABLES, FIRST_FREE_ORDINAL, raiseStatements } from "./sql";
import { finalizeDecision, recordDecision } from "./types";
import type { ActivityRecord, CounterMarks, FinalizeOutcome, HighWater, RecordOutcome, Registration, ReserveOutcome, TrackingStore, UserIdentity } from "./types";

// BIGINT columns (ms timestamps, user numbers) come back as strings by default; they fit a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** Advisory lock namespaces (the first key of the two-key form). */
const LOCK_MIGRATIONS = 0x7472_0001;
const LOCK_USERS = 0x7472_0002;
const LOCK_TOKENS = 0x7472_0003;

export type PostgresStoreOptions = {
  readonly connectionString: string;
  /** Schema for the tables; created if missing. Tests use one per suite. @default "public" */
  readonly schema?: string;
  /** Connections per instance. @default 10 */
  readonly poolSize?: number;
  /**
   * First run: create the schema and tables when they are missing. Without it a schema with no
   * tracking tables is refused, because a fresh database would issue every number again. @default false
   */
  readonly create?: boolean;
};

/** A pool that cannot connect within this fails the request (503) instead of holding it. */
const CONNECT_TIMEOUT_MS = 3000;
/** Readiness answers within this, or says the database is not ready. */
const PROBE_TIMEOUT_MS = 1500;

export async function openPostgresStore(options: PostgresStoreOptions): Promise<TrackingStore> {
  const schema = options.schema ?? "public";
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new RangeError(`schema "${schema}" is not a lower-case SQL identifier`);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    // Every connection works in the schema; set at connect time, not per query.
    options: `-c search_path=${schema}`,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  // An idle client's error (the server restarted) must not crash the process; the pool replaces it.
  pool.on("error", () => undefined);
  try {
    await migrate(pool, schema, POSTGRES_MIGRATIONS, options.create ?? false);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return guardStore(new PostgresStore(pool), translatePostgresError);
}

/**
 * A checked-out client whose connection breaks emits "error"; unheard, that would end the process.
 * It is heard here, the query in flight fails (503 upstream), and the broken client is discarded.
 */
async function withClient<T>(pool: pg.Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  const onError = (): void => {
    broken = true;
  };
  client.on("error", onError);
  try {
    return await work(client);
  } finally {
    client.off("error", onError);
    client.release(broken);
  }
}

async function migrate(pool: pg.Pool, schema: string, migrations: readonly Migration[], create: boolean): Promise<void> {
  await withClient(pool, async (client) => {
    await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [LOCK_MIGRATIONS, schema]);
    try {
      const found = await client.query<{ table: string | null }>("SELECT to_regclass($1) AS table", [`${schema}.schema_migrations`]);
      if (found.rows[0]?.table == null && !create) {
        throw new StoreMissingError(
          `PostgreSQL schema "${schema}" has no tracking tables. If this is the first run, start with --init (or CREATE_DATABASE=1) to create them. ` +
            "Otherwise check DATABASE_URL and DATABASE_SCHEMA or restore a backup: a new database would issue numbers that were issued before.",
        );
      }
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
      const { rows } = await client.query<{ version: number }>("SELECT version FROM schema_migrations");
      const applied = new Set(rows.map((r) => r.version));
      for (const migration of migrations) {
        if (applied.has(migration.version)) continue;
        await inTransaction(client, async () => {
          await client.query(migration.sql);
          await client.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [migration.version, migration.name, Date.now()]);
        });
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [LOCK_MIGRATIONS, schema]);
    }
  });
}

async function inTransaction<T>(client: PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

async function insertActivity(client: PoolClient, activity: ActivityRecord, now: number): Promise<void> {
  await client.query(
    "INSERT INTO activities (token_key, token, designator, user_number, counter, subject, subject_key, to_json, cc_json, sent_at, draft_key, sender_key, sender, sender_name, status, recorded_at) " +
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
    [
      activity.tokenKey,
      activity.token,
      activity.designator,
      activity.user,
      activity.counter,
      activity.subject,
      activity.subjectKey,
      JSON.stringify(activity.to),
      JSON.stringify(activity.cc),
      activity.sentAt,
      activity.draftKey,
      activity.senderKey,
      activity.sender,
      activity.senderName,
      activity.status,
      now,
    ],
  );
}

type UserRow = { ordinal: number; user_key: string; mailbox: string; name: string | null };

class PostgresStore implements TrackingStore {
  readonly kind = "postgres" as const;
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async #withClient<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return withClient(this.#pool, work);
  }

  async registerUser(identity: UserIdentity, maxOrdinal: number, now: number, claimOrdinal?: number): Promise<Registration | undefined> {
    return this.#withClient((client) =>
      inTransaction(client, async () => {
        // Registration is rare: one lock for all of it keeps ordinals gap-free and two claimants of one number in turn.
        await client.query("SELECT pg_advisory_xact_lock($1, 0)", [LOCK_USERS]);
        const { rows } = await client.query<UserRow>("SELECT ordinal, user_key, mailbox, name FROM users WHERE user_key = $1", [identity.key]);
        const existing = rows[0];
        if (existing !== undefined) {
          if (existing.mailbox !== identity.mailbox || existing.name !== identity.name) {
            await client.query("UPDATE users SET mailbox = $1, name = $2, updated_at = $3 WHERE user_key = $4", [identity.mailbox, identity.name, now, identity.key]);
          }
          return { key: existing.user_key, mailbox: identity.mailbox, name: identity.name, ordinal: existing.ordinal, created: false };
        }
        const claimFree =
          claimOrdinal !== undefined && claimOrdinal <= maxOrdinal && (await client.query("SELECT 1 FROM users WHERE ordinal = $1", [claimOrdinal])).rows.length === 0;
        const ordinal = claimFree ? claimOrdinal : ((await client.query<{ ordinal: number }>(FIRST_FREE_ORDINAL)).rows[0]?.ordinal ?? 1);
        if (ordinal > maxOrdinal) return undefined;
        await client.query("INSERT INTO users (ordinal, user_key, mailbox, name, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)", [
          ordinal,
          identity.key,
          identity.mailbox,
          identity.name,
          now,
        ]);
        return { key: identity.key, mailbox: identity.mailbox, name: identity.name, ordinal, created: true };
      }),
    );
  }

  async raiseCounters(user: number, marks: CounterMarks, now: number): Promise<void> {
    await this.#withClient((client) =>
      inTransaction(client, async () => {
        if (marks.online !== undefined) for (const sql of raiseStatements("counters", "postgres")) await client.query(sql, [user, marks.online, now]);
        if (marks.offline !== undefined) for (const sql of raiseStatements("offline_counters", "postgres")) await client.query(sql, [user, marks.offline, now]);
      }),
    );
  }

  async noteOfflineCounter(user: number, counter: number, reservedSince: number, now: number): Promise<void> {
    await this.#withClient((client) =>
      inTransaction(client, async () => {
        for (const sql of raiseStatements("offline_counters", "postgres", true)) await client.query(sql, [user, counter, now, reservedSince]);
      }),
    );
  }

  async highWater(user: number): Promise<HighWater> {
    const { rows } = await this.#pool.query<{ online: number | null; offline: number | null }>(
      "SELECT (SELECT last_counter FROM counters WHERE user_number = $1) AS online, (SELECT last_counter FROM offline_counters WHERE user_number = $1) AS offline",
      [user],
    );
    return { online: rows[0]?.online ?? null, offline: rows[0]?.offline ?? null };
  }

  async allocateReserve(user: number, device: string, size: number, settings: Settings, activeSince: number, now: number): Promise<ReserveOutcome> {
    return this.#withClient((client) =>
      inTransaction(client, async () => {
        // The offline counter row is the lock: two devices of one user reserve in turn.
        await client.query("INSERT INTO offline_counters (user_number, last_counter, updated_at) VALUES ($1, NULL, $2) ON CONFLICT DO NOTHING", [user, now]);
        const locked = await client.query<{ last_counter: number | null }>("SELECT last_counter FROM offline_counters WHERE user_number = $1 FOR UPDATE", [user]);
        const reserved = await client.query<{ from_counter: number; to_counter: number }>(
          "SELECT from_counter, to_counter FROM reserves WHERE user_number = $1 AND created_at >= $2",
          [user, activeSince],
        );
        const held = rangeCounters(reserved.rows.map((r) => ({ from: r.from_counter, to: r.to_counter })));
        const active = await client.query<{ counter: number }>("SELECT DISTINCT counter FROM activities WHERE user_number = $1 AND designator = 1 AND sent_at >= $2", [
          user,
          activeSince,
        ]);
        for (const { counter } of active.rows) held.add(counter);
        const chosen = chooseReserve(locked.rows[0]?.last_counter ?? null, size, settings, held);
        if (!chosen.ok) return chosen;
        const ranges = toRanges(chosen.counters);
        for (const range of ranges) {
          await client.query("INSERT INTO reserves (user_number, device, from_counter, to_counter, created_at) VALUES ($1, $2, $3, $4, $5)", [user, device, range.from, range.to, now]);
        }
        await client.query("UPDATE offline_counters SET last_counter = $2, updated_at = $3 WHERE user_number = $1", [user, chosen.last, now]);
        return { ok: true, ranges };
      }),
    );
  }

  async rememberPrefixes(prefixes: readonly string[], now: number): Promise<string[]> {
    return this.#withClient((client) =>
      inTransaction(client, async () => {
        for (const prefix of prefixes) {
          await client.query("INSERT INTO deployment_prefixes (prefix_key, prefix, first_seen) VALUES ($1, $2, $3) ON CONFLICT (prefix_key) DO NOTHING", [asciiLowerCase(prefix), prefix, now]);
        }
        const { rows } = await client.query<{ prefix: string }>("SELECT prefix FROM deployment_prefixes ORDER BY first_seen, prefix_key");
        return rows.map((r) => r.prefix);
      }),
    );
  }

  async deleteAllData(): Promise<void> {
    await this.#withClient((client) =>
      inTransaction(client, async () => {
        for (const table of DATA_TABLES) await client.query(`DELETE FROM ${table}`);
      }),
    );
  }

  async allocateCounter(user: number, settings: Settings, activeSince: number, now: number): Promise<FreeCounter> {
    // Fast path, one statement and one round trip: the row lock is held only for it and its commit,
    // which is what bounds throughput when many clients of one user queue on that row. The CASE is
    // core's nextCounter (null -> 1, max -> 0, else +1); the tests hold both stores to the same
    // sequence. It declines (no row) when the user has no counter yet or the next number is held by
    // an active activity: then the general path below decides with core's nextFreeCounter.
    const max = maxCounter(settings);
    const next = "CASE WHEN last_counter IS NULL THEN 1 WHEN last_counter >= $2 THEN 0 ELSE last_counter + 1 END";
    const fast = await this.#pool.query<{ counter: number }>(
      `UPDATE counters SET last_counter = ${next}, updated_at = $4 WHERE user_number = $1 AND NOT EXISTS (` +
        `SELECT 1 FROM activities WHERE user_number = $1 AND designator = 0 AND counter = ${next} AND sent_at >= $3) RETURNING last_counter AS counter`,
      [user, max, activeSince, now],
    );
    const counter = fast.rows[0]?.counter;
    if (counter !== undefined) return { ok: true, counter, wrapped: counter === 0 };
    return this.#allocateLocked(user, settings, activeSince, now);
  }

  /** The general path: lock the counter row, let core's nextFreeCounter pick, save. */
  async #allocateLocked(user: number, settings: Settings, activeSince: number, now: number): Promise<FreeCounter> {
    return this.#withClient((client) =>
      inTransaction(client, async () => {
        let locked = await client.query<{ last_counter: number | null }>("SELECT last_counter FROM counters WHERE user_number = $1 FOR UPDATE", [user]);
        if (locked.rows.length === 0) {
          // First allocation: create the row (another instance may race us; ON CONFLICT keeps one), then lock it.
          await client.query("INSERT INTO counters (user_number, last_counter, updated_at) VALUES ($1, NULL, $2) ON CONFLICT DO NOTHING", [user, now]);
          locked = await client.query("SELECT last_counter FROM counters WHERE user_number = $1 FOR UPDATE", [user]);
        }
        const last = locked.rows[0]?.last_counter ?? null;
        const result = await chooseCounterAsync(
          last,
          settings,
          async (counter) =>
            (await client.query("SELECT 1 FROM activities WHERE user_number = $1 AND designator = 0 AND counter = $2 AND sent_at >= $3 LIMIT 1", [user, counter, activeSince]))
              .rows.length > 0,
          async () =>
            new Set(
              (await client.query<{ counter: number }>("SELECT DISTINCT counter FROM activities WHERE user_number = $1 AND designator = 0 AND sent_at >= $2", [user, activeSince])).rows.map(
                (r) => r.counter,
              ),
            ),
        );
        if (result.ok) await client.query("UPDATE counters SET last_counter = $2, updated_at = $3 WHERE user_number = $1", [user, result.counter, now]);
        return result;
      }),
    );
  }

  async recordActivity(activity: ActivityRecord, activeWindowMs: number, now: number): Promise<RecordOutcome> {
    return this.#withClient((client) =>
      inTransaction(client, async () => {
        const decision = recordDecision(activity, await this.#holdersLocked(client, activity.tokenKey), activeWindowMs);
        if (decision.kind !== "insert") return decision;
        await insertActivity(client, activity, now);
        return { kind: "stored" };
      }),
    );
  }

  async finalizeActivity(sent: ActivityRecord, activeWindowMs: number, now: number): Promise<FinalizeOutcome> {
    return this.#withClient((client) =>
      inTransaction(client, async () => {
        const decision = finalizeDecision(sent, await this.#holdersLocked(client, sent.tokenKey), activeWindowMs);
        if (decision.kind === "insert") {
          await insertActivity(client, sent, now);
          return { kind: "stored" };
        }
        if (decision.kind !== "update") return decision;
        await client.query(
          "UPDATE activities SET subject = $1, subject_key = $2, to_json = $3, cc_json = $4, sent_at = $5, status = 'sent', finalized_at = $6 " +
            "WHERE token_key = $7 AND sender_key = $8 AND status = 'issued' AND sent_at = $9",
          [sent.subject, sent.subjectKey, JSON.stringify(sent.to), JSON.stringify(sent.cc), sent.sentAt, now, sent.tokenKey, sent.senderKey, decision.issued.sentAt],
        );
        return { kind: "finalized" };
      }),
    );
  }

  /** The token's records, most recent first, under a lock: two instances recording one token at once take turns. */
  async #holdersLocked(client: PoolClient, tokenKey: string): Promise<ActivityRecord[]> {
    await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [LOCK_TOKENS, tokenKey]);
    const { rows } = await client.query<ActivityRow>(`SELECT ${ACTIVITY_COLUMNS} FROM activities WHERE token_key = $1 ORDER BY sent_at DESC, id DESC`, [tokenKey]);
    return rows.map(fromRow);
  }

  async activitiesByToken(tokenKeys: readonly string[]): Promise<ActivityRecord[]> {
    if (tokenKeys.length === 0) return [];
    const { rows } = await this.#pool.query<ActivityRow>(`SELECT ${ACTIVITY_COLUMNS} FROM activities WHERE token_key = ANY($1) ORDER BY sent_at DESC, id DESC`, [
      [...tokenKeys],
    ]);
    return rows.map(fromRow);
  }

  async activitiesBySubject(subjectKey: string, limit: number, perSender: number): Promise<ActivityRecord[]> {
    const { rows } = await this.#pool.query<ActivityRow>(SUBJECT_CANDIDATES_SQL, [subjectKey, perSender, limit]);
    return rows.map(fromRow);
  }

  async probe(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new StorageUnavailableError(`PostgreSQL did not answer within ${PROBE_TIMEOUT_MS} ms.`)), PROBE_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.#pool.query(PROBE_SQL), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  #closed = false;

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }
}
