import "server-only";
// Making a release: the public record read once, at one moment, into immutable files.
//
// The CSVs are the exact bytes of the public /events.csv and /sources.csv (with
// retracted=include: a retraction is part of the record a citation must still find), made by
// the export's own writer (csvBody). Those read on connections of their own, so the moment is
// pinned the way pg_dump pins it: the release's transaction is REPEATABLE READ and exports its
// snapshot (pg_export_snapshot), and every other transaction reading for it (both COPYs, the
// actors) imports that snapshot (SET TRANSACTION SNAPSHOT). The files, the membership, the counts
// and the changelog all see the same committed record, and no lock makes saves wait meanwhile.
// A session advisory lock makes releases one at a time, so numbers are given out in order.
import { createHash } from "node:crypto";
import pg from "pg";
import { z } from "zod";
import { actorsCsv } from "../actors/csv";
import { parseActorListQuery } from "../actors/list-params";
import { listActors } from "../actors/queries";
import { assertRole, type SessionUser } from "../auth/roles";
import { InvalidInputError } from "../events/errors";
import { isStorableText } from "../validation/storable-text";
import { logger } from "../log";
import { CSV_FAILED_MARKER, csvBody } from "../export/csv-response";
import type { PrismaClient } from "../generated/prisma/client";
import { poolOf } from "../prisma-client";
import { computeChanges, renderChangelog, type Changes } from "./changelog";
import { citationCff } from "./citation";
import { dataPackage } from "./datapackage";
import { datasetMetadata, type DatasetMetadata } from "./metadata";
import { formatVersion, nextNumber } from "./numbering";
import { ReleaseZip, zipName } from "./zip";

export const releaseInputSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, "Give the release a title")
    .max(200, "Keep the title to 200 characters")
    .refine(isStorableText, "Remove the invisible control characters (such as NUL) from this text"),
  description: z
    .string()
    .trim()
    .max(2000, "Keep this to 2,000 characters")
    .refine(isStorableText, "Remove the invisible control characters (such as NUL) from this text")
    .optional(),
});
export type ReleaseInput = z.infer<typeof releaseInputSchema>;

export interface MadeRelease {
  id: number;
  version: string;
  eventCount: number;
  sourceCount: number;
  actorCount: number;
  files: { name: string; sha256: string; size: number }[];
  changes: Changes | null;
}

const LOCK_KEY = 7_331_015; // pg_advisory_lock key: "making a release"
const PARAMS = "retracted=include";

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const CSV_TYPE = "text/csv; charset=utf-8; header=present";
const TEXT_TYPE = "text/plain; charset=utf-8";
const CHUNK = 1 << 20;

class Queue {
  private last: Promise<unknown> = Promise.resolve();
  constructor(private readonly client: pg.PoolClient) {}
  run<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const next = this.last.then(() => fn(this.client));
    this.last = next.catch(() => {}); // the failure reaches the file's own chain
    return next;
  }
}

/**
 * One file on its way into the release: its SHA-256 and size counted as it passes, its bytes
 * written in 1 MB rows of a temporary table, joined into release_file by PostgreSQL at the end
 * (release_file's rows are never updated, so a file cannot be appended to in place). Node
 * holds one chunk at a time, whatever the size of the file.
 */
class StoredFile {
  private readonly hash = createHash("sha256");
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private seq = 0;
  private chain: Promise<unknown> = Promise.resolve();
  size = 0;
  sha256 = "";

  /** `queue` orders the writes of every file on the one connection (node-postgres wants one query at a time). */
  constructor(
    private readonly queue: Queue,
    readonly name: string,
    readonly mediaType: string,
  ) {}

  /** Queues the bytes; `flushed()` waits for what was queued. */
  write(chunk: Uint8Array): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    this.pending.push(Buffer.from(chunk));
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= CHUNK) this.flush();
  }

  private flush(): void {
    if (!this.pendingBytes) return;
    const bytes = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    const seq = ++this.seq;
    // A Buffer parameter goes to PostgreSQL in binary, not as hex text twice its size.
    this.chain = this.queue.run((c) =>
      c.query("INSERT INTO release_chunk (name, seq, bytes) VALUES ($1, $2, $3)", [this.name, seq, bytes]),
    );
    this.chain.catch(() => {}); // handled where it is awaited (end); never an unhandled rejection before
  }

  flushed(): Promise<unknown> {
    return this.chain;
  }

  async end(): Promise<void> {
    this.flush();
    await this.chain;
    this.sha256 = this.hash.digest("hex");
  }
}

