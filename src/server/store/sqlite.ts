/**
 * The embedded store: one SQLite file in the data folder (better-sqlite3, synchronous calls).
 * WAL with synchronous=NORMAL: a committed transaction survives the process being killed (the WAL
 * is written before COMMIT returns); only an OS crash or power loss may drop the last commits.
 * Allocation is one IMMEDIATE transaction, so concurrent requests (and a second process on the
 * same file) are serialized by SQLite's write lock.
 */
import { chmodSync, closeSync, mkdirSync, openSync, statSync } from "node:fs";
import type { Stats } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { asciiLowerCase, toRanges } from "../../core";
import type { FreeCounter, Settings } from "../../core";
import { StorageUnavailableError, StoreMissingError } from "../errors";
import { chooseCounter, chooseReserve, rangeCounters } from "./allocation";
import { SQLITE_MIGRATIONS } from "./migrations";
import type { Migration } from "./migrations";
import { ACTIVITY_COLUMNS, fromRow, PROBE_SQL, SUBJECT_CANDIDATES_SQL, toRow } from "./rows";
import type { ActivityRow } from "./rows";
import { DATA_TABLES, FIRST_FREE_ORDINAL, raiseStatements } from "./sql";
import { finalizeDecision, recordDecision } from "./types";
import type { ActivityRecord, CounterMarks, FinalizeOutcome, HighWater, RecordOutcome, Registration, ReserveOutcome, TrackingStore, UserIdentity } from "./types";

export const SQLITE_FILE_NAME = "tracking.sqlite";

type UserRow = { ordinal: number; user_key: string; mailbox: string; name: string | null };

export type SqliteStoreOptions = {
  /** The data folder. ":memory:" for a throwaway in-memory database. */
  readonly dataDir: string;
  /**
   * First run: create the folder and the file when they are missing. Without it a missing or empty
   * file is refused, because a fresh database would issue every number again. @default false
   */
  readonly create?: boolean;
};

export function openSqliteStore({ dataDir, create = false }: SqliteStoreOptions): TrackingStore {
  if (dataDir === ":memory:") return new SqliteStore(prepare(new Database(":memory:")), undefined);
  const file = path.join(dataDir, SQLITE_FILE_NAME);
  const found = fileStats(file);
  if (found === undefined || found.size === 0) {
    if (!create) {
      const state = found === undefined ? "There is no database file" : "The database file is empty (0 bytes)";
      throw new StoreMissingError(
        `${state} at ${file}. If this is the first run, start with --init (or CREATE_DATABASE=1) to create it. ` +
          "Otherwise check DATA_DIR (relative paths start from the working directory) or restore the file from a backup: a new database would issue numbers that were issued before.",
      );
    }
    // Owner-only: the file holds every user's mail subjects and recipients. SQLite gives the WAL the same mode.
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    closeSync(openSync(file, "a", 0o600));
    chmodSync(file, 0o600);
  }
  const db = prepare(new Database(file, { fileMustExist: true }));
  const opened = fileStats(file);
  return new SqliteStore(db, opened === undefined ? undefined : { file, ino: opened.ino, dev: opened.dev });
}

function prepare(db: Database.Database): Database.Database {
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  // Another process holding the write lock (a second instance, a backup) is waited for, not an error.
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  migrate(db, SQLITE_MIGRATIONS);
  return db;
}

function fileStats(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** SQLite result codes that mean the database itself is unusable, not that the request was wrong. */
const UNAVAILABLE_CODES = /^SQLITE_(CORRUPT|NOTADB|FULL|IOERR|CANTOPEN|READONLY|BUSY|LOCKED|PROTOCOL|NOMEM|PERM)/;

/** The opened file's identity: a file deleted or replaced under the open handle is noticed. */
type OpenedFile = { readonly file: string; readonly ino: number; readonly dev: number };

function migrate(db: Database.Database, migrations: readonly Migration[]): void {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
  const applied = new Set(db.prepare<[], { version: number }>("SELECT version FROM schema_migrations").all().map((r) => r.version));
  const record = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    // IMMEDIATE: two processes starting on one file do not both apply the same version.
    db.transaction(() => {
      const again = db.prepare("SELECT 1 FROM schema_migrations WHERE version = ?").get(migration.version);
      if (again !== undefined) return;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, Date.now());
    }).immediate();
  }
}

class SqliteStore implements TrackingStore {
  readonly kind = "sqlite" as const;
  readonly #db: Database.Database;
  readonly #statements;
  // Transactions are compiled once: better-sqlite3 wraps each call in BEGIN IMMEDIATE ... COMMIT.
  readonly #register;
  readonly #allocate;
  readonly #record;
  readonly #finalize;
  readonly #raise;
  readonly #reserve;
  readonly #noteOffline;
  readonly #remember;
  readonly #deleteAll;

