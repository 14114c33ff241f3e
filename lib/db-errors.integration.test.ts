// The outage classifier against errors raised by a real PostgreSQL and the real Prisma client and
// adapter, not hand-made shapes: an unreachable server and a killed connection count as "the
// database is unavailable"; a bad query or a broken constraint does not (they are bugs or input).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../tooling/embedded-postgres";
import { createTestDatabase, type TestDatabase } from "./testing/test-database";
import { isDatabaseUnavailableError } from "./db-errors";
import { createPrismaClient } from "./prisma-client";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (err: unknown) => err,
  );

describe("isDatabaseUnavailableError", () => {
  it("recognises a server that is not there, through Prisma and through pg, quickly", async () => {
    const url = `postgresql://postgres@127.0.0.1:${await freePort()}/nothing`;
    const prisma = createPrismaClient(url, 1);
    const started = performance.now();
    const viaPrisma = await failure(prisma.event.count());
    expect(performance.now() - started).toBeLessThan(5000);
    expect(viaPrisma).not.toBeNull();
    expect(isDatabaseUnavailableError(viaPrisma)).toBe(true);
    const client = new pg.Client({ connectionString: url });
    client.on("error", () => {});
    expect(isDatabaseUnavailableError(await failure(client.connect()))).toBe(true);
    await prisma.$disconnect();
  });

  it("recognises a connection the server terminated, and reports it to the pool's observer", async () => {
    const seen: unknown[] = [];
    const prisma = createPrismaClient(database.url, 1, false, { onError: (err) => seen.push(err) });
    await prisma.$queryRaw`SELECT 1`;
    // What a fast shutdown does to every connection: terminate it with SQLSTATE 57P01.
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    await admin.end();
    await expect.poll(() => seen.length, { timeout: 5000 }).toBeGreaterThan(0);
    expect(seen.every((err) => isDatabaseUnavailableError(err))).toBe(true);
    // The pool drops the dead connection and the next query works: the process carries on.
    expect(await prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    await prisma.$disconnect();
  });

  it("does not mistake a bad query or a broken constraint for an outage", async () => {
    const badSql = await failure(database.prisma.$queryRawUnsafe("SELEC 1"));
    expect(badSql).not.toBeNull();
    expect(isDatabaseUnavailableError(badSql)).toBe(false);
    await database.prisma.user.create({ data: { email: "twice@example.org", name: "Twice", role: "editor" } });
    const duplicate = await failure(
      database.prisma.user.create({ data: { email: "twice@example.org", name: "Twice", role: "editor" } }),
    );
    expect(duplicate).not.toBeNull();
    expect(isDatabaseUnavailableError(duplicate)).toBe(false);
    expect(isDatabaseUnavailableError(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailableError(null)).toBe(false);
  });
});
