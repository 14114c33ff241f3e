// A database of its own for one integration test file, cloned from the migrated template, and
// the set-up most of those files share around it.
import { afterAll, beforeAll, inject } from "vitest";
import { seedDatabase } from "../../prisma/seed";
import { adminQuery, withDatabase } from "../../tooling/database";
import type { Role, SessionUser } from "../auth/roles";
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

/**
 * The set-up most integration test files share: a database of their own (cloned before the file's
 * first test, dropped after its last), which the app's `db()` opens too (DATABASE_URL), holding
 * the sample data when `seed` is set. Call it at the top of the file (or of a describe block);
 * the returned database is usable from the file's own `beforeAll` on, as hooks run in order.
 */
export function setUpTestDatabase(options: { seed?: boolean } = {}): TestDatabase {
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    t = await createTestDatabase();
    process.env.DATABASE_URL = t.url;
    if (options.seed) await seedDatabase(t.prisma);
  });
  afterAll(async () => {
    const { db } = await import("../db");
    await db().$disconnect();
    await t?.drop();
  });
  const made = () => {
    if (!t) throw new Error("The test database is made in beforeAll: use it from a hook or a test.");
    return t;
  };
  return {
    get url() {
      return made().url;
    },
    get prisma() {
      return made().prisma;
    },
    reset: () => made().reset(),
    drop: () => made().drop(),
  };
}

/** A user of the given role, as the session would carry them. */
export async function createSessionUser(
  prisma: PrismaClient,
  role: Role,
  email: string = `${role}@example.org`,
  name: string = role,
): Promise<SessionUser> {
  const u = await prisma.user.create({ data: { email, name, role } });
  return { id: u.id, email: u.email, name: u.name, role };
}
