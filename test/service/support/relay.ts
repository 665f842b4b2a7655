/** A TCP relay in front of PostgreSQL that can be stopped and started: a database that goes away and comes back. */
import net from "node:net";

export type Relay = {
  /** The database URL through the relay. */
  readonly url: string;
  /** Starts listening (on the same port as before, after a stop). */
  start(): Promise<void>;
  /** Cuts every connection and stops listening: clients see a refused or broken connection. */
  stop(): Promise<void>;
};

export function relay(databaseUrl: string): Relay {
  const target = new URL(databaseUrl);
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  return {
    get url() {
      const url = new URL(target.href);
      url.hostname = "127.0.0.1";
      url.port = String(port);
      return url.href;
    },
    start: () =>
      new Promise<void>((resolve, reject) => {
        server = net.createServer((client) => {
          const upstream = net.connect(Number(target.port || 5432), target.hostname);
          for (const socket of [client, upstream]) {
            sockets.add(socket);
            socket.on("close", () => sockets.delete(socket));
            socket.on("error", () => undefined);
          }
          client.pipe(upstream).pipe(client);
        });
        server.once("error", reject);
        server.listen(port, "127.0.0.1", () => {
          port = (server?.address() as net.AddressInfo).port;
          resolve();
        });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        if (server === undefined) return resolve();
        server.close(() => resolve());
        server = undefined;
      }),
  };
}
