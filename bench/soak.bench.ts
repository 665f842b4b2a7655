/**
 * Soak (`npm run bench:soak`): 50 clients, each its own user, allocate a number and record an
 * activity with it, again and again, for 60 s per backend, while the database is made to fail and
 * recover every 10 s (SQLite: the file is moved away for 2 s and back; PostgreSQL: a relay in
 * front of it drops every connection and refuses new ones for 2 s). Loopback only, bounded.
 * Checks at the end, against the database itself: no number acknowledged twice to one user, and
 * every acknowledged activity stored. Writes the "Soak" section of docs/BENCHMARKS.md unless --no-write.
 * Flags: --seconds N (default 60), --clients N (default 50), --no-write, --only sqlite|postgres.
 */
import { renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { SQLITE_FILE_NAME } from "../src/server/store/sqlite";
import { tempDir } from "../test/service/support/backends";
import { exited, startService } from "../test/service/support/child";
import { keepAliveAgent, request } from "../test/service/support/http";
import { relay } from "../test/service/support/relay";
import { writeBenchSection } from "./benchmarksFile";

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback);
const seconds = flag("--seconds", 60);
const clients = flag("--clients", 50);
const write = !args.includes("--no-write");
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
const FAULT_EVERY_MS = 10_000;
const FAULT_FOR_MS = 2_000;

