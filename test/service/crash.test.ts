/**
 * The real service process (src/server/main.ts, on SQLite and on PostgreSQL) killed with SIGKILL
 * mid-work, then restarted on the same database: no number issued twice, no acknowledged
 * allocation lost, and offline activities synced across the restart stored exactly once.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { SQLITE_FILE_NAME } from "../../src/server/store/sqlite";
import { exited, startService } from "./support/child";
import type { ServiceProcess } from "./support/child";
import { tempDir } from "./support/backends";
import { keepAliveAgent, request } from "./support/http";

jest.setTimeout(90_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const DATABASE_URL = process.env["DATABASE_URL"] ?? "";
const BACKENDS = DATABASE_URL === "" ? ["sqlite"] : ["sqlite", "postgres"];

describe.each(BACKENDS)("the service process killed and restarted (%s)", (backend) => {
  let dataDir: string;
  let schema: string;
  let service: ServiceProcess | undefined;

  beforeEach(() => {
    dataDir = tempDir("crash");
    schema = `crash_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  });
  afterEach(async () => {
    if (service !== undefined && service.child.exitCode === null) {
      service.child.kill("SIGKILL");
      await exited(service.child);
    }
    rmSync(dataDir, { recursive: true, force: true });
    if (backend === "postgres") {
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  });

  const env = (port = 0) => ({
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    COUNTER_DIGITS: "6",
    RATE_LIMIT_PER_MINUTE: "1000000",
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: "1000000",
    CREATE_DATABASE: "1",
    ...(backend === "postgres" ? { DATABASE_URL, DATABASE_SCHEMA: schema } : {}),
  });

  async function activityCounts(): Promise<{ token_key: string; n: number }[]> {
    const sql = "SELECT token_key, COUNT(*) AS n FROM activities GROUP BY token_key";
    if (backend === "postgres") {
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      const { rows } = await client.query<{ token_key: string; n: string }>(sql.replace("activities", `${schema}.activities`));
      await client.end();
      return rows.map((r) => ({ token_key: r.token_key, n: Number(r.n) }));
    }
    const db = new Database(path.join(dataDir, SQLITE_FILE_NAME), { readonly: true });
    const rows = db.prepare(sql).all() as { token_key: string; n: number }[];
    db.close();
    return rows;
  }

  async function devToken(baseUrl: string, mailbox: string): Promise<string> {
    const agent = keepAliveAgent(1);
    const reply = await request(agent, baseUrl, "POST", "/v1/dev/token", { body: { mailbox } });
    agent.destroy();
    return (reply.body as { accessToken: string }).accessToken;
  }

  test("SIGKILL during allocations: no number issued twice, none acknowledged lost", async () => {
    service = await startService(env());
    const token = await devToken(service.baseUrl, "anna@contoso.com");
    const agent = keepAliveAgent(20);
    const acknowledged: number[] = [];
    const refused: string[] = [];
    let killed = false;
    const client = async (): Promise<void> => {
      while (!killed) {
        try {
          const reply = await request(agent, service?.baseUrl ?? "", "POST", "/v1/counters/next", { token, body: {}, timeoutMs: 2000 });
          if (reply.status === 200) acknowledged.push((reply.body as { counter: number }).counter);
          else refused.push(`${reply.status} ${JSON.stringify(reply.body)}`);
        } catch {
          return; // the connection died with the process: this allocation was not acknowledged
        }
      }
    };
    const clients = Array.from({ length: 20 }, client);
    const deadline = Date.now() + 30_000;
    while (acknowledged.length < 1500) {
      if (Date.now() > deadline || refused.length > 0) throw new Error(`allocations did not run: ${acknowledged.length} acknowledged; ${refused.slice(0, 3).join("; ")}`);
      await sleep(5);
    }
    service.child.kill("SIGKILL");
    killed = true;
    await exited(service.child);
    await Promise.all(clients);
    agent.destroy();

    service = await startService(env());
    const after = keepAliveAgent(4);
    const reissued: number[] = [];
    for (let i = 0; i < 200; i++) {
      const reply = await request(after, service.baseUrl, "POST", "/v1/counters/next", { token, body: {} });
      expect(reply.status).toBe(200);
      reissued.push((reply.body as { counter: number }).counter);
    }
    after.destroy();

    expect(new Set(acknowledged).size).toBe(acknowledged.length);
    const highestAcknowledged = Math.max(...acknowledged);
    // Every acknowledged number is at or below the counter the restarted service continues from...
    expect(Math.min(...reissued)).toBeGreaterThan(highestAcknowledged);
    // ...and nothing is issued twice across the crash.
    expect(new Set([...acknowledged, ...reissued]).size).toBe(acknowledged.length + reissued.length);
  });

  test("500 offline activities synced while the service restarts mid-way: each stored exactly once", async () => {
    service = await startService(env());
    const port = service.port;
    const token = await devToken(service.baseUrl, "anna@contoso.com");
    const agent = keepAliveAgent(10);
    // Register first so the user number (1) is known; offline tokens carry designator 1.
    await request(agent, service.baseUrl, "POST", "/v1/users/me", { token, body: {} });
    const outcomes = new Map<number, number>();
    // Offline mail from yesterday: inside the service's sentAt window.
    const sentBase = Date.now() - 24 * 3600_000;
    let attempts = 0;
    let restarted = false;
    let failed = false;

    const sync = async (counter: number): Promise<void> => {
      const tokenText = `CRM:1001${String(counter).padStart(6, "0")}`;
      const body = { token: tokenText, subject: `Offline note ${counter} ${tokenText}`, to: ["bob@fabrikam.com"], cc: [], sentAt: new Date(sentBase + counter * 1000).toISOString(), designator: 1, draftKey: `draft-${counter}` };
      // The client retries a post until it gets an answer: connection errors and 503s are retried.
      while (!failed) {
        attempts++;
        try {
          const reply = await request(agent, `http://127.0.0.1:${port}`, "POST", "/v1/activities", { token, body, timeoutMs: 3000 });
          if (reply.status === 201 || reply.status === 200) {
            outcomes.set(counter, reply.status);
            return;
          }
          if (reply.status !== 503) throw new Error(`unexpected ${reply.status}: ${JSON.stringify(reply.body)}`);
        } catch (error) {
          if ((error as Error).message.startsWith("unexpected")) {
            failed = true; // stop the other workers too, so the test ends
            throw error;
          }
        }
        await sleep(50);
      }
    };

    const queue = Array.from({ length: 500 }, (_, i) => i + 1);
    const workers = Array.from({ length: 10 }, async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        await sync(next);
        if (!restarted && outcomes.size >= 250) {
          restarted = true;
          const old = service;
          old?.child.kill("SIGKILL");
          if (old !== undefined) await exited(old.child);
          service = await startService(env(port));
        }
      }
    });
    await Promise.all(workers);
    agent.destroy();

    expect(restarted).toBe(true);
    expect(outcomes.size).toBe(500);
    expect(attempts).toBeGreaterThanOrEqual(500);
    service.child.kill("SIGTERM");
    await exited(service.child);
    const rows = await activityCounts();
    expect(rows).toHaveLength(500);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });
});
