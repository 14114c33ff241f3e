// Extra app instances for the logs and several-instances specs: `next start` from this
// worktree's test build (NEXT_DIST_DIR, inherited: .next-test) on a free port, against a database
// of their own (made on the E2E database's server, migrated and seeded), with stdout and stderr
// captured line by line.
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline";
import { hashPassword } from "../lib/auth/password";
import { createPrismaClient } from "../lib/prisma-client";
import { seedDatabase } from "../prisma/seed";
import { adminQuery, withDatabase } from "../tooling/database";
import { freePort } from "../tooling/embedded-postgres";
import { bin, startServer } from "../tooling/processes";
import { applyMigrations } from "../tooling/schema-engine";

/** Lines `next start` itself prints while starting (plain text, not the app's JSON logs). */
export const NEXT_STARTUP_NOTE =
  /^(\s*▲ Next\.js \d|\s*- (Local|Network|Environments?):|\s*✓ (Starting\.\.\.|Ready in \d|Running next\.config\.\w+ took \d)|$)/;

export const PASSWORD = "instance spec password 7391";

export interface AppInstance {
  url: string;
  /** Every stdout line: Next.js's own start-up notes (see NEXT_STARTUP_NOTE), then the app's logs. */
  stdout: string[];
  stderr: string[];
  stop(): Promise<void>;
}

export async function createAppDatabase(label: string) {
  const server = withDatabase(process.env.E2E_DATABASE_URL!, "postgres");
  const name = `tracker_${label}_${process.pid}_${randomBytes(3).toString("hex")}`;
  await adminQuery(server, `CREATE DATABASE "${name}"`);
  const url = withDatabase(server, name);
  await applyMigrations(url);
  const prisma = createPrismaClient(url, 2);
  await seedDatabase(prisma);
  return {
    url,
    prisma,
    async createUser(role: "editor" | "contributor" | "admin") {
      const email = `${role}-${randomBytes(4).toString("hex")}@example.org`;
      return prisma.user.create({
        data: { email, name: `${label} ${role}`, role, passwordHash: await hashPassword(PASSWORD) },
        select: { id: true, email: true },
      });
    },
    async drop() {
      await prisma.$disconnect();
      await adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

function withoutColor(env: NodeJS.ProcessEnv) {
  const rest = { ...env };
  delete rest.FORCE_COLOR;
  return rest;
}

export async function startApp(env: Record<string, string>): Promise<AppInstance> {
  const port = await freePort();
  const server = startServer(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    stdio: ["ignore", "pipe", "pipe"],
    // Playwright sets FORCE_COLOR for its workers; a server's log should be plain text.
    env: { ...withoutColor(process.env), NO_COLOR: "1", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), ...env },
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  let ready = false;
  createInterface({ input: server.child.stdout! }).on("line", (line) => {
    stdout.push(line);
    if (/Ready in/.test(line)) ready = true;
  });
  createInterface({ input: server.child.stderr! }).on("line", (line) => stderr.push(line));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.child.exitCode !== null)
      throw new Error(`next start exited with ${server.child.exitCode}: ${stderr.join("\n")}`);
    const ok = await fetch(`${url}/codebook`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok && ready) break;
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`next start on ${url} did not answer within 60 s`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, stdout, stderr, stop: server.stop };
}

/** The secrets every instance of one deployment shares. */
export const sharedSecrets = () => ({
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
});
