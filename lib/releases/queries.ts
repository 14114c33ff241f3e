import "server-only";
// Reads of releases, for the public pages and the API. From the primary (db()): a release is
// there the moment it is made, where a replica could lag, and these reads are few and small
// (a file's bytes are streamed in slices, never loaded whole).
import { db } from "../db";
import type { PrismaClient } from "../generated/prisma/client";
import { parseVersion } from "./numbering";

export interface ReleaseFileInfo {
  name: string;
  mediaType: string;
  sha256: string;
  size: number;
}

export interface ReleaseSummary {
  version: string;
  title: string;
  description: string | null;
  createdAt: Date;
  eventCount: number;
  sourceCount: number;
  /** Null for a release made before actors had their own file. */
  actorCount: number | null;
  files: ReleaseFileInfo[];
}

const summarySelect = {
  version: true,
  title: true,
  description: true,
  createdAt: true,
  eventCount: true,
  sourceCount: true,
  actorCount: true,
  files: { select: { name: true, mediaType: true, sha256: true, size: true }, orderBy: { position: "asc" } },
} as const;

/** Newest first. */
export function listReleases(client: PrismaClient = db()): Promise<ReleaseSummary[]> {
  return client.release.findMany({ select: summarySelect, orderBy: { id: "desc" } });
}

export function getRelease(version: string, client: PrismaClient = db()): Promise<ReleaseSummary | null> {
  if (!parseVersion(version)) return Promise.resolve(null);
  return client.release.findUnique({ where: { version }, select: summarySelect });
}

export async function latestRelease(client: PrismaClient = db()): Promise<{ version: string } | null> {
  return client.release.findFirst({ select: { version: true }, orderBy: { id: "desc" } });
}

/** The release's CHANGELOG.md, for showing on the page. */
export async function releaseText(version: string, name: string, client: PrismaClient = db()): Promise<string | null> {
  const row = await client.releaseFile.findFirst({ where: { name, release: { version } }, select: { bytes: true } });
  return row ? Buffer.from(row.bytes).toString("utf8") : null;
}

export interface EventInReleases {
  /** The first release holding the event, and every release holding it, newest first. */
  since: { version: string; createdAt: Date } | null;
  releases: { version: string; createdAt: Date; status: string; eventVersion: number }[];
}

export async function releasesOfEvent(eventId: string, client: PrismaClient = db()): Promise<EventInReleases> {
  const rows = await client.$queryRaw<{ version: string; createdAt: Date; status: string; eventVersion: number }[]>`
    SELECT r.version, r.created_at AS "createdAt", m.status, m.version AS "eventVersion"
      FROM release_event m JOIN release r ON r.id = m.release_id
     WHERE m.event_id = ${eventId}
     ORDER BY r.id DESC`;
  return { since: rows.length ? rows[rows.length - 1] : null, releases: rows };
}

const SLICE = 1 << 20;

/**
 * A stored file as a stream of 1 MB slices read one at a time, so a large CSV never sits whole
 * in memory. The bytes never change (the table refuses updates), so the slices always agree.
 */
export async function releaseFileStream(
  version: string,
  name: string,
  client: PrismaClient = db(),
): Promise<{ info: ReleaseFileInfo; body: ReadableStream<Uint8Array> } | null> {
  if (!parseVersion(version)) return null;
  const file = await client.releaseFile.findFirst({
    where: { name, release: { version } },
    select: { releaseId: true, name: true, mediaType: true, sha256: true, size: true },
  });
  if (!file) return null;
  let offset = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (offset >= file.size) return controller.close();
        const [row] = await client.$queryRaw<{ part: Uint8Array }[]>`
        SELECT substring(bytes FROM ${offset + 1}::int FOR ${SLICE}::int) AS part FROM release_file WHERE release_id = ${file.releaseId} AND name = ${file.name}`;
        offset += SLICE;
        controller.enqueue(new Uint8Array(row.part));
      },
    },
    { highWaterMark: 0 },
  );
  return { info: { name: file.name, mediaType: file.mediaType, sha256: file.sha256, size: file.size }, body };
}
