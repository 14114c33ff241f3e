// Everything a process started, however deep: the servers npm test starts run in process groups
// (and sessions) of their own (startServer, Playwright's webServer, nginx), so neither a signal to
// the runner's group nor the end of the process that started them reaches them. The tree is read
// from `ps` (POSIX: Linux and macOS) while every process in it is still linked to its parent.
import { spawnSync } from "node:child_process";

export interface TreeProcess {
  pid: number;
  pgid: number;
}

interface Listed extends TreeProcess {
  ppid: number;
}

/** Every running process (zombies, which have exited and wait to be reaped, left out). */
function listProcesses(): Listed[] {
  const ps = spawnSync("ps", ["-A", "-o", "pid=", "-o", "ppid=", "-o", "pgid=", "-o", "stat="], {
    encoding: "utf8",
  });
  return (ps.stdout ?? "")
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter(([pid, , , stat]) => Number(pid) && Number(pid) !== ps.pid && !stat?.startsWith("Z"))
    .map(([pid, ppid, pgid]) => ({ pid: Number(pid), ppid: Number(ppid), pgid: Number(pgid) }));
}

/** The processes below `root` (children, their children, …), with their process groups. */
export function descendants(root = process.pid): TreeProcess[] {
  const children = new Map<number, Listed[]>();
  for (const p of listProcesses()) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const found: TreeProcess[] = [];
  const queue = [root];
  while (queue.length) {
    for (const { pid, pgid } of children.get(queue.shift()!) ?? []) {
      found.push({ pid, pgid });
      queue.push(pid);
    }
  }
  return found;
}

/** Which of `pids` are still running. */
export function running(pids: number[]): number[] {
  const live = new Set(listProcesses().map((p) => p.pid));
  return pids.filter((pid) => live.has(pid));
}

function signal(tree: TreeProcess[], sig: NodeJS.Signals) {
  if (!tree.length) return;
  const own = listProcesses().find((p) => p.pid === process.pid)?.pgid;
  // A group of its own is signalled whole (a server and what it forks); a process in this
  // process's own group alone, never the group (that would reach npm and the shell above).
  for (const pgid of new Set(tree.map((p) => p.pgid))) {
    if (pgid !== own && pgid > 1) {
      try {
        process.kill(-pgid, sig);
      } catch {}
    }
  }
  for (const { pid } of tree) {
    try {
      process.kill(pid, sig);
    } catch {}
  }
}

/**
 * Stops every process below this one: SIGTERM to each (and to each process group of their own),
 * then SIGKILL to whatever is still running after `graceMs`. Resolves once all are gone.
 */
export async function stopDescendants(graceMs = 5000): Promise<void> {
  const tree = new Map(descendants().map((p) => [p.pid, p]));
  signal([...tree.values()], "SIGTERM");
  const deadline = Date.now() + graceMs;
  let killed = false;
  for (;;) {
    // Processes started while stopping (a server being launched at that moment) are stopped too.
    const late = descendants().filter((p) => !tree.has(p.pid));
    for (const p of late) tree.set(p.pid, p);
    signal(late, "SIGTERM");
    const alive = running([...tree.keys()]).map((pid) => tree.get(pid)!);
    if (!alive.length) return;
    if (!killed && Date.now() > deadline) {
      signal(alive, "SIGKILL");
      killed = true;
    }
    if (Date.now() > deadline + 5000) return; // past SIGKILL: nothing more this process can do
    await new Promise((r) => setTimeout(r, 100));
  }
}