  readonly #opened: OpenedFile | undefined;

  constructor(db: Database.Database, opened: OpenedFile | undefined) {
    this.#db = db;
    this.#opened = opened;
    const s = (this.#statements = {
      userByKey: db.prepare<[string], UserRow>("SELECT ordinal, user_key, mailbox, name FROM users WHERE user_key = ?"),
      ordinalTaken: db.prepare<[number], { one: number }>("SELECT 1 AS one FROM users WHERE ordinal = ?"),
      firstFreeOrdinal: db.prepare<[], { ordinal: number }>(FIRST_FREE_ORDINAL),
      insertUser: db.prepare("INSERT INTO users (ordinal, user_key, mailbox, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)"),
      updateUser: db.prepare("UPDATE users SET mailbox = ?, name = ?, updated_at = ? WHERE user_key = ?"),
      lastCounter: db.prepare<[number], { last_counter: number | null }>("SELECT last_counter FROM counters WHERE user_number = ?"),
      saveCounter: db.prepare(
        "INSERT INTO counters (user_number, last_counter, updated_at) VALUES (?, ?, ?) " +
          "ON CONFLICT (user_number) DO UPDATE SET last_counter = excluded.last_counter, updated_at = excluded.updated_at",
      ),
      isActive: db.prepare<[number, number, number], { one: number }>(
        "SELECT 1 AS one FROM activities WHERE user_number = ? AND designator = 0 AND counter = ? AND sent_at >= ? LIMIT 1",
      ),
      activeCounters: db.prepare<[number, number], { counter: number }>(
        "SELECT DISTINCT counter FROM activities WHERE user_number = ? AND designator = 0 AND sent_at >= ?",
      ),
      lastOffline: db.prepare<[number], { last_counter: number | null }>("SELECT last_counter FROM offline_counters WHERE user_number = ?"),
      saveOffline: db.prepare(
        "INSERT INTO offline_counters (user_number, last_counter, updated_at) VALUES (?, ?, ?) " +
          "ON CONFLICT (user_number) DO UPDATE SET last_counter = excluded.last_counter, updated_at = excluded.updated_at",
      ),
      raiseOnline: raiseStatements("counters", "sqlite").map((sql) => db.prepare(sql)),
      raiseOffline: raiseStatements("offline_counters", "sqlite").map((sql) => db.prepare(sql)),
      raiseUnreserved: raiseStatements("offline_counters", "sqlite", true).map((sql) => db.prepare(sql)),
      activeOffline: db.prepare<[number, number], { counter: number }>(
        "SELECT DISTINCT counter FROM activities WHERE user_number = ? AND designator = 1 AND sent_at >= ?",
      ),
      heldReserves: db.prepare<[number, number], { from_counter: number; to_counter: number }>(
        "SELECT from_counter, to_counter FROM reserves WHERE user_number = ? AND created_at >= ?",
      ),
      insertReserve: db.prepare("INSERT INTO reserves (user_number, device, from_counter, to_counter, created_at) VALUES (?, ?, ?, ?, ?)"),
      remember: db.prepare("INSERT INTO deployment_prefixes (prefix_key, prefix, first_seen) VALUES (?, ?, ?) ON CONFLICT (prefix_key) DO NOTHING"),
      remembered: db.prepare<[], { prefix: string }>("SELECT prefix FROM deployment_prefixes ORDER BY first_seen, prefix_key"),
      byToken: db.prepare<[string], ActivityRow>(`SELECT ${ACTIVITY_COLUMNS} FROM activities WHERE token_key = ? ORDER BY sent_at DESC, id DESC`),
      bySubject: db.prepare<[string, number, number], ActivityRow>(SUBJECT_CANDIDATES_SQL.replace(/\$\d/g, "?")),
      probe: db.prepare(PROBE_SQL),
      insertActivity: db.prepare(
        "INSERT INTO activities (token_key, token, designator, user_number, counter, subject, subject_key, to_json, cc_json, sent_at, draft_key, sender_key, sender, sender_name, status, recorded_at) " +
          "VALUES (@tokenKey, @token, @designator, @user, @counter, @subject, @subjectKey, @toJson, @ccJson, @sentAt, @draftKey, @senderKey, @sender, @senderName, @status, @recordedAt)",
      ),
      finalizeIssued: db.prepare(
        "UPDATE activities SET subject = @subject, subject_key = @subjectKey, to_json = @toJson, cc_json = @ccJson, sent_at = @sentAt, status = 'sent', finalized_at = @recordedAt " +
          "WHERE token_key = @tokenKey AND sender_key = @senderKey AND status = 'issued' AND sent_at = @issuedAt",
      ),
    });

