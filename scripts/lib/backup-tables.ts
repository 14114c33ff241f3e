// What a backup holds, table by table: shared by the backup (counted in pg_dump's own snapshot),
// the restore's check of the result, and their printed summaries.
import type pg from "pg";

export interface TableCount {
  /** schema.table, or just table for the public schema. */
  table: string;
  rows: number;
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every ordinary table outside PostgreSQL's own schemas, in a stable order. */
export async function listTables(client: pg.Client | pg.PoolClient): Promise<{ schema: string; name: string }[]> {
  const { rows } = await client.query<{ schema: string; name: string }>(`
    SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
    WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
    ORDER BY 1, 2`);
  return rows;
}

export async function countRows(client: pg.Client | pg.PoolClient): Promise<TableCount[]> {
  const counts: TableCount[] = [];
  for (const { schema, name } of await listTables(client)) {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${quoteIdent(schema)}.${quoteIdent(name)}`,
    );
    counts.push({ table: schema === "public" ? name : `${schema}.${name}`, rows: Number(rows[0].n) });
  }
  return counts;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** One line per table, names padded so the counts line up. */
export function formatCounts(counts: TableCount[]): string {
  const width = Math.max(0, ...counts.map((c) => c.table.length));
  return counts.map((c) => `  ${c.table.padEnd(width)}  ${c.rows.toLocaleString("en")} rows`).join("\n");
}
