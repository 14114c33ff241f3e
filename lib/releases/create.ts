// Making a release: the public record read once, at one moment, into immutable files.
//
// The CSVs are the exact bytes of the public /events.csv and /sources.csv (with
// retracted=include: a retraction is part of the record a citation must still find), made by
// the export's own writer (csvBody). Those read on connections of their own, so the moment is
// pinned by a SHARE lock on the export rows, which every write of a public event updates at its
// commit: while a release is being made, saves wait (seconds, see the bench), and the files, the
// membership and the changelog all see the same committed record. A session advisory lock makes
// releases one at a time, so numbers are given out in order.
import { createHash } from "node:crypto";
import type pg from "pg";
import { z } from "zod";
import { assertRole, type SessionUser } from "../auth/roles";
import { InvalidInputError } from "../events/errors";
import { isStorableText } from "../events/schemas";
import { CSV_FAILED_MARKER, csvBody } from "../export/csv-response";
import type { PrismaClient } from "../generated/prisma/client";
import { poolOf } from "../prisma-client";
import { computeChanges, renderChangelog, type Changes } from "./changelog";
import { citationCff } from "./citation";
import { dataPackage } from "./datapackage";
import { datasetMetadata, type DatasetMetadata } from "./metadata";
import { formatVersion, nextNumber } from "./numbering";
import { releaseZip, zipName } from "./zip";

export const releaseInputSchema = z.object({
  title: z.string().trim().min(1, "Give the release a title").max(200, "Keep the title to 200 characters").refine(isStorableText, "Remove the invisible control characters (such as NUL) from this text"),
  description: z.string().trim().max(2000, "Keep this to 2,000 characters").refine(isStorableText, "Remove the invisible control characters (such as NUL) from this text").optional(),
});
export type ReleaseInput = z.infer<typeof releaseInputSchema>;

export interface MadeRelease {
  id: number;
  version: string;
  eventCount: number;
  sourceCount: number;
  files: { name: string; sha256: string; size: number }[];
  changes: Changes | null;
}

const LOCK_KEY = 7_331_015; // pg_advisory_lock key: "making a release"
const PARAMS = "retracted=include";

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function exportBytes(prisma: PrismaClient, kind: "events" | "sources", origin: string): Promise<Buffer> {
  const bytes = Buffer.from(await new Response(await csvBody(kind, new URLSearchParams(PARAMS), { client: prisma, origin })).arrayBuffer());
  // A read that failed midway ends the file with the marker line instead of throwing (the public
  // download's status is already sent): a release must never keep such a file.
  if (bytes.subarray(Math.max(0, bytes.length - CSV_FAILED_MARKER.length - 2)).toString("utf8").startsWith(CSV_FAILED_MARKER)) {
    throw new Error(`Reading ${kind}.csv failed midway; no release was made.`);
  }
  return bytes;
}

interface FileRow {
  name: string;
  mediaType: string;
  bytes: Uint8Array;
}

/** Admins only (the first line); `by` null is the command line (scripts/release-create.ts). */
export async function createRelease(prisma: PrismaClient, user: SessionUser | null, raw: unknown): Promise<MadeRelease> {
  assertRole(user, "admin");
  return makeRelease(prisma, raw, user);
}

