// npm start (and npm run dev with --dev): database, migrations, seed, build, then Next.js.
// Every failure a user can fix ends with one sentence saying what to do.
import net from "node:net";
import { createPrismaClient } from "../lib/prisma-client";
import { seedDatabase } from "../prisma/seed";
import { ensureAuthSecret, ensureServerActionsKey } from "./lib/auth-secret";
import { buildIsCurrent, markBuildCurrent } from "./lib/build-stamp";
import { openAppDatabase } from "../tooling/database";
import { migrateOrExplain } from "./lib/migrate";
import { bin, run, startServer } from "../tooling/processes";
import { runCli } from "./lib/run-cli";
import { UserFacingError } from "../tooling/user-facing-error";

const dev = process.argv.includes("--dev");
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const port = Number(process.env.PORT ?? 3000);

function portIsFree(p: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(p, () => server.close(() => resolve(true)));
  });
}

await runCli(async () => {
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new UserFacingError(`PORT must be a number from 1 to 65535, not “${process.env.PORT}”.`);
  if (!(await portIsFree(port))) {
    throw new UserFacingError(
      `Port ${port} is already in use: stop the program using it, or start on another port with PORT=3001 npm start.`,
    );
  }

  const database = await openAppDatabase();
  const stopAll: (() => Promise<void>)[] = [database.stop];
  try {
    const applied = await migrateOrExplain(database.url);
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);

    const prisma = createPrismaClient(database.url, 2);
    try {
      if ((await prisma.event.count()) === 0) {
        const { created } = await seedDatabase(prisma);
        console.log(`Seeded ${created} events into the empty database.`);
      }
    } finally {
      await prisma.$disconnect();
    }

    // Before the build: next build salts the server-action ids with this key.
    process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY = await ensureServerActionsKey();
    if (!dev && !(await buildIsCurrent())) {
      console.log("Building the app (no current build found)…");
      if ((await run(bin("next"), ["build"])) !== 0)
        throw new UserFacingError("The build failed; see the messages above.");
      await markBuildCurrent();
    }
  } catch (err) {
    await database.stop();
    throw err;
  }

  const server = startServer(bin("next"), [dev ? "dev" : "start", "-p", String(port)], {
    env: { ...process.env, DATABASE_URL: database.url, PORT: String(port), AUTH_SECRET: await ensureAuthSecret() },
  });
  stopAll.unshift(server.stop);
  console.log(`Serving http://localhost:${port}${database.embedded ? " (embedded PostgreSQL)" : ""}`);

  const shutdown = async (code: number) => {
    for (const stop of stopAll) await stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  server.child.on("exit", (code) => void shutdown(code ?? 0));
});
