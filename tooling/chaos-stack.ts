// A whole app of its own for outage drills (npm run chaos, e2e/outage.spec.ts): an embedded
// PostgreSQL in a scratch folder that can be stopped and started again on the same data and
// port, a migrated and seeded database, an editor account, and `next start` on a free port.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { hashPassword } from "../lib/auth/password";
import { createPrismaClient } from "../lib/prisma-client";
import { seedDatabase } from "../prisma/seed";
import { adminQuery, withDatabase } from "./database";
import { freePort, startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";
import { bin, startServer } from "./processes";
import { applyMigrations } from "./schema-engine";

export const EDITOR = { email: "chaos-editor@example.org", password: "chaos editor password 42" };

export interface ChaosStack {
  appUrl: string;
  databaseUrl: string;
  appPid: number;
  /** Fast shutdown of PostgreSQL (SIGINT): open connections are cut, as in a restart. */
  stopDatabase(): Promise<void>;
  startDatabase(): Promise<void>;
  stop(): Promise<void>;
}

async function waitForHttp(url: string, timeoutMs: number, exited: () => boolean) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) throw new Error("next start exited while starting");
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (r.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Starts the stack; the app's own output is inherited unless `quiet`; `env` adds settings for the app (such as a small pool). */
export async function startChaosStack(
  opts: { quiet?: boolean; env?: Record<string, string> } = {},
): Promise<ChaosStack> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "tracker-chaos-"));
  await chmod(folder, 0o755); // the postgres user must be able to enter it
  const dataDir = path.join(folder, "pg");
  const pgPort = await freePort();
  let pgServer: EmbeddedPostgres | null = await startEmbeddedPostgres({ dataDir, port: pgPort });
  const stopDatabase = async () => {
    await pgServer?.stop();
    pgServer = null;
  };
  const cleanUp = async () => {
    await stopDatabase();
    await rm(folder, { recursive: true, force: true });
  };
  try {
    await adminQuery(pgServer.url, `CREATE DATABASE "tracker"`);
    const databaseUrl = withDatabase(pgServer.url, "tracker");
    await applyMigrations(databaseUrl);
    const prisma = createPrismaClient(databaseUrl, 2);
    try {
      await seedDatabase(prisma);
      await prisma.user.create({
        data: {
          email: EDITOR.email,
          name: "Chaos Editor",
          role: "editor",
          passwordHash: await hashPassword(EDITOR.password),
        },
      });
    } finally {
      await prisma.$disconnect();
    }

    const port = await freePort();
    const server = startServer(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
      stdio: opts.quiet ? "ignore" : "inherit",
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        AUTH_SECRET: "chaos-only-secret-not-for-production-use",
        ...opts.env,
      },
    });
    const appUrl = `http://127.0.0.1:${port}`;
    try {
      await waitForHttp(`${appUrl}/api/health`, 60_000, () => server.child.exitCode !== null);
    } catch (err) {
      await server.stop();
      throw err;
    }
    return {
      appUrl,
      databaseUrl,
      appPid: server.child.pid!,
      stopDatabase,
      startDatabase: async () => {
        if (!pgServer) pgServer = await startEmbeddedPostgres({ dataDir, port: pgPort });
      },
      stop: async () => {
        await server.stop();
        await cleanUp();
      },
    };
  } catch (err) {
    await cleanUp();
    throw err;
  }
}
