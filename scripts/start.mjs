/**
 * npm start: builds the add-in with webpack (watching for changes) and serves dist/ twice, both on
 * HTTPS with the development certificate (scripts/devCertificate.mjs):
 * - https://localhost:PORT (3000) for Outlook, which loads add-ins only over HTTPS;
 * - https://localhost:PLAYGROUND_PORT (3001)/playground/, the simulated mailbox, whose panes run on
 *   Microsoft's office.js, which trusts only a host on HTTPS (src/playground/outlookHost/README.md).
 * Beside them it runs the tracking service (src/server/main.ts) on SERVICE_PORT (3002): SQLite in
 * .service-data/ (created on the first run), development sign-in; the playground uses it. If it cannot start, the rest runs without it.
 * Writes .tracking-tokens.pid so `npm stop` can end it. Never waits for a browser or a prompt.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadDevCertificate } from "./devCertificate.mjs";
import { isRunning, PID_FILE, recordedPid } from "./pidFile.mjs";
import { startStaticServer } from "./serve.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// In .gitignore.
const CERT_DIR = path.join(root, ".certs");
const require = createRequire(import.meta.url);

function portFromEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`${name}=${raw} is not a port number (0-65535).`);
    process.exit(1);
  }
  return port;
}

async function refuseIfRunning() {
  const pid = await recordedPid();
  if (pid !== null && pid !== process.pid && isRunning(pid)) {
    console.error(`npm start is already running (pid ${pid}). Run \`npm stop\` first.`);
    process.exit(1);
  }
}

/** Runs webpack in watch mode; resolves after the first build (rejects if it has errors). */
function buildAndWatch() {
  const webpack = require("webpack");
  const makeConfig = require(path.join(root, "webpack.config.js"));
  const mode = process.env.NODE_ENV === "production" ? "production" : "development";
  // The config leaves `mode` to the CLI; the Node API must set it itself.
  const compiler = webpack({ ...makeConfig({}, { mode }), mode });
  let first = true;
  return new Promise((resolve, reject) => {
    const watching = compiler.watch({ aggregateTimeout: 200, ignored: /node_modules|dist|\.certs/ }, (error, stats) => {
      const failed = error || stats?.hasErrors();
      const report = error ? String(error.stack ?? error) : stats?.toString({ colors: process.stdout.isTTY, preset: "errors-warnings" });
      if (first) {
        first = false;
        if (failed) {
          watching.close(() => reject(new Error(report || "webpack failed")));
          return;
        }
        if (report?.trim()) console.log(report);
        resolve({ watching, mode });
        return;
      }
      const time = new Date().toLocaleTimeString();
      if (failed) console.error(`[${time}] Rebuild failed:\n${report}`);
      else console.log(`[${time}] Rebuilt${report?.trim() ? `:\n${report}` : "."}`);
    });
  });
}

/**
 * Runs the tracking service as a child process. Resolves with { url, stop() } once it listens, or
 * with { problem } when it cannot start: the add-in and the playground work without it.
 */