    this.#register = db.transaction((identity: UserIdentity, maxOrdinal: number, now: number, claimOrdinal: number | undefined): Registration | undefined => {
      const existing = s.userByKey.get(identity.key);
      if (existing !== undefined) {
        if (existing.mailbox !== identity.mailbox || existing.name !== identity.name) {
          s.updateUser.run(identity.mailbox, identity.name, now, identity.key);
        }
        return { key: existing.user_key, mailbox: identity.mailbox, name: identity.name, ordinal: existing.ordinal, created: false };
      }
      const claimFree = claimOrdinal !== undefined && claimOrdinal <= maxOrdinal && s.ordinalTaken.get(claimOrdinal) === undefined;
      const ordinal = claimFree ? claimOrdinal : (s.firstFreeOrdinal.get()?.ordinal ?? 1);
      if (ordinal > maxOrdinal) return undefined;
      s.insertUser.run(ordinal, identity.key, identity.mailbox, identity.name, now, now);
      return { key: identity.key, mailbox: identity.mailbox, name: identity.name, ordinal, created: true };
    });

    this.#raise = db.transaction((user: number, marks: CounterMarks, now: number): void => {
      if (marks.online !== undefined) for (const step of s.raiseOnline) step.run({ user, mark: marks.online, now });
      if (marks.offline !== undefined) for (const step of s.raiseOffline) step.run({ user, mark: marks.offline, now });
    });

    this.#noteOffline = db.transaction((user: number, counter: number, reservedSince: number, now: number): void => {
      for (const step of s.raiseUnreserved) step.run({ user, mark: counter, now, since: reservedSince });
    });

    this.#reserve = db.transaction((user: number, device: string, size: number, settings: Settings, activeSince: number, now: number): ReserveOutcome => {
      const held = rangeCounters(s.heldReserves.all(user, activeSince).map((r) => ({ from: r.from_counter, to: r.to_counter })));
      for (const { counter } of s.activeOffline.all(user, activeSince)) held.add(counter);
      const chosen = chooseReserve(s.lastOffline.get(user)?.last_counter ?? null, size, settings, held);
      if (!chosen.ok) return chosen;
      const ranges = toRanges(chosen.counters);
      for (const range of ranges) s.insertReserve.run(user, device, range.from, range.to, now);
      s.saveOffline.run(user, chosen.last, now);
      return { ok: true, ranges };
    });

    this.#remember = db.transaction((prefixes: readonly string[], now: number): string[] => {
      for (const prefix of prefixes) s.remember.run(asciiLowerCase(prefix), prefix, now);
      return s.remembered.all().map((r) => r.prefix);
    });

    this.#deleteAll = db.transaction((): void => {
      for (const table of DATA_TABLES) db.prepare(`DELETE FROM ${table}`).run();
    });

    this.#allocate = db.transaction((user: number, settings: Settings, activeSince: number, now: number): FreeCounter => {
      const last = s.lastCounter.get(user)?.last_counter ?? null;
      const result = chooseCounter(
        last,
        settings,
        (counter) => s.isActive.get(user, counter, activeSince) !== undefined,
        () => new Set(s.activeCounters.all(user, activeSince).map((r) => r.counter)),
      );
      if (result.ok) s.saveCounter.run(user, result.counter, now);
      return result;
    });

    this.#record = db.transaction((activity: ActivityRecord, activeWindowMs: number, now: number): RecordOutcome => {
      const decision = recordDecision(activity, s.byToken.all(activity.tokenKey).map(fromRow), activeWindowMs);
      if (decision.kind !== "insert") return decision;
      s.insertActivity.run(toRow(activity, now));
      return { kind: "stored" };
    });

    this.#finalize = db.transaction((sent: ActivityRecord, activeWindowMs: number, now: number): FinalizeOutcome => {
      const decision = finalizeDecision(sent, s.byToken.all(sent.tokenKey).map(fromRow), activeWindowMs);
      if (decision.kind === "insert") {
        s.insertActivity.run(toRow(sent, now));
        return { kind: "stored" };
      }
      if (decision.kind !== "update") return decision;
      s.finalizeIssued.run({ ...toRow(sent, now), issuedAt: decision.issued.sentAt });
      return { kind: "finalized" };
    });
  }

  /**
   * Runs one operation on a database that is still the file it opened. A deleted or replaced file
   * would otherwise keep answering from the open handle and be lost at the next restart.
   */
  #use<T>(work: () => T): Promise<T> {
    try {
      this.#checkFile();
      return Promise.resolve(work());
    } catch (error) {
      if (error instanceof StorageUnavailableError) return Promise.reject(error);
      const code = (error as { code?: unknown }).code;
      if (typeof code === "string" && UNAVAILABLE_CODES.test(code)) {
        return Promise.reject(new StorageUnavailableError(`The SQLite database cannot be used: ${(error as Error).message} (${code}). Nothing was stored.`, { cause: error }));
      }
      return Promise.reject(error);
    }
  }

  #checkFile(): void {
    if (!this.#db.open) throw new StorageUnavailableError("The SQLite database is closed: the service is stopping.");
    const opened = this.#opened;
    if (opened === undefined) return;
    const now = fileStats(opened.file);
    const change = now === undefined ? "deleted" : now.ino !== opened.ino || now.dev !== opened.dev ? "replaced" : now.size === 0 ? "emptied" : undefined;
    if (change !== undefined) {
      throw new StorageUnavailableError(
        `The SQLite database file ${opened.file} was ${change} while the service ran; nothing is written into it. ` +
          "Restore the file (or stop the service and restore a backup), then restart.",
      );
    }
  }

  registerUser(identity: UserIdentity, maxOrdinal: number, now: number, claimOrdinal?: number): Promise<Registration | undefined> {
    return this.#use(() => this.#register.immediate(identity, maxOrdinal, now, claimOrdinal));
  }

  raiseCounters(user: number, marks: CounterMarks, now: number): Promise<void> {
    return this.#use(() => this.#raise.immediate(user, marks, now));
  }

  noteOfflineCounter(user: number, counter: number, reservedSince: number, now: number): Promise<void> {
    return this.#use(() => this.#noteOffline.immediate(user, counter, reservedSince, now));
  }

  highWater(user: number): Promise<HighWater> {
    return this.#use(() => ({
      online: this.#statements.lastCounter.get(user)?.last_counter ?? null,
      offline: this.#statements.lastOffline.get(user)?.last_counter ?? null,
    }));
  }

  allocateReserve(user: number, device: string, size: number, settings: Settings, activeSince: number, now: number): Promise<ReserveOutcome> {
    return this.#use(() => this.#reserve.immediate(user, device, size, settings, activeSince, now));
  }

  rememberPrefixes(prefixes: readonly string[], now: number): Promise<string[]> {
    return this.#use(() => this.#remember.immediate(prefixes, now));
  }

  deleteAllData(): Promise<void> {
    return this.#use(() => this.#deleteAll.immediate());
  }

  allocateCounter(user: number, settings: Settings, activeSince: number, now: number): Promise<FreeCounter> {
    // IMMEDIATE takes the write lock before reading, so no other writer can read the same `last`.
    return this.#use(() => this.#allocate.immediate(user, settings, activeSince, now));
  }

  recordActivity(activity: ActivityRecord, activeWindowMs: number, now: number): Promise<RecordOutcome> {
    return this.#use(() => this.#record.immediate(activity, activeWindowMs, now));
  }

  finalizeActivity(sent: ActivityRecord, activeWindowMs: number, now: number): Promise<FinalizeOutcome> {
    return this.#use(() => this.#finalize.immediate(sent, activeWindowMs, now));
  }

  activitiesByToken(tokenKeys: readonly string[]): Promise<ActivityRecord[]> {
    return this.#use(() => tokenKeys.flatMap((key) => this.#statements.byToken.all(key)).map(fromRow).sort((a, b) => b.sentAt - a.sentAt));
  }

  activitiesBySubject(subjectKey: string, limit: number, perSender: number): Promise<ActivityRecord[]> {
    return this.#use(() => this.#statements.bySubject.all(subjectKey, perSender, limit).map(fromRow));
  }

  probe(): Promise<void> {
    return this.#use(() => {
      this.#statements.probe.all();
      const opened = this.#opened;
      if (opened === undefined) return;
      // The open handle trusts its page cache while the WAL is unchanged; a fresh read-only
      // connection reads the file's header and the tables' pages again, so damage shows here.
      const fresh = new Database(opened.file, { readonly: true, fileMustExist: true });
      try {
        fresh.prepare(PROBE_SQL).all();
      } finally {
        fresh.close();
      }
    });
  }

  close(): Promise<void> {
    if (this.#db.open) this.#db.close();
    return Promise.resolve();
  }
}
