// A fresh database with the migrations applied and the 30 seed events: what the browser tests
// (and the HTTP fuzzing benchmark) serve the production build from, and the backup test dumps.
import { createPrismaClient } from "../../lib/prisma-client";
import { seedDatabase } from "../../prisma/seed";
import { adminQuery, withDatabase } from "../../tooling/database";
import { applyMigrations } from "../../tooling/schema-engine";

export async function createSeededDatabase(serverUrl: string, name: string): Promise<string> {
  await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(serverUrl, name);
  await applyMigrations(url);
  const prisma = createPrismaClient(url, 2);
  try {
    await seedDatabase(prisma);
  } finally {
    await prisma.$disconnect();
  }
  return url;
}
