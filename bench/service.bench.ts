/**
 * Tracking service benchmark (`npm run bench:service`): allocations/s and p50/p99 latency of
 * POST /v1/counters/next at 1, 10 and 50 concurrent clients, all for one user (the worst case:
 * every allocation queues on one counter). The service runs as a child process (`node --import tsx
 * src/server/main.ts`), so client and server do not share an event loop; clients use a
 * keep-alive agent. SQLite always; PostgreSQL too when DATABASE_URL is set.
 * Writes the "Tracking service" section of docs/BENCHMARKS.md unless --no-write.
 * Flags: --seconds N (per concurrency level, default 5), --no-write, --only sqlite|postgres.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { writeBenchSection } from "./benchmarksFile";

const ROOT = path.resolve(__dirname, "..");
const LEVELS = [1, 10, 50] as const;
const args = process.argv.slice(2);
const seconds = Number(args[args.indexOf("--seconds") + 1] ?? 5) || 5;
const write = !args.includes("--no-write");
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;

type Row = { backend: string; clients: number; requests: number; perSecond: number; p50: number; p99: number; errors: number };

function startService(env: Record<string, string>): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "src/server/main.ts")], {
    cwd: ROOT,
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1] !== undefined) resolve({ child, baseUrl: match[1] });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`service exited with ${String(code)}:\n${output}`)));
  });
}

function post(agent: http.Agent, url: URL, token: string | undefined, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function measure(baseUrl: string, token: string, clients: number, durationMs: number): Promise<Omit<Row, "backend">> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const url = new URL("/v1/counters/next", baseUrl);
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const reply = await post(agent, url, token, "{}");
        latencies.push(performance.now() - t0);
        if (reply.status !== 200) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { clients, requests: latencies.length, perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
}

async function benchBackend(backend: "sqlite" | "postgres"): Promise<Row[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "tracking-bench-"));
  const schema = `bench_${process.pid}`;
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    // The bench measures allocation, not the limiter: raise it far above what 50 clients can send.
    RATE_LIMIT_PER_MINUTE: "100000000",
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: "100000000",
    CREATE_DATABASE: "1",
    COUNTER_DIGITS: "9",
  };
  if (backend === "postgres") {
    env["DATABASE_URL"] = process.env["DATABASE_URL"] ?? "";
    env["DATABASE_SCHEMA"] = schema;
    env["DATABASE_POOL_SIZE"] = "20";
  }
  const { child, baseUrl } = await startService(env);
  const rows: Row[] = [];
  try {
    const agent = new http.Agent({ keepAlive: true });
    const token = (JSON.parse((await post(agent, new URL("/v1/dev/token", baseUrl), undefined, JSON.stringify({ mailbox: "bench@contoso.com" }))).text) as { accessToken: string }).accessToken;
    agent.destroy();
    await measure(baseUrl, token, 10, 1000); // warm-up: JIT, statement caches, connection pool
    for (const clients of LEVELS) {
      const row = { backend, ...(await measure(baseUrl, token, clients, seconds * 1000)) };
      rows.push(row);
      console.log(`${backend.padEnd(8)} ${String(clients).padStart(2)} clients: ${Math.round(row.perSecond).toLocaleString("en-US")} allocations/s, p50 ${row.p50.toFixed(2)} ms, p99 ${row.p99.toFixed(2)} ms, ${row.errors} errors`);
    }
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    rmSync(dataDir, { recursive: true, force: true });
    if (backend === "postgres") await dropSchema(schema);
  }
  return rows;
}

async function dropSchema(schema: string): Promise<void> {
  const pg = await import("pg");
  const client = new pg.default.Client({ connectionString: process.env["DATABASE_URL"] });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}

function section(rows: readonly Row[], skippedPostgres: boolean): string {
  const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
  const sqlite50 = rows.find((r) => r.backend === "sqlite" && r.clients === 50);
  const verdict =
    sqlite50 === undefined
      ? ""
      : `Target on SQLite at 50 clients: ≥ 5,000 allocations/s with p99 ≤ 25 ms: ${sqlite50.perSecond >= 5000 && sqlite50.p99 <= 25 ? "met" : "NOT met"} ` +
        `(${fmt(sqlite50.perSecond)}/s, p99 ${sqlite50.p99.toFixed(1)} ms).`;
  const cpu = os.cpus();
  return [
    "## Tracking service",
    "",
    "`POST /v1/counters/next` for one user (every allocation queues on the same counter: the worst case), over",
    "keep-alive HTTP, with the service in a child process (`node --import tsx src/server/main.ts`, logger off,",
    `rate limit raised) and the clients in the benchmark process. ${seconds} s per level after a 1 s warm-up; every`,
    "allocation is a durable transaction (SQLite WAL, synchronous=NORMAL; PostgreSQL with its default",
    "synchronous_commit=on, so each allocation waits for a WAL flush while it holds the counter's row lock).",
    "",
    "Run: `npm run bench:service` (`--seconds N`, `--no-write`, `--only sqlite|postgres`); PostgreSQL runs when",
    '`DATABASE_URL` is set, e.g. after `eval "$(bash scripts/ci-postgres.sh)"`.',
    "",
    "| storage | clients | allocations/s | p50 ms | p99 ms | errors |",
    "|---|---:|---:|---:|---:|---:|",
    ...rows.map((r) => `| ${r.backend} | ${r.clients} | ${fmt(r.perSecond)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.errors} |`),
    ...(skippedPostgres ? ["", "PostgreSQL: not measured in this run (DATABASE_URL was not set)."] : []),
    "",
    verdict,
    "",
    `Machine: ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${cpu.length} cores, Node ${process.version}, load average ${os.loadavg()[0]?.toFixed(1) ?? "?"} at the end. ` +
      `Date: ${new Date().toISOString().slice(0, 10)}.`,
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const hasPostgres = (process.env["DATABASE_URL"] ?? "") !== "";
  if (only !== "postgres") rows.push(...(await benchBackend("sqlite")));
  if (only !== "sqlite") {
    if (hasPostgres) rows.push(...(await benchBackend("postgres")));
    else console.log("postgres: skipped (DATABASE_URL is not set)");
  }
  const text = section(rows, !hasPostgres);
  console.log(`\n${text}`);
  if (write) writeBenchSection("## Tracking service", text);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
