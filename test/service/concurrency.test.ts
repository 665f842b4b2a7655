/**
 * 50 concurrent clients x 200 allocations for one user over real HTTP: 10,000 distinct numbers.
 * SQLite: one listening service. PostgreSQL: two service instances on one database, the clients
 * split between them (as behind a load balancer).
 */
import type { FastifyInstance } from "fastify";
import { describeBackends } from "./support/backends";
import type { OpenedBackend } from "./support/backends";
import { keepAliveAgent, request } from "./support/http";
import { makeTestApp, settingsWith } from "./support/testApp";

const CLIENTS = 50;
const PER_CLIENT = 200;

jest.setTimeout(120_000);

describeBackends("concurrent allocation", (backend) => {
  const instances = backend.name === "postgres" ? 2 : 1;
  let opened: OpenedBackend;
  const apps: FastifyInstance[] = [];

  afterAll(async () => {
    for (const app of apps) await app.close();
    await opened.cleanup();
  });

  test(`${CLIENTS} clients x ${PER_CLIENT} allocations on ${instances} instance(s): ${CLIENTS * PER_CLIENT} distinct numbers`, async () => {
    opened = await backend.setup();
    // 6 counter digits: 10,000 numbers must not wrap.
    const settings = settingsWith({ counterDigits: 6 });
    const urls: string[] = [];
    let token = "";
    for (let i = 0; i < instances; i++) {
      const t = await makeTestApp(await opened.open(), { dataDir: opened.dataDir, settings });
      apps.push(t.app);
      urls.push(await t.app.listen({ host: "127.0.0.1", port: 0 }));
      if (i === 0) token = await t.tokenFor("anna@contoso.com");
    }
    const agent = keepAliveAgent(CLIENTS);
    const counters: number[] = [];
    const failures: string[] = [];
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        const url = urls[client % urls.length] ?? "";
        for (let i = 0; i < PER_CLIENT; i++) {
          const reply = await request(agent, url, "POST", "/v1/counters/next", { token, body: {} });
          if (reply.status === 200) counters.push((reply.body as { counter: number }).counter);
          else failures.push(`${reply.status} ${JSON.stringify(reply.body)}`);
        }
      }),
    );
    agent.destroy();
    expect(failures).toEqual([]);
    expect(counters).toHaveLength(CLIENTS * PER_CLIENT);
    expect(new Set(counters).size).toBe(CLIENTS * PER_CLIENT);
    // Nothing skipped either: exactly 1..10,000.
    expect(Math.min(...counters)).toBe(1);
    expect(Math.max(...counters)).toBe(CLIENTS * PER_CLIENT);
  });
});
