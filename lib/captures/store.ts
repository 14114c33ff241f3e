import "server-only";
// Copies in PostgreSQL, the app's one store, so instances stay stateless and backups hold them.
// The bytes are kept once per SHA-256 (CaptureContent); every act of capturing or uploading is
// its own Capture row, so who took which copy when is never lost to the deduplication.
import { createHash } from "node:crypto";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { extractText, type CopyKind, type ExtractedText } from "./extract";

type Db = PrismaClient | Prisma.TransactionClient;

export interface CopyToStore {
  bytes: Buffer;
  contentType: CopyKind;
  method: "fetched" | "uploaded";
  requestedUrl?: string | null;
  finalUrl?: string | null;
  httpStatus?: number | null;
  fileName?: string | null;
  userId: number | null;
  /** For text without a declared charset: the HTTP response's, if any. */
  charset?: string | null;
  /** Already extracted (so the work happens outside a transaction); extracted here when absent. */
  extracted?: ExtractedText;
}

/** What an editor is shown about a copy, and what the quote is checked against. */
export interface StoredCopy {
  id: number;
  sha256: string;
  size: number;
  contentType: string;
  capturedAt: Date;
  finalUrl: string | null;
  method: "fetched" | "uploaded";
  fullText: string;
}

export const sha256Of = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** True when these exact bytes are stored already (then nothing needs extracting). */
export async function hasContent(db: Db, sha256: string): Promise<boolean> {
  return (await db.captureContent.count({ where: { sha256 } })) > 0;
}

/**
 * Stores these bytes once per SHA-256, extracting their text only when they are new; identical
 * bytes stored before keep their row, whose text is what quotes are checked against.
 */
export async function storeContent(db: Db, copy: Pick<CopyToStore, "bytes" | "contentType" | "charset" | "extracted">) {
  const sha256 = sha256Of(copy.bytes);
  const existing = await db.captureContent.findUnique({
    where: { sha256 },
    select: { fullText: true, contentType: true, size: true },
  });
  if (existing) return { sha256, ...existing };
  const { text, fullText } = copy.extracted ?? (await extractText(copy.bytes, copy.contentType, copy.charset));
  // ON CONFLICT DO NOTHING: two editors capturing the same page at once both succeed, one row.
  await db.captureContent.createMany({
    data: [
      {
        sha256,
        bytes: new Uint8Array(copy.bytes),
        size: copy.bytes.length,
        contentType: copy.contentType,
        text,
        fullText,
      },
    ],
    skipDuplicates: true,
  });
  return { sha256, fullText, contentType: copy.contentType as string, size: copy.bytes.length };
}

/** Stores a copy: its bytes once per SHA-256, and a new Capture row for this act. Returns the capture. */
export async function storeCopy(db: Db, copy: CopyToStore): Promise<StoredCopy> {
  const { sha256, ...content } = await storeContent(db, copy);
  const capture = await db.capture.create({
    data: {
      sha256,
      method: copy.method,
      requestedUrl: copy.requestedUrl ?? null,
      finalUrl: copy.finalUrl ?? null,
      httpStatus: copy.httpStatus ?? null,
      fileName: copy.fileName ?? null,
      capturedById: copy.userId,
    },
    select: { id: true, capturedAt: true },
  });
  return {
    id: capture.id,
    sha256,
    size: content.size,
    contentType: content.contentType,
    capturedAt: capture.capturedAt,
    finalUrl: copy.finalUrl ?? copy.requestedUrl ?? null,
    method: copy.method,
    fullText: content.fullText,
  };
}

/** A stored copy by capture id, or null. */
export async function getCopy(db: Db, id: number): Promise<StoredCopy | null> {
  const c = await db.capture.findUnique({
    where: { id },
    select: {
      id: true,
      sha256: true,
      capturedAt: true,
      finalUrl: true,
      requestedUrl: true,
      method: true,
      content: { select: { size: true, contentType: true, fullText: true } },
    },
  });
  if (!c) return null;
  return {
    id: c.id,
    sha256: c.sha256,
    size: c.content.size,
    contentType: c.content.contentType,
    capturedAt: c.capturedAt,
    finalUrl: c.finalUrl ?? c.requestedUrl,
    method: c.method,
    fullText: c.content.fullText,
  };
}
