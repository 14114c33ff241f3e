// Runs deploy/nginx.conf itself (not a copy written for tests) as a child process: the file's
// port, upstream servers and /var, /run paths are replaced with a free port, the given instances
// and a scratch folder, so the benchmark and the browser tests prove the configuration that
// operators deploy. nginx stays in the foreground (daemon off) in its own process group, so
// stopping it stops its workers.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "./embedded-postgres";
import { startServer } from "./processes";
import { UserFacingError } from "./user-facing-error";

export const NGINX_CONF = path.resolve(import.meta.dirname, "../deploy/nginx.conf");

/** Debian's nginx (`apt-get install nginx-light`), or NGINX_PATH; null when neither is there. */
export function findNginx(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [
    env.NGINX_PATH,
    "/usr/sbin/nginx",
    ...(env.PATH ?? "").split(":").map((dir) => path.join(dir, "nginx")),
  ];
  return candidates.find((c): c is string => !!c && existsSync(c)) ?? null;
}

export interface NginxSettings {
  port: number;
  /** host:port of each app instance. */
  upstreams: string[];
  /** Scratch folder for the pid file, logs, temporary files and the cache. */
  folder: string;
  /** Started as root: keep `user www-data` (workers drop privileges); otherwise nginx ignores it with a warning. */
  asRoot: boolean;
}

// Each rule must match in deploy/nginx.conf: a rule that matches nothing means the file and this
// launcher have drifted apart, and a test run against the wrong port or folder proves nothing.
const SERVERS = /^(\s*)# launcher: upstream servers.*\n((?:\s*server \S+;\n)+)/m;

/** deploy/nginx.conf with this run's port, instances and folder; throws if the file's shape changed. */
export function renderNginxConfig(template: string, s: NginxSettings): string {
  const steps: [string, RegExp, (m: string, ...groups: string[]) => string][] = [
    ["listen", /^(\s*)listen 80;$/m, (_m, indent) => `${indent}listen 127.0.0.1:${s.port};`],
    [
      "upstream servers",
      SERVERS,
      (_m, indent) =>
        `${indent}# launcher: upstream servers\n${s.upstreams.map((u) => `${indent}server ${u};\n`).join("")}`,
    ],
    ["user", /^user www-data;$/m, (m) => (s.asRoot ? m : "# user: not started as root")],
    ["pid", /\/run\/nginx-tracker\.pid/g, () => path.join(s.folder, "nginx.pid")],
    ["/var/log/nginx/tracker-", /\/var\/log\/nginx\/tracker-/g, () => `${s.folder}/`],
    ["/var/lib/nginx/tracker", /\/var\/lib\/nginx\/tracker\//g, () => `${s.folder}/temp-`],
    ["/var/cache/nginx/tracker", /\/var\/cache\/nginx\/tracker/g, () => path.join(s.folder, "cache")],
  ];
  let text = template;
  for (const [name, pattern, replace] of steps) {
    if (!pattern.test(text))
      throw new Error(`deploy/nginx.conf no longer has the ${name} line(s) the launcher replaces (tooling/nginx.ts).`);
    pattern.lastIndex = 0;
    text = text.replace(pattern, replace);
  }
  const leftover = text.replace(/#.*$/gm, "").match(/\/(var|run)\/\S*/);
  if (leftover)
    throw new Error(`deploy/nginx.conf names ${leftover[0]}, which the launcher does not replace (tooling/nginx.ts).`);
  return text;
}

export interface RunningNginx {
  url: string;
  /** The master's pid, which is also its workers' process group. */
  pid: number;
  folder: string;
  accessLog: string;
  /** Requests per $upstream_cache_status in the access log ("-" when nginx did not consult the cache). */
  cacheStatuses(): Promise<Record<string, number>>;
  /** Requests per HTTP status nginx answered with (the app's, or nginx's own 502/504). */
  httpStatuses(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

function countMatches(log: string, pattern: RegExp): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of log.matchAll(pattern)) {
    const value = m[1] || "-";
    counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

export const countCacheStatuses = (log: string) => countMatches(log, / cache=(\S*) /g);
export const countHttpStatuses = (log: string) => countMatches(log, /" (\d{3}) /g);

/** `port`: where nginx listens (a free one if not given); the instances may need to know it first (PUBLIC_URL). */
export async function startNginx(
  upstreams: string[],
  opts: { port?: number; quiet?: boolean } = {},
): Promise<RunningNginx> {
  const nginx = findNginx();
  if (!nginx)
    throw new UserFacingError("nginx is not installed: run `apt-get install -y nginx-light` (or set NGINX_PATH).");
  const folder = await mkdtemp(path.join(os.tmpdir(), "tracker-nginx-"));
  // nginx's workers run as www-data when started as root: they must reach the cache and temp folders.
  await chmod(folder, 0o755);
  const port = opts.port ?? (await freePort());
  const asRoot = process.getuid?.() === 0;
  const conf = path.join(folder, "nginx.conf");
  await writeFile(conf, renderNginxConfig(await readFile(NGINX_CONF, "utf8"), { port, upstreams, folder, asRoot }));
  // -e: the error log before the configuration is read (Debian's default is a file under /var/log).
  const args = ["-p", folder, "-c", conf, "-e", path.join(folder, "error.log"), "-g", "daemon off;"];
  const check = spawnSync(nginx, [...args, "-t", "-q"], { encoding: "utf8" });
  if (check.status !== 0) {
    await rm(folder, { recursive: true, force: true });
    throw new Error(`nginx refused deploy/nginx.conf: ${check.stderr.trim()}`);
  }
  const server = startServer(nginx, args, { stdio: opts.quiet ? "ignore" : ["ignore", "inherit", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  const accessLog = path.join(folder, "access.log");
  const stop = async () => {
    await server.stop();
    await rm(folder, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  // Any HTTP answer (even 502 from an instance still starting) means nginx listens.
  while (
    !(await fetch(`${url}/api/health`).then(
      () => true,
      () => false,
    ))
  ) {
    if (server.child.exitCode !== null || Date.now() > deadline) {
      const errors = await readFile(path.join(folder, "error.log"), "utf8").catch(() => "");
      await stop();
      throw new Error(`nginx did not start on ${url}: ${errors.trim() || "no message"}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: server.child.pid!,
    folder,
    accessLog,
    cacheStatuses: async () => countCacheStatuses(await readFile(accessLog, "utf8").catch(() => "")),
    httpStatuses: async () => countHttpStatuses(await readFile(accessLog, "utf8").catch(() => "")),
    stop,
  };
}
