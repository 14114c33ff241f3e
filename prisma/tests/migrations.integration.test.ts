// Migration drift: a database built by prisma/migrations must be exactly the database that
// prisma/schema.prisma describes. The schema engine writes the SQL for the schema alone; we
// apply both to empty databases and compare their catalogs.
import { readFile } from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { adminQuery, withDatabase } from "../../tooling/database";
import { applyMigrations, diffSchemas, SCHEMA_PATH } from "../../tooling/schema-engine";

// Indexes schema.prisma cannot describe (expression indexes), made by hand-written migrations:
// left out of the comparison, and checked to exist instead.
const RAW_SQL_INDEXES = ["event_span_length_idx"];
// CHECK constraints, which schema.prisma cannot describe either: the same treatment.
const RAW_SQL_CHECKS = ["event_relation_not_self"];

async function fingerprint(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows.map((r) => Object.values(r).join(" | "));
    return {
      columns: await q(`SELECT table_name, column_name, data_type, udt_name, is_nullable, coalesce(column_default, '')
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1, 2`),
      indexes:
        await q(`SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
        AND indexname <> ALL(ARRAY['${RAW_SQL_INDEXES.join("','")}']) ORDER BY 1`),
      constraints: await q(`SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'
        AND contype <> 't' AND conname <> ALL(ARRAY['${RAW_SQL_CHECKS.join("','")}']) ORDER BY 1, 2`), // constraint triggers, like all triggers, live in hand-written SQL
      enums: await q(`SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_type t
        JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY 1 ORDER BY 1`),
      extensions: await q(`SELECT extname FROM pg_extension ORDER BY 1`),
    };
  } finally {
    await client.end();
  }
}

describe("prisma/migrations", () => {
  const serverUrl = inject("serverUrl");
  const names = [`tracker_drift_a_${process.pid}`, `tracker_drift_b_${process.pid}`];
  const [migratedUrl, fromSchemaUrl] = names.map((n) => withDatabase(serverUrl, n));

  beforeAll(async () => {
    for (const n of names) await adminQuery(serverUrl, `CREATE DATABASE "${n}"`);
  });
  afterAll(async () => {
    for (const n of names) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${n}" WITH (FORCE)`);
  });

  it("build the database that schema.prisma describes (no drift)", async () => {
    expect((await applyMigrations(migratedUrl)).length).toBeGreaterThan(0);
    const { stdout } = await diffSchemas(fromSchemaUrl, null, await readFile(SCHEMA_PATH, "utf8"));
    const client = new pg.Client({ connectionString: fromSchemaUrl });
    await client.connect();
    await client.query(stdout!);
    await client.end();
    expect(await fingerprint(migratedUrl)).toEqual(await fingerprint(fromSchemaUrl));
    const raw = (
      await adminQuery(migratedUrl, "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")
    ).rows.map((r) => r.indexname);
    expect(raw).toEqual(expect.arrayContaining(RAW_SQL_INDEXES));
    const checks = await adminQuery(migratedUrl, "SELECT conname FROM pg_constraint WHERE contype = 'c'");
    expect(checks.rows.map((r) => r.conname)).toEqual(expect.arrayContaining(RAW_SQL_CHECKS));
  });

  it("are recorded so a second run applies nothing", async () => {
    expect(await applyMigrations(migratedUrl)).toEqual([]);
  });
});
