// The two ways a copy of a source arrives: the server fetches the source's address ("Capture
// now"), or an editor uploads a page saved from a browser (for pages behind a sign-in or a
// consent wall that the server cannot see). Both may be used by contributors as well as editors:
// contributors write drafts, and a draft's quotes need copies to be checked against.
import { STATUS_CODES } from "node:http";
import type { PrismaClient } from "../generated/prisma/client";
import { assertRole, type SessionUser } from "../auth/roles";
import { FetchError, safeFetch, type SafeFetchOptions } from "../net/safe-fetch";
import { CaptureError } from "./errors";
import { extractText, type CopyKind } from "./extract";
import { kindOfFetched, sniffUpload } from "./sniff";
import { hasContent, sha256Of, storeCopy, type CopyToStore, type StoredCopy } from "./store";
import { MAX_COPY_BYTES } from "./limits";

/** The largest copy kept, fetched or uploaded (the cap; safeFetch cuts a larger body off while streaming). */

/** For tests and the benchmark: a shorter timeout, or the private hosts a test server listens on. */
export type CaptureOptions = Pick<SafeFetchOptions, "timeoutMs" | "allowPrivateHosts">;

/** Fetches `url` (safely: see lib/net/safe-fetch.ts), extracts its text and stores the copy. */
export async function captureUrl(
  db: PrismaClient,
  user: SessionUser | null | undefined,
  url: string,
  options: CaptureOptions = {},
): Promise<StoredCopy> {
  assertRole(user, "contributor");
  // The address is stored and shown to editors: it must not carry a password.
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url.trim()))
    throw new CaptureError(
      "Addresses with a user name or password in them cannot be captured; upload a saved copy instead.",
    );
  let fetched;
  try {
    fetched = await safeFetch(url, { ...options, method: "GET", maxBytes: MAX_COPY_BYTES });
  } catch (err) {
    if (err instanceof FetchError) throw new CaptureError(`${err.message} Nothing was captured.`);
    throw err;
  }
  if (fetched.status < 200 || fetched.status > 299) {
    throw new CaptureError(
      `The address answered ${fetched.status} ${STATUS_CODES[fetched.status] ?? "(an unknown status)"}; nothing was captured.`,
    );
  }
  const kind = kindOfFetched(fetched.body, fetched.contentType);
  return save(db, {
    bytes: fetched.body,
    contentType: kind,
    charset: fetched.charset,
    method: "fetched",
    requestedUrl: fetched.requestedUrl,
    finalUrl: fetched.finalUrl,
    httpStatus: fetched.status,
    userId: user.id,
  });
}

export interface Upload {
  bytes: Buffer;
  /** The type the browser declared; a hint only, the bytes decide. */
  declaredType: string;
  fileName: string;
  /** The address the page was saved from, if the editor gives one. */
  url?: string | null;
}

/** Stores a copy an editor saved from a browser: HTML, PDF or plain text, told apart by its bytes. */
export async function uploadCopy(
  db: PrismaClient,
  user: SessionUser | null | undefined,
  upload: Upload,
): Promise<StoredCopy> {
  assertRole(user, "contributor");
  if (upload.bytes.length > MAX_COPY_BYTES)
    throw new CaptureError("The file is larger than 10 MB, the most a copy may be.");
  const url = upload.url?.trim() || null;
  if (url && !isHttpUrl(url)) throw new CaptureError("The source's address must start with http:// or https://.");
  const kind: CopyKind = sniffUpload(upload.bytes, upload.declaredType, upload.fileName);
  return save(db, {
    bytes: upload.bytes,
    contentType: kind,
    method: "uploaded",
    requestedUrl: url,
    fileName: cleanFileName(upload.fileName),
    userId: user.id,
  });
}

// Text extraction is the slow part (a second for a large PDF); it runs before the transaction, so
// no connection is held meanwhile, and not at all when these bytes are stored already.
async function save(db: PrismaClient, copy: CopyToStore): Promise<StoredCopy> {
  const extracted = (await hasContent(db, sha256Of(copy.bytes)))
    ? undefined
    : await extractText(copy.bytes, copy.contentType, copy.charset);
  // Ten megabytes and their texts take longer to write than Prisma's default 5 s allows on a busy server.
  return db.$transaction((tx) => storeCopy(tx, { ...copy, extracted }), { timeout: 60_000, maxWait: 10_000 });
}

function isHttpUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return (u.protocol === "http:" || u.protocol === "https:") && Boolean(u.hostname);
  } catch {
    return false;
  }
}

/** The name as the browser sent it, without any folder, control characters or excess length. */
export function cleanFileName(name: string): string | null {
  const base = name
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 200);
  return base || null;
}
