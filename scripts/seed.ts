// npm run db:seed — seeds the database in DATABASE_URL (or the embedded one), and brings the
// events an earlier seed wrote up to today's seed data (see prisma/seed.ts).
import { createPrismaClient } from "../lib/prisma-client";
import { seedDatabase } from "../prisma/seed";
import { openAppDatabase } from "../tooling/database";
import { runCli } from "./lib/run-cli";

await runCli(async () => {
  const database = await openAppDatabase();
  const prisma = createPrismaClient(database.url, 2);
  try {
    const { created, changed, unchanged, leftAlone } = await seedDatabase(prisma);
    const corrected = changed.filter((c) => c.kind === "correction").length;
    console.log(
      `Seed: ${created} events created, ${corrected} corrected, ${changed.length - corrected} updated, ${unchanged} already up to date, ${leftAlone.length} left alone.`,
    );
    for (const c of changed) console.log(`  ${c.kind} ${c.ref} ${c.id}: ${c.note}`);
    if (leftAlone.length) {
      console.log(
        "Changed by an editor since seeding, so the seed's corrections were not applied (review them by hand):",
      );
      for (const e of leftAlone) console.log(`  ${e.ref} ${e.id}`);
    }
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
});