async function startTrackingService({ port, origins }) {
  const main = path.join(root, "src", "server", "main.ts");
  if (!existsSync(main)) return { problem: "src/server/main.ts does not exist yet" };
  const child = spawn(process.execPath, ["--import", "tsx", main], {
    cwd: root,
    env: {
      ...process.env,
      // The service reads PORT and HOST itself; ours (the add-in's) must not leak into it.
      HOST: "127.0.0.1",
      PORT: String(port),
      DATA_DIR: path.join(root, ".service-data"),
      // The playground's own database: created on the first `npm start`, kept after that
      // (the service never creates one unless told, docs/SERVICE.md "First run").
      CREATE_DATABASE: "1",
      SERVICE_DEV_AUTH: "1",
      // The playground's sample mail carries tokens of the team's earlier prefix ACME:, and with a
      // service the panes take the earlier prefixes from it (docs/NUMBERING.md).
      TOKEN_PREFIX_HISTORY: process.env.TOKEN_PREFIX_HISTORY ?? "ACME:",
      ADDIN_ORIGINS: origins.join(","),
      LOG_LEVEL: process.env.SERVICE_LOG_LEVEL ?? "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let ready = false;
  const url = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), 30_000);
    const onData = (chunk) => {
      const text = chunk.toString("utf8");
      if (ready) {
        // After start-up, pass the service's warnings and errors on, marked as its own.
        for (const line of text.split("\n").filter(Boolean)) console.log(`[service] ${line}`);
        return;
      }
      output += text;
      const match = /listening on (https?:\/\/\S+)/.exec(output);
      if (match) {
        ready = true;
        clearTimeout(timer);
        resolve(match[1].replace(/[;,)]$/, ""));
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(undefined);
    });
    child.once("error", () => resolve(undefined));
  });
  if (!url) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    return { problem: output.trim() || "it did not say it was listening within 30 s" };
  }
  let stoppingService = false;
  child.on("exit", (code, signal) => {
    if (!stoppingService) console.error(`[service] The tracking service stopped (${signal ?? `exit ${code}`}); the playground works on without it.`);
  });
  return {
    url: url.replace("//localhost:", "//127.0.0.1:"),
    stop: async () => {
      stoppingService = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Opens the playground only where someone can see it, without waiting for the browser. */
function maybeOpenBrowser(url) {
  if (process.env.CI || process.env.NO_OPEN || process.env.BROWSER === "none") return;
  const command = process.platform === "darwin" ? ["open", [url]] : process.platform === "win32" ? ["cmd", ["/c", "start", "", url]] : process.env.DISPLAY || process.env.WAYLAND_DISPLAY ? ["xdg-open", [url]] : null;
  if (!command) return;
  try {
    const child = spawn(command[0], command[1], { detached: true, stdio: "ignore" });
    child.on("error", () => undefined);
    child.unref();
  } catch {
    // No opener: the URL is printed anyway.
  }
}

async function main() {
  const port = portFromEnv("PORT", 3000);
  const playgroundPort = portFromEnv("PLAYGROUND_PORT", 3001);
  const servicePort = portFromEnv("SERVICE_PORT", 3002);
  await refuseIfRunning();

  const started = Date.now();
  console.log("Building the add-in with webpack…");
  let build;
  try {
    build = await buildAndWatch();
  } catch (error) {
    console.error(`Build failed:\n${error.message}`);
    process.exit(1);
  }

  const dist = path.join(root, "dist");
  const certificate = await loadDevCertificate(CERT_DIR);
  const tls = { key: certificate.key, cert: certificate.cert };
  let https;
  let playground;
  try {
    https = await startStaticServer({ root: dist, port, tls });
    playground = await startStaticServer({ root: dist, port: playgroundPort, tls });
  } catch (error) {
    console.error(error.code === "EADDRINUSE" ? `Port ${error.port ?? ""} is in use. Set PORT / PLAYGROUND_PORT, or run \`npm stop\`.` : String(error));
    await new Promise((resolve) => build.watching.close(resolve));
    await https?.close();
    process.exit(1);
  }

  await writeFile(PID_FILE, `${process.pid}\n`);

  const service = await startTrackingService({
    port: servicePort,
    origins: [https.url, playground.url, playground.url.replace("//localhost:", "//127.0.0.1:")],
  });

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await Promise.allSettled([new Promise((resolve) => build.watching.close(resolve)), https.close(), playground.close(), service.stop?.()]);
    // Only our own pid file: a second start that refused must not delete the first one's.
    if ((await recordedPid()) === process.pid) await rm(PID_FILE, { force: true });
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => void stop(signal));

  // The playground reads the service from its URL (src/playground/session.ts).
  // "?service=" (empty) when none runs, so the playground forgets a service from an earlier run.
  const playgroundUrl = `${playground.url}/playground/?service=${service.url ?? ""}`;
  const serviceLine = service.url
    ? `${service.url} (SQLite in .service-data/, development sign-in)`
    : `not running: ${service.problem.split("\n").slice(-3).join(" ")}\n                                   The playground works standalone (the mailbox is the authority).`;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
Ready in ${seconds} s (${build.mode} build, rebuilding on change).

  Playground (simulated mailbox):  ${playgroundUrl}${certificate.trusted ? "" : "\n                                   (self-signed certificate: let the browser proceed once)"}
  Tracking service:                ${serviceLine}
  Add-in for Outlook (HTTPS):      ${https.url}/manifest.xml
  Certificate:                     ${certificate.source}${certificate.trusted ? "" : "\n                                   not trusted: Outlook refuses it. Run \`npx office-addin-dev-certs install\` once, then restart."}

Sideload manifest.xml into Outlook:
  Outlook on the web / new Outlook for Windows:
    open https://aka.ms/olksideload (Add-ins for Outlook > My add-ins),
    "Add a custom add-in" > "Add from file…", choose manifest.xml from this folder.
  Classic Outlook on Windows / Outlook on Mac:
    Home > Get Add-ins (or "All Apps" > Add apps) > My add-ins > "Add a custom add-in" > "Add from file…".
  The manifest points at https://localhost:${port}; ${port === 3000 ? "keep PORT=3000 for it." : "it expects port 3000, so Outlook will not find this server."}

Stop with Ctrl+C or \`npm stop\` (pid ${process.pid}).
`);
  maybeOpenBrowser(playgroundUrl);
}

await main();
