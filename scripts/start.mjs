/**
 * npm start: builds the add-in with webpack (watching for changes) and serves dist/ twice:
 * - https://localhost:PORT (3000) for Outlook, which loads add-ins only over HTTPS;
 * - http://localhost:PLAYGROUND_PORT (3001)/playground/, the simulated mailbox, no certificate needed.
 * Writes .tracking-tokens.pid so `npm stop` can end it. Never waits for a browser or a prompt.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadDevCertificate } from "./devCertificate.mjs";
import { startStaticServer } from "./serve.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Both are in .gitignore.
const PID_FILE = path.join(root, ".tracking-tokens.pid");
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

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

async function refuseIfRunning() {
  if (!existsSync(PID_FILE)) return;
  const pid = Number((await readFile(PID_FILE, "utf8")).trim());
  if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) {
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
  let https;
  let http;
  try {
    https = await startStaticServer({ root: dist, port, tls: { key: certificate.key, cert: certificate.cert } });
    http = await startStaticServer({ root: dist, port: playgroundPort });
  } catch (error) {
    console.error(error.code === "EADDRINUSE" ? `Port ${error.port ?? ""} is in use. Set PORT / PLAYGROUND_PORT, or run \`npm stop\`.` : String(error));
    await new Promise((resolve) => build.watching.close(resolve));
    await https?.close();
    process.exit(1);
  }

  await writeFile(PID_FILE, `${process.pid}\n`);

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await Promise.allSettled([new Promise((resolve) => build.watching.close(resolve)), https.close(), http.close()]);
    // Only our own pid file: a second start that refused must not delete the first one's.
    const current = existsSync(PID_FILE) ? (await readFile(PID_FILE, "utf8")).trim() : "";
    if (current === String(process.pid)) await rm(PID_FILE, { force: true });
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => void stop(signal));

  const playgroundUrl = `${http.url}/playground/`;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
Ready in ${seconds} s (${build.mode} build, rebuilding on change).

  Playground (simulated mailbox):  ${playgroundUrl}
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
