import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
export const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

/** Runs a command to completion with inherited output; resolves with its exit code. */
export function run(cmd: string, args: string[], opts: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", cwd: ROOT, ...opts });
    child.on("error", () => resolve(127));
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * Starts a long-running server in its own process group, so that stopping it also stops the
 * children it forks (next start leaves a `next-server` behind otherwise).
 */
export function startServer(
  cmd: string,
  args: string[],
  opts: SpawnOptions = {},
): { child: ChildProcess; stop(): Promise<void> } {
  const child = spawn(cmd, args, { stdio: "inherit", cwd: ROOT, detached: true, ...opts });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        resolve();
      }
      setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {}
      }, 5000).unref();
    });
  return { child, stop };
}
