// stopDescendants from a process that started a server in a process group (and session) of its
// own which forked a child of its own, a plain child, and a child that ignores SIGTERM: sent
// SIGINT, it stops all of them before it exits. (The runner itself: e2e/test-runner.spec.ts.)
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { descendants, running } from "./process-tree";

const idle = "setInterval(() => {}, 1000)";
const fixture = `
import { spawn } from "node:child_process";
import { stopDescendants } from ${JSON.stringify(path.join(import.meta.dirname, "process-tree.ts"))};
const node = (code, opts = {}) => spawn(process.execPath, ["-e", code], { stdio: "ignore", ...opts });
node(\`require("node:child_process").spawn(process.execPath, ["-e", "${idle}"], { stdio: "ignore" }); ${idle}\`, { detached: true });
node("${idle}");
node("process.on('SIGTERM', () => {}); ${idle}");
process.on("SIGINT", async () => {
  await stopDescendants(1000);
  process.exit(130);
});
${idle};
`;

const started: number[] = [];
afterAll(() => {
  for (const pid of running(started)) process.kill(pid, "SIGKILL");
});

describe("stopping every process a process started", () => {
  it("stops servers in groups of their own, what they forked, and what ignores SIGTERM", async () => {
    const parent = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", fixture], {
      stdio: "ignore",
    });
    const exited = new Promise<number | null>((resolve) => parent.once("exit", (code) => resolve(code)));
    await expect.poll(() => descendants(parent.pid!).length, { timeout: 10_000 }).toBe(4);
    const tree = descendants(parent.pid!);
    started.push(parent.pid!, ...tree.map((p) => p.pid));
    expect(new Set(tree.map((p) => p.pgid)).size, "the server's own group and the parent's").toBe(2);

    process.kill(parent.pid!, "SIGINT");
    expect(await exited).toBe(130);
    expect(running(tree.map((p) => p.pid))).toEqual([]);
  }, 20_000);
});
