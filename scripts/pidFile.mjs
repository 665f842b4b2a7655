/** The pid file that `npm start` writes and `npm stop` reads (.tracking-tokens.pid, in .gitignore). */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PID_FILE = path.join(path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."), ".tracking-tokens.pid");

/** Whether a process with this pid exists (EPERM: it does, but belongs to someone else). */
export function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** The pid in the file, or null when there is no file or it holds no pid. */
export async function recordedPid() {
  if (!existsSync(PID_FILE)) return null;
  const pid = Number((await readFile(PID_FILE, "utf8")).trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}
