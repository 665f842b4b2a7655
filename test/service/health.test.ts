/**
 * First run and health (docs/SERVICE.md): a missing or empty database is created only when asked
 * for; a database deleted, emptied or damaged while the service runs, or a PostgreSQL that stops,
 * makes readiness 503 and every write a loud 503, never a write into a deleted file; liveness
 * stays 200. The database file is owner-only.
 */
import { closeSync, existsSync, openSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { StoreMissingError } from "../../src/server/errors";
import { openPostgresStore } from "../../src/server/store/postgres";
import { openSqliteStore, SQLITE_FILE_NAME } from "../../src/server/store/sqlite";
import type { TrackingStore } from "../../src/server/store/types";
import { tempDir } from "./support/backends";
import { exited, startService } from "./support/child";
import { relay } from "./support/relay";
import { makeTestApp } from "./support/testApp";
import type { TestApp } from "./support/testApp";

jest.setTimeout(30_000);

const DATABASE_URL = process.env["DATABASE_URL"] ?? "";
const describePostgres = DATABASE_URL === "" ? describe.skip : describe;

async function expectSick(app: FastifyInstance, token: string, reason: RegExp): Promise<void> {
  const ready = await app.inject({ method: "GET", url: "/v1/health/ready" });
  expect(ready.statusCode).toBe(503);
  expect(ready.json()).toMatchObject({ error: "storage-unavailable" });
  expect((ready.json() as { message: string }).message).toMatch(reason);
  expect(Number(ready.headers["retry-after"])).toBeGreaterThan(0);
  // The old single endpoint, which the add-in pings, says the same.
  expect((await app.inject({ method: "GET", url: "/v1/health" })).statusCode).toBe(503);
  const write = await app.inject({ method: "POST", url: "/v1/counters/next", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, payload: "{}" });
  expect(write.statusCode).toBe(503);
  expect(write.json()).toMatchObject({ error: "storage-unavailable" });
  expect((await app.inject({ method: "GET", url: "/v1/health/live" })).statusCode).toBe(200);
}

async function expectHealthy(app: FastifyInstance, token: string): Promise<void> {
  expect((await app.inject({ method: "GET", url: "/v1/health/ready" })).json()).toMatchObject({ status: "ok" });
  const write = await app.inject({ method: "POST", url: "/v1/counters/next", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, payload: "{}" });
  expect(write.statusCode).toBe(200);
}

describe("first run (SQLite)", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = tempDir("first-run");
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  test("a missing database is refused unless creation is asked for, with what to do", () => {
    expect(() => openSqliteStore({ dataDir })).toThrow(StoreMissingError);
    expect(() => openSqliteStore({ dataDir: path.join(dataDir, "typo") })).toThrow(/no database file at .*typo.*--init \(or CREATE_DATABASE=1\).*check DATA_DIR/i);
    expect(existsSync(path.join(dataDir, SQLITE_FILE_NAME))).toBe(false);
  });

  test("an empty (0-byte) file is refused too", () => {
    writeFileSync(path.join(dataDir, SQLITE_FILE_NAME), "");
    expect(() => openSqliteStore({ dataDir })).toThrow(/empty \(0 bytes\)/);
  });

  test("created on first run owner-only (0600), and opened without the flag afterwards", async () => {
    const store = openSqliteStore({ dataDir, create: true });
    await store.registerUser({ key: "a", mailbox: "a@x.com", name: null }, 999, 0);
    await store.close();
    expect(statSync(path.join(dataDir, SQLITE_FILE_NAME)).mode & 0o777).toBe(0o600);
    const again = openSqliteStore({ dataDir });
    await expect(again.registerUser({ key: "a", mailbox: "a@x.com", name: null }, 999, 0)).resolves.toMatchObject({ ordinal: 1 });
    await again.close();
  });

  test("the service process: refuses without --init (exit 1, the reason), starts with it, and later without it", async () => {
    const env = { DATA_DIR: dataDir, PORT: "0" };
    await expect(startService(env)).rejects.toThrow(/exited with 1 before listening:[\s\S]*There is no database file at[\s\S]*--init/);
    const first = await startService({ ...env, CREATE_DATABASE: "1" });
    first.child.kill("SIGTERM");
    await exited(first.child);
    const later = await startService(env);
    later.child.kill("SIGTERM");
    await exited(later.child);
  });
});