type Result = {
  backend: string;
  allocations: number;
  perSecond: number;
  p99: number;
  activities: number;
  errors: Map<string, number>;
  duplicates: number;
  lost: number;
  faults: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function soak(backend: "sqlite" | "postgres"): Promise<Result> {
  const dataDir = tempDir("soak");
  const schema = `soak_${process.pid}`;
  const databaseUrl = process.env["DATABASE_URL"] ?? "";
  const pgRelay = backend === "postgres" ? relay(databaseUrl) : undefined;
  await pgRelay?.start();
  const service = await startService({
    DATA_DIR: dataDir,
    PORT: "0",
    HOST: "127.0.0.1",
    CREATE_DATABASE: "1",
    LOG_LEVEL: "silent",
    COUNTER_DIGITS: "9",
    RATE_LIMIT_PER_MINUTE: "100000000",
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: "100000000",
    ...(pgRelay === undefined ? {} : { DATABASE_URL: pgRelay.url, DATABASE_SCHEMA: schema, DATABASE_POOL_SIZE: "20" }),
  });
  const agent = keepAliveAgent(clients);
  const errors = new Map<string, number>();
  const count = (kind: string) => errors.set(kind, (errors.get(kind) ?? 0) + 1);
  const latencies: number[] = [];
  const acknowledged = new Map<number, number[]>();
  const recorded: string[] = [];
  let faults = 0;
  const file = path.join(dataDir, SQLITE_FILE_NAME);

  const end = Date.now() + seconds * 1000;
  const faulting = (async () => {
    while (Date.now() + FAULT_EVERY_MS < end) {
      await sleep(FAULT_EVERY_MS - FAULT_FOR_MS);
      faults++;
      if (pgRelay !== undefined) await pgRelay.stop();
      else renameSync(file, `${file}.away`);
      await sleep(FAULT_FOR_MS);
      if (pgRelay !== undefined) await pgRelay.start();
      else renameSync(`${file}.away`, file);
    }
  })();

  const client = async (index: number): Promise<void> => {
    const mailbox = `soak-${index}@contoso.com`;
    const token = (await request(agent, service.baseUrl, "POST", "/v1/dev/token", { body: { mailbox } })).body as { accessToken: string };
    let user: number | undefined;
    while (Date.now() < end) {
      try {
        if (user === undefined) {
          const me = await request(agent, service.baseUrl, "POST", "/v1/users/me", { token: token.accessToken, body: {} });
          if (me.status !== 200) throw Object.assign(new Error("users/me"), { kind: `users/me ${me.status} ${(me.body as { error?: string }).error ?? ""}` });
          user = (me.body as { userNumber: number }).userNumber;
          acknowledged.set(user, []);
        }
        const t0 = performance.now();
        const next = await request(agent, service.baseUrl, "POST", "/v1/counters/next", { token: token.accessToken, body: {} });
        latencies.push(performance.now() - t0);
        if (next.status !== 200) {
          count(`counters/next ${next.status} ${(next.body as { error?: string }).error ?? ""}`);
          await sleep(50);
          continue;
        }
        const allocation = next.body as { token: string; counter: number };
        acknowledged.get(user)?.push(allocation.counter);
        // The add-in retries a record until it is answered; so does the soak.
        const body = { token: allocation.token, subject: `Soak ${allocation.token}`, to: ["bob@fabrikam.com"], cc: [], sentAt: new Date().toISOString(), designator: 0 };
        for (;;) {
          const reply = await request(agent, service.baseUrl, "POST", "/v1/activities", { token: token.accessToken, body });
          if (reply.status === 201 || reply.status === 200) {
            recorded.push(allocation.token);
            break;
          }
          count(`activities ${reply.status} ${(reply.body as { error?: string }).error ?? ""}`);
          if (reply.status !== 503 || Date.now() > end + 10_000) break;
          await sleep(100);
        }
      } catch (error) {
        count((error as { kind?: string }).kind ?? `network ${(error as Error).message}`);
        await sleep(50);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
  await faulting;
  agent.destroy();
  service.child.kill("SIGTERM");
  await exited(service.child);

  const stored = new Set(await storedTokens(backend, file, databaseUrl, schema));
  await pgRelay?.stop();
  const lost = recorded.filter((t) => !stored.has(t.toLowerCase())).length;
  let duplicates = 0;
  for (const counters of acknowledged.values()) duplicates += counters.length - new Set(counters).size;
  const allocations = [...acknowledged.values()].reduce((sum, c) => sum + c.length, 0);
  rmSync(dataDir, { recursive: true, force: true });
  if (backend === "postgres") {
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
  latencies.sort((a, b) => a - b);
  return { backend, allocations, perSecond: allocations / seconds, p99: percentile(latencies, 99), activities: recorded.length, errors, duplicates, lost, faults };
}

async function storedTokens(backend: string, file: string, databaseUrl: string, schema: string): Promise<string[]> {
  if (backend === "postgres") {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ token_key: string }>(`SELECT token_key FROM ${schema}.activities`);
    await client.end();
    return rows.map((r) => r.token_key);
  }
  const db = new Database(file, { readonly: true });
  const rows = db.prepare("SELECT token_key FROM activities").all() as { token_key: string }[];
  db.close();
  return rows.map((r) => r.token_key);
}

function section(results: readonly Result[]): string {
  const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
  const cpu = os.cpus();
  return [
    "## Soak: database failing and recovering",
    "",
    `${clients} clients, each its own user, for ${seconds} s per backend: allocate (\`POST /v1/counters/next\`), then record an`,
    "activity with the number (`POST /v1/activities`, retried on 503 as the add-in does). Every 10 s the database fails",
    "for 2 s: SQLite's file is moved away and back (the service notices, answers 503 `storage-unavailable`, writes",
    "nothing, and recovers when the same file is back); PostgreSQL is cut off by a relay that drops every connection",
    "and refuses new ones. At the end the database itself is read: a number acknowledged twice to one user is a",
    "duplicate; an activity acknowledged (201/200) and not stored is lost.",
    "",
    "Run: `npm run bench:soak` (`--seconds N`, `--clients N`, `--no-write`, `--only sqlite|postgres`).",
    "",
    "| storage | allocations/s | p99 ms | activities stored | faults | errors by kind | duplicates | acknowledged lost |",
    "|---|---:|---:|---:|---:|---|---:|---:|",
    ...results.map(
      (r) =>
        `| ${r.backend} | ${fmt(r.perSecond)} | ${r.p99.toFixed(1)} | ${fmt(r.activities)} | ${r.faults} | ${[...r.errors].map(([kind, n]) => `${kind.trim()}: ${fmt(n)}`).join("; ") || "none"} | ${r.duplicates} | ${r.lost} |`,
    ),
    "",
    `Machine: ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${cpu.length} cores (shared with other work), Node ${process.version}. Date: ${new Date().toISOString().slice(0, 10)}.`,
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const results: Result[] = [];
  if (only !== "postgres") results.push(await soak("sqlite"));
  if (only !== "sqlite") {
    if ((process.env["DATABASE_URL"] ?? "") !== "") results.push(await soak("postgres"));
    else console.log("postgres: skipped (DATABASE_URL is not set)");
  }
  const text = section(results);
  console.log(text);
  if (write) writeBenchSection("## Soak: database failing and recovering", text);
  if (results.some((r) => r.duplicates > 0 || r.lost > 0)) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
