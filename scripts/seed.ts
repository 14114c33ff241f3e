// npm run db:seed — seeds the database in DATABASE_URL (or the embedded one).
import { createPrismaClient } from "../lib/prisma-client";
import { seedDatabase } from "../prisma/seed";
import { openAppDatabase } from "./lib/database";
import { runCli } from "./lib/run-cli";

await runCli(async () => {
  const database = await openAppDatabase();
  const prisma = createPrismaClient(database.url, 2);
  try {
    const { created, skipped } = await seedDatabase(prisma);
    console.log(`Seed: ${created} events created, ${skipped} already present.`);
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
});