/** The public export's bytes, into `out` and the zip as they arrive, then checked for the failure marker. */
async function copyExport(
  prisma: PrismaClient,
  snapshot: string,
  kind: "events" | "sources",
  origin: string,
  out: StoredFile,
  zip: ReleaseZip,
): Promise<void> {
  const entry = zip.file(out.name);
  const reader = (await csvBody(kind, new URLSearchParams(PARAMS), { client: prisma, origin, snapshot })).getReader();
  let tail = Buffer.alloc(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out.write(value);
    entry.push(value);
    tail = Buffer.concat([tail, value]).subarray(-(CSV_FAILED_MARKER.length + 2));
    await out.flushed(); // backpressure: no more than a chunk or two ahead of the database
  }
  entry.end();
  // A read that failed midway ends the file with the marker line instead of throwing (the public
  // download's status is already sent): a release must never keep such a file.
  if (tail.toString("utf8").startsWith(CSV_FAILED_MARKER))
    throw new Error(`Reading ${kind}.csv failed midway; no release was made.`);
}

/** Admins only (the first line); `by` null is the command line (scripts/release-create.ts). */
export async function createRelease(
  prisma: PrismaClient,
  user: SessionUser | null,
  raw: unknown,
): Promise<MadeRelease> {
  assertRole(user, "admin");
  return makeRelease(prisma, raw, user);
}

/** For tests and the bench: called while the release is being made, after events.csv is read. */
export interface ReleaseHooks {
  afterEvents?: () => Promise<void>;
}

