/** Runs the real service (src/server/main.ts) as a child process, as `npm run service` does. */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../../..");

export type ServiceProcess = { readonly child: ChildProcess; readonly baseUrl: string; readonly port: number; output: () => string };

/** Starts the service and resolves once it prints its listening line. */
export function startService(env: Record<string, string>, timeoutMs = 20_000): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "src/server/main.ts")], {
    cwd: ROOT,
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`service did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString("utf8");
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        const baseUrl = match[1];
        resolve({ child, baseUrl, port: Number(new URL(baseUrl).port), output: () => output });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`service exited with ${String(code)} before listening:\n${output}`));
    });
  });
}

/** Resolves when the child has exited (after a kill). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}
