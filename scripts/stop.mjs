/** npm stop: ends the `npm start` whose pid is in .tracking-tokens.pid, and waits until it is gone. */
import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PID_FILE = path.join(root, ".tracking-tokens.pid");

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

if (!existsSync(PID_FILE)) {
  console.log("npm start is not running (no .tracking-tokens.pid).");
  process.exit(0);
}
const pid = Number((await readFile(PID_FILE, "utf8")).trim());
if (!Number.isInteger(pid) || pid <= 0 || !isRunning(pid)) {
  console.log("npm start is not running (stale pid file removed).");
  await rm(PID_FILE, { force: true });
  process.exit(0);
}
process.kill(pid, "SIGTERM");
const deadline = Date.now() + 10_000;
while (isRunning(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
if (isRunning(pid)) {
  console.error(`pid ${pid} did not stop within 10 s; sending SIGKILL.`);
  process.kill(pid, "SIGKILL");
}
await rm(PID_FILE, { force: true });
console.log(`Stopped npm start (pid ${pid}).`);
