// npm run db:migration:create -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that takes a database from
// the schema of the last migration (prisma/migrations-snapshot.prisma) to prisma/schema.prisma.
// It replaces `prisma migrate dev`, whose native engine cannot be downloaded here.
import { mkdir, readFile, writeFile, copyFile } from "node:fs/promises";
import path from "node:path";
import { diffSchemas, MIGRATIONS_DIR, SCHEMA_PATH } from "../tooling/schema-engine";
import { withScratchDatabase } from "../tooling/database";

const SNAPSHOT = path.resolve(import.meta.dirname, "../prisma/migrations-snapshot.prisma");

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("Give the migration a name: npm run db:migration:create -- add_revisions");
  process.exit(1);
}
const from = await readFile(SNAPSHOT, "utf8").catch(() => null);
const to = await readFile(SCHEMA_PATH, "utf8");
const { stdout } = await withScratchDatabase((url) => diffSchemas(url, from, to));
if (!stdout || !stdout.replace(/--.*$/gm, "").trim()) {
  console.log("No changes: prisma/schema.prisma matches the last migration.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, "migration.sql"), stdout);
await writeFile(path.join(MIGRATIONS_DIR, "migration_lock.toml"), 'provider = "postgresql"\n');
await copyFile(SCHEMA_PATH, SNAPSHOT);
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
