// /events.csv and /sources.csv when the database fails: before the first byte the caller gets a
// 503 it can retry (not a 500, not a 200 cut short); after it, the file ends with the documented
// marker line, so a truncated download never passes for a whole one; and a client that goes
// away mid-download leaves no unhandled rejection behind (Node would end the process on one).
//
// The failures are real ones: a client of a port where nothing listens, whose error stands in
// for the second page's read (through a Prisma query extension, so the first page is real data).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../prisma/seed";
import { freePort } from "../../scripts/lib/embedded-postgres";
import type { PrismaClient } from "../generated/prisma/client";
import { createPrismaClient } from "../prisma-client";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { CSV_FAILED_MARKER, csvResponse } from "./csv-response";

let t: TestDatabase;
let unreachable: PrismaClient;
let connectionError: unknown;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.prisma);
  unreachable = createPrismaClient(`postgresql://postgres@127.0.0.1:${await freePort()}/nothing`, 1);
  connectionError = await unreachable.event.findMany().then(() => null, (e: unknown) => e);
  expect(connectionError).not.toBeNull();
});
afterAll(async () => {
  await unreachable.$disconnect();
  await t.drop();
});

const request = (path: string) => new Request(`http://127.0.0.1:3000${path}`);

/** The test database, except that the nth read of a page of event keys waits for `gate`, then fails as an unreachable database does. */
function failingOnRead(n: number, gate: Promise<void> = Promise.resolve()) {
  let reads = 0;
  return t.prisma.$extends({
    query: {
      event: {
        async findMany({ args, query }) {
          if (++reads !== n) return query(args);
          await gate;
          throw connectionError;
        },
      },
    },
  }) as unknown as PrismaClient;
}

describe("CSV exports when the database fails", () => {
  it("answer 503 with Retry-After when it cannot be reached before the first byte", async () => {
    for (const kind of ["events", "sources"] as const) {
      const res = await csvResponse(request(`/${kind}.csv`), kind, { client: unreachable });
      expect(res.status, kind).toBe(503);
      expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(await res.text()).toMatch(/database is unavailable/i);
    }
  });

  it("end the file with the error marker line when reading fails midway", async () => {
    for (const kind of ["events", "sources"] as const) {
      const res = await csvResponse(request(`/${kind}.csv`), kind, { client: failingOnRead(2), batch: 3 });
      expect(res.status).toBe(200);
      const lines = (await res.text()).trimEnd().split("\r\n");
      expect(lines.length, kind).toBeGreaterThan(3); // the header and the first page's rows
      expect(lines.at(-1)).toBe(CSV_FAILED_MARKER);
      expect(lines.filter((l) => l === CSV_FAILED_MARKER)).toHaveLength(1);
    }
  });

  it("leave no unhandled rejection when the client goes away while the next page is being read", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      let open!: () => void;
      const gate = new Promise<void>((r) => (open = r));
      const res = await csvResponse(request("/events.csv"), "events", { client: failingOnRead(2, gate), batch: 3 });
      const reader = res.body!.getReader();
      await reader.read(); // the header
      await reader.read(); // the first page; the second is being read
      await reader.cancel(); // the client disconnects
      open(); // and then the second page's read fails
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });
});
