import "server-only";
// The HTTP side of releases: file downloads (immutable, so cached for a year and validated by
// their SHA-256), /data/releases/latest, and the API's JSON.
import { apiError, cachedJson, withDatabaseErrors } from "../api/http";
import { publicOrigin } from "../public-url";
import { getRelease, latestRelease, listReleases, releaseFileStream, type ReleaseSummary } from "./queries";

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** events.csv of 2026.12.1 is saved as events-2026.12.1.csv, so two releases' files never collide. */
const savedName = (name: string, version: string) =>
  name.endsWith(".zip") ? name : name.replace(/(\.[^.]+)?$/, (ext) => `-${version}${ext}`);

export const releaseFileResponse = withDatabaseErrors(async (request: Request, version: string, name: string) => {
  const file = await releaseFileStream(version, name);
  if (!file) return plain(404, "No such release file. The releases and their files are listed at /data/releases.");
  const etag = `"${file.info.sha256}"`;
  const headers: Record<string, string> = {
    ETag: etag,
    // Never changes (the database refuses it): any cache may keep it for good.
    "Cache-Control": "public, max-age=31536000, immutable",
    "Repr-Digest": `sha-256=:${Buffer.from(file.info.sha256, "hex").toString("base64")}:`,
    "X-Content-Type-Options": "nosniff",
  };
  if (request.headers.get("if-none-match") === etag) {
    await file.body.cancel();
    return new Response(null, { status: 304, headers });
  }
  return new Response(file.body, {
    headers: {
      ...headers,
      "Content-Type": file.info.mediaType,
      "Content-Length": String(file.info.size),
      "Content-Disposition": `attachment; filename="${savedName(file.info.name, version)}"`,
    },
  });
});

export const latestRedirect = withDatabaseErrors(async () => {
  const latest = await latestRelease();
  if (!latest) return plain(404, "No release has been made yet.");
  return new Response(null, {
    status: 307,
    headers: { Location: `/data/releases/${latest.version}`, "Cache-Control": "no-store" },
  });
});

/** A release in the API: its page, counts, and each file with its address and SHA-256. */
export function apiRelease(r: ReleaseSummary, origin = publicOrigin()) {
  const base = `${origin}/data/releases/${r.version}`;
  const zip = r.files.find((f) => f.name.endsWith(".zip"));
  return {
    version: r.version,
    title: r.title,
    description: r.description,
    createdAt: r.createdAt.toISOString(),
    eventCount: r.eventCount,
    sourceCount: r.sourceCount,
    actorCount: r.actorCount,
    url: base,
    zip: zip ? { url: `${base}/${zip.name}`, size: zip.size, sha256: zip.sha256 } : null,
    files: r.files
      .filter((f) => f !== zip)
      .map((f) => ({ name: f.name, mediaType: f.mediaType, size: f.size, sha256: f.sha256, url: `${base}/${f.name}` })),
  };
}

export const handleListReleases = withDatabaseErrors(async (request: Request) => {
  const releases = await listReleases();
  return cachedJson(request, { releases: releases.map((r) => apiRelease(r)) }, releases[0]?.createdAt ?? null);
});

export const handleGetRelease = withDatabaseErrors(async (request: Request, version: string) => {
  const release = await getRelease(version);
  if (!release) return apiError(404, `No release ${version}. The list is at /api/v1/releases.`);
  return cachedJson(request, apiRelease(release), release.createdAt);
});
