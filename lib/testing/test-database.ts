// A database of its own for one integration test file, cloned from the migrated template.
import { inject } from "vitest";
import { adminQuery, withDatabase } from "../../tooling/database";
import type { PrismaClient } from "../generated/prisma/client";
import { createPrismaClient } from "../prisma-client";

export interface TestDatabase {
  url: string;
  prisma: PrismaClient;
  /** Empties every table, for tests that need a clean start. */
  reset(): Promise<void>;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject("serverUrl");
  const name = `tracker_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${inject("templateDatabase")}"`);
  const url = withDatabase(serverUrl, name);
  const prisma = createPrismaClient(url, 4);
  return {
    url,
    prisma,
    reset: async () => {
      await prisma.$executeRawUnsafe('TRUNCATE "event", "source", "actor", "event_actor" RESTART IDENTITY CASCADE');
    },
    drop: async () => {
      await prisma.$disconnect();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