describe("SQLite database broken while the service runs", () => {
  let dataDir: string;
  let store: TrackingStore;
  let t: TestApp;
  let token: string;
  const file = () => path.join(dataDir, SQLITE_FILE_NAME);

  beforeEach(async () => {
    dataDir = tempDir("health");
    store = openSqliteStore({ dataDir, create: true });
    t = await makeTestApp(store, { dataDir });
    token = await t.tokenFor("anna@contoso.com");
    await expectHealthy(t.app, token);
  });
  afterEach(async () => {
    await t.app.close();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("deleted: not ready, writes 503, and no file is written again", async () => {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file()}${suffix}`, { force: true });
    await expectSick(t.app, token, /deleted while the service ran/);
    expect(existsSync(file())).toBe(false);
  });

  test("emptied to 0 bytes: not ready, writes 503", async () => {
    truncateSync(file(), 0);
    await expectSick(t.app, token, /emptied/);
  });

  test("a damaged file is refused at start with SQLite's own reason", async () => {
    await t.app.close();
    await store.close();
    const fd = openSync(file(), "r+");
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 0);
    closeSync(fd);
    expect(() => openSqliteStore({ dataDir })).toThrow(/not a database/);
    // Something for afterEach to close.
    store = openSqliteStore({ dataDir: path.join(dataDir, "other"), create: true });
    t = await makeTestApp(store, { dataDir });
  });

  test("damaged under a running service: readiness reads the file again and says so", async () => {
    // Checkpointed, so the damaged page is the one SQLite reads (not a newer copy in the WAL).
    const other = new Database(file());
    other.pragma("wal_checkpoint(TRUNCATE)");
    other.close();
    const fd = openSync(file(), "r+");
    writeSync(fd, Buffer.alloc(100, 0x5a), 0, 100, 0);
    closeSync(fd);
    const ready = await t.app.inject({ method: "GET", url: "/v1/health/ready" });
    expect(ready.statusCode).toBe(503);
    expect((ready.json() as { message: string }).message).toMatch(/not a database/);
  });
});

describePostgres("PostgreSQL stopped while the service runs", () => {
  const schema = `h_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  // Made when the suite runs: without DATABASE_URL it is skipped, but its body is still read.
  let proxy: ReturnType<typeof relay>;
  let store: TrackingStore;
  let t: TestApp;
  let token: string;
  let dataDir: string;

  beforeAll(async () => {
    proxy = relay(DATABASE_URL);
    await proxy.start();
    dataDir = tempDir("pg-health");
  });
  afterAll(async () => {
    await proxy.stop();
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("a schema without tables is refused unless creation is asked for", async () => {
    await expect(openPostgresStore({ connectionString: DATABASE_URL, schema })).rejects.toThrow(/has no tracking tables[\s\S]*--init/);
  });

  test("stopped: not ready within the deadline, writes 503; started again: ready and writing", async () => {
    store = await openPostgresStore({ connectionString: proxy.url, schema, create: true, poolSize: 4 });
    t = await makeTestApp(store, { dataDir });
    token = await t.tokenFor("anna@contoso.com");
    try {
      await expectHealthy(t.app, token);
      await proxy.stop();
      const started = Date.now();
      await expectSick(t.app, token, /PostgreSQL/);
      expect(Date.now() - started).toBeLessThan(15_000);
      await proxy.start();
      await expectHealthy(t.app, token);
    } finally {
      await t.app.close();
      await store.close();
    }
  });
});