export async function makeRelease(prisma: PrismaClient, raw: unknown, by: SessionUser | null, meta: DatasetMetadata = datasetMetadata()): Promise<MadeRelease> {
  const parsed = releaseInputSchema.safeParse(raw);
  if (!parsed.success) throw new InvalidInputError("Some fields need attention.", z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const input = parsed.data;
  const client = await poolOf(prisma).connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          return await makeInTransaction(prisma, client, input, by, meta);
        } catch (err) {
          // Two lock orders can meet (a save's commit writes the export rows too): PostgreSQL
          // ends one side; when it is ours, nothing was written, and trying again is safe.
          if ((err as { code?: string }).code !== "40P01" || attempt >= 3) throw err;
        }
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

const MEMBERS = "FROM event e WHERE e.status IN ('published', 'retracted') AND e.deleted = false";

async function makeInTransaction(prisma: PrismaClient, client: pg.PoolClient, input: ReleaseInput, by: SessionUser | null, meta: DatasetMetadata): Promise<MadeRelease> {
  await client.query("BEGIN");
  try {
    await client.query("LOCK TABLE event_export, source_export IN SHARE MODE");
    const { rows: [{ at }] } = await client.query<{ at: Date }>("SELECT date_trunc('milliseconds', clock_timestamp()) AS at");
    const createdAt = new Date(at);
    const { rows: [{ last }] } = await client.query<{ last: number }>("SELECT coalesce(max(number), 0)::int AS last FROM release WHERE year = $1 AND month = $2", [createdAt.getUTCFullYear(), createdAt.getUTCMonth() + 1]);
    const num = nextNumber(createdAt, last);
    const version = formatVersion(num);
    const { rows: prevRows } = await client.query<{ id: number; version: string; createdAt: Date; eventCount: number }>(
      `SELECT id, version, created_at AT TIME ZONE 'UTC' AS "createdAt", event_count AS "eventCount" FROM release ORDER BY id DESC LIMIT 1`,
    );
    const previous = prevRows[0] ?? null;

    const [events, sources] = await Promise.all([exportBytes(prisma, "events", meta.origin), exportBytes(prisma, "sources", meta.origin)]);
    const { rows: [counts] } = await client.query<{ events: number; sources: number }>(
      `SELECT (SELECT count(*) ${MEMBERS})::int AS events,
              (SELECT count(*) FROM source_export x WHERE x.event_id IN (SELECT e.id ${MEMBERS}))::int AS sources`,
    );

    const { rows: [{ id }] } = await client.query<{ id: number }>(
      `INSERT INTO release (version, year, month, number, title, description, created_at, created_by_id, created_by_name, event_count, source_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [version, num.year, num.month, num.number, input.title, input.description || null, createdAt.toISOString().replace("Z", ""), by?.id ?? null, by?.name ?? "command line", counts.events, counts.sources],
    );
    await client.query(`INSERT INTO release_event (release_id, event_id, version, status) SELECT $1, e.id, e.version, e.status::text ${MEMBERS}`, [id]);
    const changes = previous ? await computeChanges(client, previous.id, id) : null;

    const text = (s: string) => Buffer.from(s, "utf8");
    const files: FileRow[] = [
      { name: "events.csv", mediaType: "text/csv; charset=utf-8; header=present", bytes: events },
      { name: "sources.csv", mediaType: "text/csv; charset=utf-8; header=present", bytes: sources },
    ];
    const listed = () => files.map((f) => ({ name: f.name, sha256: sha256(f.bytes), size: f.bytes.length }));
    const descriptor = dataPackage({ meta, version, title: input.title, createdAt, files: listed() });
    files.push(
      { name: "datapackage.json", mediaType: "application/json", bytes: text(`${JSON.stringify(descriptor, null, 2)}\n`) },
      {
        name: "CHANGELOG.md",
        mediaType: "text/markdown; charset=utf-8",
        bytes: text(renderChangelog({ version, title: input.title, createdAt, eventCount: counts.events, sourceCount: counts.sources, previous, changes: changes ?? { added: [], corrected: [], updated: [], retracted: [], deleted: [] } })),
      },
      { name: "CITATION.cff", mediaType: "text/plain; charset=utf-8", bytes: text(citationCff(meta, { version, createdAt })) },
    );
    // sha256sum's format: `sha256sum -c SHA256SUMS` checks an unpacked release.
    files.push({ name: "SHA256SUMS", mediaType: "text/plain; charset=utf-8", bytes: text(listed().map((f) => `${f.sha256}  ${f.name}\n`).join("")) });
    files.push({ name: zipName(meta.name, version), mediaType: "application/zip", bytes: releaseZip(`${meta.name}-${version}`, createdAt, files) });

    let position = 0;
    for (const f of files) {
      // A Buffer parameter goes to PostgreSQL in binary, not as hex text twice its size.
      await client.query("INSERT INTO release_file (release_id, name, position, media_type, sha256, size, bytes) VALUES ($1, $2, $3, $4, $5, $6, $7)", [
        id, f.name, ++position, f.mediaType, sha256(f.bytes), f.bytes.length, Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.length),
      ]);
    }
    // The release list and event pages change: retire the page cache everywhere, as
    // bumpPublicVersion does (lib/page-cache/public-version.ts), inside this transaction.
    await client.query("UPDATE public_change SET version = version + 1 WHERE id = 1");
    await client.query("COMMIT");
    return { id, version, eventCount: counts.events, sourceCount: counts.sources, files: listed(), changes };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  }
}
