// /events.csv and /sources.csv when the database fails or the client leaves: before the first
// byte the caller gets a 503 it can retry (not a 500, not a 200 cut short); after it, the file
// ends with the documented marker line after whole records, so a truncated download never passes
// for a whole one; and a client that goes away mid-download stops the COPY on the server and
// gives its connection back to the pool, with no unhandled rejection (Node would end the process).
//
// The failures are real ones: a client of a port where nothing listens, and the COPY's server
// process terminated by pg_terminate_backend while it streams.
import { parse } from "csv-parse/sync";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../tooling/embedded-postgres";
import { loadSyntheticData } from "../../tooling/synthetic-data";
import type { PrismaClient } from "../generated/prisma/client";
import { createPrismaClient, poolOf } from "../prisma-client";
import { setUpTestDatabase } from "../testing/test-database";
import { EVENT_COLUMNS, SOURCE_COLUMNS } from "./csv";
import { CSV_FAILED_MARKER, csvResponse } from "./csv-response";

const t = setUpTestDatabase();
let unreachable: PrismaClient;
let observer: pg.Client;

beforeAll(async () => {
  // Files of megabytes: far more than the sockets between PostgreSQL and the test can buffer.
  await loadSyntheticData(t.url, 20000);
  unreachable = createPrismaClient(`postgresql://postgres@127.0.0.1:${await freePort()}/nothing`, 1);
  observer = new pg.Client({ connectionString: t.url });
  await observer.connect();
});
afterAll(async () => {
  await observer.end();
  await unreachable.$disconnect();
});

const request = (path: string) => new Request(`http://127.0.0.1:3000${path}`);

/** The connections running an export's COPY (parallel workers left out), seen from a connection outside the app's pool. */
async function copying(): Promise<number[]> {
  const { rows } = await observer.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()
    AND backend_type = 'client backend' AND state = 'active' AND query LIKE 'COPY (SELECT%'`);
  return rows.map((r) => r.pid as number);
}

async function eventually(check: () => Promise<boolean>) {
  for (let i = 0; i < 50 && !(await check()); i++) await new Promise((r) => setTimeout(r, 100));
  return check();
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

  it("end the file with the error marker line, after whole records, when reading fails midway", async () => {
    for (const [kind, columns] of [
      ["events", EVENT_COLUMNS],
      ["sources", SOURCE_COLUMNS],
    ] as const) {
      const res = await csvResponse(request(`/${kind}.csv`), kind, { client: t.prisma });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let text = decoder.decode((await reader.read()).value, { stream: true }); // the header and the first records
      for (const pid of await copying()) await observer.query("SELECT pg_terminate_backend($1)", [pid]);
      for (let r = await reader.read(); !r.done; r = await reader.read())
        text += decoder.decode(r.value, { stream: true });
      const lines = text.trimEnd().split("\r\n");
      expect(lines.at(-1), kind).toBe(CSV_FAILED_MARKER);
      expect(lines.filter((l) => l === CSV_FAILED_MARKER)).toHaveLength(1);
      const records = parse(text.slice(0, text.lastIndexOf(CSV_FAILED_MARKER)), {
        relax_column_count: true,
      }) as string[][];
      expect(records.length, kind).toBeGreaterThan(2); // the header and some rows…
      expect(records.length, kind).toBeLessThan(kind === "events" ? 20000 : 40000); // …not all of them
      expect(
        records.every((r) => r.length === columns.length),
        kind,
      ).toBe(true); // each one whole
    }
  });

  it("stop the COPY and give its connection back to the pool when the client goes away", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const res = await csvResponse(request("/sources.csv"), "sources", { client: t.prisma });
      const reader = res.body!.getReader();
      await reader.read();
      await reader.read();
      const [pid] = await copying();
      expect(pid).toBeDefined(); // the server is still sending, held back by the client
      await reader.cancel(); // the client disconnects
      expect(await eventually(async () => (await copying()).length === 0)).toBe(true);
      // Its connection was not closed but went back to the pool, idle, and serves the next query.
      const pool = poolOf(t.prisma);
      expect(pool.idleCount).toBe(pool.totalCount);
      const alive = await observer.query("SELECT state FROM pg_stat_activity WHERE pid = $1", [pid]);
      expect(alive.rows).toEqual([{ state: "idle" }]);
      expect(await t.prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });
});
