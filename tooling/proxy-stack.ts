// The deployment README's "Running more than one instance" describes, started for the benchmark
// (npm run bench -- --load --proxy) and the browser tests (e2e/proxy-cache.spec.ts): `next start`
// instances of this worktree's build on one database, with the secrets they must share, behind
// nginx running deploy/nginx.conf.
import { randomBytes } from "node:crypto";
import { freePort } from "./embedded-postgres";
import { startNginx, type RunningNginx } from "./nginx";
import { bin, startServer } from "./processes";

export interface AppInstances {
  urls: string[];
  pids: number[];
  stop(): Promise<void>;
}

/** The secrets every instance of one deployment shares (README, Scaling out). */
export const sharedSecrets = () => ({
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
});

/** `count` instances of `next start` on free ports; resolves once each renders a page from the database. */
export async function startAppInstances(
  count: number,
  env: NodeJS.ProcessEnv,
  opts: { quiet?: boolean } = {},
): Promise<AppInstances> {
  const started: ReturnType<typeof startServer>[] = [];
  const urls: string[] = [];
  const stop = async () => {
    await Promise.all(started.map((s) => s.stop()));
  };
  try {
    for (let i = 0; i < count; i++) {
      const port = await freePort();
      started.push(
        startServer(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
          env: { NEXT_TELEMETRY_DISABLED: "1", ...env, PORT: String(port) },
          stdio: opts.quiet ? "ignore" : "inherit",
        }),
      );
      urls.push(`http://127.0.0.1:${port}`);
    }
    // /codebook reads the database, so an instance that answers it is really serving.
    await Promise.all(
      urls.map((url, i) => waitUntilServing(`${url}/codebook`, () => started[i].child.exitCode !== null)),
    );
  } catch (err) {
    await stop();
    throw err;
  }
  return { urls, pids: started.map((s) => s.child.pid!), stop };
}

async function waitUntilServing(url: string, exited: () => boolean) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited()) throw new Error(`next start for ${url} exited while starting`);
    if (
      await fetch(url, { signal: AbortSignal.timeout(5000) }).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer within 60 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface ProxyStack extends Pick<RunningNginx, "accessLog" | "cacheStatuses" | "httpStatuses"> {
  /** nginx: the address readers and editors use. */
  url: string;
  /** Each instance directly (for checks only: in production they are reachable through nginx alone). */
  instances: string[];
  instancePids: number[];
  /** nginx's master: its process group holds the workers. */
  nginxPid: number;
  stop(): Promise<void>;
}

/**
 * nginx (deploy/nginx.conf) in front of `instances` (2) app instances on `databaseUrl`.
 * `env` adds settings for the instances (such as short cache lifetimes in tests).
 */
export async function startProxyStack(o: {
  databaseUrl: string;
  instances?: number;
  env?: Record<string, string>;
  quiet?: boolean;
}): Promise<ProxyStack> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const apps = await startAppInstances(
    o.instances ?? 2,
    {
      ...process.env,
      ...sharedSecrets(),
      DATABASE_URL: o.databaseUrl,
      // nginx appends the client's address to X-Forwarded-For: one proxy of ours (README).
      TRUSTED_PROXY_HOPS: "1",
      PUBLIC_URL: url,
      ...o.env,
    },
    { quiet: o.quiet },
  );
  let nginx: RunningNginx;
  try {
    nginx = await startNginx(
      apps.urls.map((u) => new URL(u).host),
      { port, quiet: o.quiet },
    );
  } catch (err) {
    await apps.stop();
    throw err;
  }
  return {
    url,
    instances: apps.urls,
    instancePids: apps.pids,
    nginxPid: nginx.pid,
    accessLog: nginx.accessLog,
    cacheStatuses: nginx.cacheStatuses,
    httpStatuses: nginx.httpStatuses,
    stop: async () => {
      await nginx.stop();
      await apps.stop();
    },
  };
}
