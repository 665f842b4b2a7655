/**
 * The real service process killed with SIGKILL while devices take offline reserves, then
 * restarted on the same database (SQLite file, or PostgreSQL schema): no number of an acknowledged
 * reserve is lost or given out again (docs/NUMBERING.md).
 */
import { describeBackends } from "./support/backends";
import type { OpenedBackend } from "./support/backends";
import { exited, startService } from "./support/child";
import type { ServiceProcess } from "./support/child";
import { keepAliveAgent, request } from "./support/http";

jest.setTimeout(120_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Range = { from: number; to: number };
const numbers = (ranges: readonly Range[]) => ranges.flatMap(({ from, to }) => Array.from({ length: to - from + 1 }, (_, i) => from + i));

describeBackends("a restart in the middle of reservations", (backend) => {
  let opened: OpenedBackend;
  let service: ServiceProcess | undefined;

  beforeEach(async () => {
    opened = await backend.setup();
  });
  afterEach(async () => {
    if (service !== undefined && service.child.exitCode === null) {
      service.child.kill("SIGKILL");
      await exited(service.child);
    }
    await opened.cleanup();
  });

  const env = () => ({ ...opened.serviceEnv, CREATE_DATABASE: "1", PORT: "0", HOST: "127.0.0.1", COUNTER_DIGITS: "6", OFFLINE_RESERVE_SIZE: "5", RATE_LIMIT_PER_MINUTE: "1000000" });

  test("SIGKILL while 10 devices reserve: every acknowledged number distinct, none reissued after the restart", async () => {
    service = await startService(env());
    const setup = keepAliveAgent(1);
    const token = ((await request(setup, service.baseUrl, "POST", "/v1/dev/token", { body: { mailbox: "anna@contoso.com" } })).body as { accessToken: string }).accessToken;
    setup.destroy();

    const agent = keepAliveAgent(10);
    const acknowledged: number[] = [];
    const refused: string[] = [];
    let killed = false;
    const device = async (id: number): Promise<void> => {
      while (!killed) {
        try {
          const reply = await request(agent, service?.baseUrl ?? "", "POST", "/v1/reserves", { token, body: { device: `device-${id}` }, timeoutMs: 3000 });
          if (reply.status === 201) acknowledged.push(...numbers((reply.body as { ranges: Range[] }).ranges));
          else refused.push(`${reply.status} ${JSON.stringify(reply.body)}`);
        } catch {
          return; // the connection died with the process: this reserve was not acknowledged
        }
      }
    };
    const devices = Array.from({ length: 10 }, (_, id) => device(id));
    const deadline = Date.now() + 60_000;
    while (acknowledged.length < 1500) {
      if (Date.now() > deadline || refused.length > 0) throw new Error(`reserves did not run: ${acknowledged.length} numbers; ${refused.slice(0, 3).join("; ")}`);
      await sleep(5);
    }
    service.child.kill("SIGKILL");
    killed = true;
    await exited(service.child);
    await Promise.all(devices);
    agent.destroy();

    service = await startService(env());
    const after = keepAliveAgent(2);
    const later: number[] = [];
    for (let i = 0; i < 20; i++) {
      const reply = await request(after, service.baseUrl, "POST", "/v1/reserves", { token, body: { device: "device-0" } });
      expect(reply.status).toBe(201);
      later.push(...numbers((reply.body as { ranges: Range[] }).ranges));
    }
    after.destroy();

    expect(new Set(acknowledged).size).toBe(acknowledged.length);
    // The restarted service goes on above every acknowledged number...
    expect(Math.min(...later)).toBeGreaterThan(Math.max(...acknowledged));
    // ...so no device is handed a number another device already holds.
    expect(new Set([...acknowledged, ...later]).size).toBe(acknowledged.length + later.length);
  });
});