export async function makeRelease(
  prisma: PrismaClient,
  raw: unknown,
  by: SessionUser | null,
  meta: DatasetMetadata = datasetMetadata(),
  hooks: ReleaseHooks = {},
): Promise<MadeRelease> {
  const parsed = releaseInputSchema.safeParse(raw);
  if (!parsed.success)
    throw new InvalidInputError(
      "Some fields need attention.",
      z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
    );
  const input = parsed.data;
  const client = await poolOf(prisma).connect();
  try {
    // Taken before the transaction begins, so its snapshot holds the previous release.
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    try {
      const made = await makeInTransaction(prisma, client, input, by, meta, hooks);
      // The release list and event pages change: retire the page cache everywhere, as
      // bumpPublicVersion does (lib/page-cache/public-version.ts). Not inside the release's
      // transaction: every public save updates that row, and a REPEATABLE READ transaction may not
      // update a row changed since its snapshot (it would fail with 40001 whenever a save
      // committed meanwhile). Until this bump, a cached page may still show the list without the
      // release, as it would have a moment before the commit.
      // A failure here must not report the release, which is made, as failed.
      await client.query("UPDATE public_change SET version = version + 1 WHERE id = 1").catch((err: Error) => {
        logger.warn({ err: err.message, version: made.version }, "release made; the page cache was not retired");
      });
      return made;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

const MEMBERS = "FROM event e WHERE e.status IN ('published', 'retracted') AND e.deleted = false";

async function makeInTransaction(
  prisma: PrismaClient,
  client: pg.PoolClient,
  input: ReleaseInput,
  by: SessionUser | null,
  meta: DatasetMetadata,
  hooks: ReleaseHooks,
): Promise<MadeRelease> {
  // The snapshot is taken by the transaction's first statement, and exported by it: the moment of
  // the record this release holds. Saves that commit later are in the next release. (No deadlock
  // with them is possible any more: this transaction locks only rows of its own tables.)
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
  try {
    const {
      rows: [{ snapshot }],
    } = await client.query<{ snapshot: string }>("SELECT pg_export_snapshot() AS snapshot");
    const {
      rows: [{ at }],
    } = await client.query<{ at: Date }>("SELECT date_trunc('milliseconds', clock_timestamp()) AS at");
    const createdAt = new Date(at);
    const {
      rows: [{ last }],
    } = await client.query<{ last: number }>(
      "SELECT coalesce(max(number), 0)::int AS last FROM release WHERE year = $1 AND month = $2",
      [createdAt.getUTCFullYear(), createdAt.getUTCMonth() + 1],
    );
    const num = nextNumber(createdAt, last);
    const version = formatVersion(num);
    const { rows: prevRows } = await client.query<{ id: number; version: string; createdAt: Date; eventCount: number }>(
      `SELECT id, version, created_at AT TIME ZONE 'UTC' AS "createdAt", event_count AS "eventCount" FROM release ORDER BY id DESC LIMIT 1`,
    );
    const previous = prevRows[0] ?? null;

    await client.query(
      "CREATE TEMP TABLE release_chunk (name text, seq int, bytes bytea, PRIMARY KEY (name, seq)) ON COMMIT DROP",
    );
    const queue = new Queue(client);
    const zipFile = new StoredFile(queue, zipName(meta.name, version), "application/zip");
    const zip = new ReleaseZip(`${meta.name}-${version}`, createdAt, (chunk) => zipFile.write(chunk));
    const files = [new StoredFile(queue, "events.csv", CSV_TYPE), new StoredFile(queue, "sources.csv", CSV_TYPE)];
    // One after the other: a zip is written one file at a time.
    await copyExport(prisma, snapshot, "events", meta.origin, files[0], zip);
    await hooks.afterEvents?.();
    await copyExport(prisma, snapshot, "sources", meta.origin, files[1], zip);
    // /actors.csv unfiltered, by its own writer (lib/actors): a few thousand rows at most, read
    // in a transaction of Prisma's that imports the snapshot (Prisma begins it, then sets the
    // isolation level; the snapshot must come before the first query).
    const actors = await prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(`SET TRANSACTION SNAPSHOT ${pg.escapeLiteral(snapshot)}`);
        const query = { ...parseActorListQuery(new URLSearchParams()).query, page: 1 };
        return (await listActors(query, { pageSize: null, client: tx as PrismaClient })).rows;
      },
      { isolationLevel: "RepeatableRead", timeout: 60_000 },
    );
    const actorsFile = new StoredFile(queue, "actors.csv", CSV_TYPE);
    const actorBytes = Buffer.from(actorsCsv(actors), "utf8");
    actorsFile.write(actorBytes);
    const actorEntry = zip.file(actorsFile.name);
    actorEntry.push(actorBytes);
    actorEntry.end();
    files.push(actorsFile);
    await Promise.all(files.map((f) => f.end()));
    const {
      rows: [counts],
    } = await client.query<{ events: number; sources: number }>(
      `SELECT (SELECT count(*) ${MEMBERS})::int AS events,
              (SELECT count(*) FROM source_export x WHERE x.event_id IN (SELECT e.id ${MEMBERS}))::int AS sources`,
    );

    const {
      rows: [{ id }],
    } = await client.query<{ id: number }>(
      `INSERT INTO release (version, year, month, number, title, description, created_at, created_by_id, created_by_name, event_count, source_count, actor_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        version,
        num.year,
        num.month,
        num.number,
        input.title,
        input.description || null,
        createdAt.toISOString().replace("Z", ""),
        by?.id ?? null,
        by?.name ?? "command line",
        counts.events,
        counts.sources,
        actors.length,
      ],
    );
    await client.query(
      `INSERT INTO release_event (release_id, event_id, version, status) SELECT $1, e.id, e.version, e.status::text ${MEMBERS}`,
      [id],
    );
    // Fresh statistics for the comparison with the previous release: planned on stale ones (a
    // table thought nearly empty), its anti-joins took minutes at 20,000 events.
    if (previous) await client.query("ANALYZE release_event");
    const changes = previous ? await computeChanges(client, previous.id, id) : null;

    const small = (name: string, mediaType: string, text: string) => {
      const f = new StoredFile(queue, name, mediaType);
      const bytes = Buffer.from(text, "utf8");
      f.write(bytes);
      const entry = zip.file(name);
      entry.push(bytes);
      entry.end();
      files.push(f);
      return f.end();
    };
    const listed = () => files.map((f) => ({ name: f.name, sha256: f.sha256, size: f.size }));
    await small(
      "datapackage.json",
      "application/json",
      `${JSON.stringify(dataPackage({ meta, version, title: input.title, createdAt, files: listed() }), null, 2)}\n`,
    );
    const none: Changes = { added: [], corrected: [], updated: [], retracted: [], deleted: [] };
    await small(
      "CHANGELOG.md",
      "text/markdown; charset=utf-8",
      renderChangelog({
        version,
        title: input.title,
        createdAt,
        eventCount: counts.events,
        sourceCount: counts.sources,
        previous,
        changes: changes ?? none,
      }),
    );
    await small("CITATION.cff", TEXT_TYPE, citationCff(meta, { version, createdAt }));
    // sha256sum's format: `sha256sum -c SHA256SUMS` checks an unpacked release.
    await small(
      "SHA256SUMS",
      TEXT_TYPE,
      listed()
        .map((f) => `${f.sha256}  ${f.name}\n`)
        .join(""),
    );
    zip.end();
    await zipFile.end();
    files.push(zipFile);

    // A bytea joined in PostgreSQL: compressed with lz4 where the server has it (pglz, the
    // default, is several times slower on tens of megabytes).
    if (await hasLz4(client)) await client.query("SET LOCAL default_toast_compression = 'lz4'");
    for (const [i, f] of files.entries()) {
      await client.query(
        `INSERT INTO release_file (release_id, name, position, media_type, sha256, size, bytes)
         SELECT $1, $2, $3, $4, $5, $6, coalesce(string_agg(bytes, ''::bytea ORDER BY seq), ''::bytea) FROM release_chunk WHERE name = $2`,
        [id, f.name, i + 1, f.mediaType, f.sha256, f.size],
      );
    }
    await client.query("COMMIT");
    return {
      id,
      version,
      eventCount: counts.events,
      sourceCount: counts.sources,
      actorCount: actors.length,
      files: files.map((f) => ({ name: f.name, sha256: f.sha256, size: f.size })),
      changes,
    };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  }
}

async function hasLz4(client: pg.PoolClient): Promise<boolean> {
  const { rows } = await client.query(
    "SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)",
  );
  return rows.length > 0;
}
