// Every row the seed writes, to compare a database before and after a run ("changes nothing").
import type { PrismaClient } from "../../lib/generated/prisma/client";

const TABLES = {
  event: `SELECT * FROM "event" ORDER BY "id"`,
  source: `SELECT * FROM "source" ORDER BY "id"`,
  actor: `SELECT * FROM "actor" ORDER BY "id"`,
  event_actor: `SELECT * FROM "event_actor" ORDER BY 1, 2, 3`,
  revision: `SELECT * FROM "revision" ORDER BY "id"`,
  capture: `SELECT * FROM "capture" ORDER BY "id"`,
  capture_content: `SELECT "sha256", "size", md5("bytes") AS "bytes", md5("full_text") AS "full_text" FROM "capture_content" ORDER BY 1`,
  public_change: `SELECT "version"::text FROM "public_change"`,
};

export async function seedTables(prisma: PrismaClient): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [name, sql] of Object.entries(TABLES)) out[name] = await prisma.$queryRawUnsafe(sql);
  return out;
}
