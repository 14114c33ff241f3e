// Drives Prisma's schema engine, built to WebAssembly, through the pg driver adapter. The
// native engine the Prisma CLI would download is unreachable from these machines (see
// docs/decisions/0002-migrations-with-the-wasm-schema-engine.md); the WASM build is the same
// engine, so migrations stay in Prisma's standard format and `_prisma_migrations` table.
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine, MigrationList } from "@prisma/schema-engine-wasm";

const require = createRequire(import.meta.url);
export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../prisma/migrations");
export const SCHEMA_PATH = path.resolve(import.meta.dirname, "../prisma/schema.prisma");

async function loadEngineModule() {
  // Node 20 cannot `import` a .wasm file, so instantiate it by hand the way the
  // package's own entry point would.
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = await import(bgPath);
  const bytes = await readFile(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  return bg as { SchemaEngine: typeof SchemaEngine };
}

let enginePromise: ReturnType<typeof loadEngineModule> | undefined;

export async function withSchemaEngine<T>(databaseUrl: string, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  enginePromise ??= loadEngineModule();
  const { SchemaEngine } = await enginePromise;
  const schema = await readFile(SCHEMA_PATH, "utf8");
  // Our own pool, ended below: a connection left open would block `CREATE DATABASE … TEMPLATE`.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on("error", () => {});
  const factory = new PrismaPg(pool);
  // The adapter's executeScript splits a migration on every ";", inside a function body or a
  // comment too. PostgreSQL takes the whole script as one simple query (one implicit transaction),
  // which is how Prisma's native engine sends it, so `prisma migrate deploy` reads the same files.
  const connect = factory.connect.bind(factory);
  factory.connect = async () =>
    Object.assign(await connect(), { executeScript: async (script: string) => void (await pool.query(script)) });
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const logs: string[] = [];
  const engine = await SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    (log: string) => logs.push(log),
    adapter,
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await pool.end();
  }
}

export async function readMigrationList(): Promise<MigrationList> {
  const entries = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: await readFile(lockPath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      entries.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8").then(
            (ok) => ({ tag: "ok" as const, value: ok }),
            (err: Error) => ({ tag: "error" as const, value: err.message }),
          ),
        },
      })),
    ),
  };
}

/** Applies every migration in prisma/migrations not yet recorded; returns the names applied. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const migrationsList = await readMigrationList();
  return withSchemaEngine(databaseUrl, async (engine) => {
    const out = await engine.applyMigrations({
      migrationsList,
      filters: { externalTables: [], externalEnums: [] },
    });
    return out.appliedMigrationNames;
  });
}

/** SQL that turns a database built from `fromSchema` (null: empty) into one built from `toSchema`. */
export async function diffSchemas(databaseUrl: string, fromSchema: string | null, toSchema: string) {
  return withSchemaEngine(databaseUrl, async (engine) => {
    const target = (content: string) => ({ tag: "schemaDatamodel" as const, files: [{ path: SCHEMA_PATH, content }] });
    const result = await engine.diff({
      from: fromSchema === null ? { tag: "empty" } : target(fromSchema),
      to: target(toSchema),
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result;
  });
}
