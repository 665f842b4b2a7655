/** npm stop: ends the `npm start` whose pid is in .tracking-tokens.pid, and waits until it is gone. */
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { isRunning, PID_FILE, recordedPid } from "./pidFile.mjs";

if (!existsSync(PID_FILE)) {
  console.log("npm start is not running (no .tracking-tokens.pid).");
  process.exit(0);
}
const pid = await recordedPid();
if (pid === null || !isRunning(pid)) {
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
