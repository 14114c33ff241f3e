// The seed's captured copies (prisma/seed-data/copies.ts): each file's bytes stored once by
// SHA-256, and one "uploaded" capture of it by nobody, made the first time this database is
// seeded and found again on every later run, so reseeding never changes a capture id.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { storeContent } from "../lib/captures/store";
import type { Prisma } from "../lib/generated/prisma/client";
import { seedCopies, type SeedCopyName } from "./seed-data/copies";

export interface StoredCopy {
  captureId: number;
  /** The text quotes are checked against. */
  fullText: string;
}

const SEED_DATA_DIR = path.join(import.meta.dirname, "seed-data");

/**
 * `now` is the capture time of a copy stored for the first time: the moment this database
 * received it. The file's own date would be a guess (the article's publication date is unknown).
 */
export async function storeSeedCopies(tx: Prisma.TransactionClient, now: Date): Promise<Map<SeedCopyName, StoredCopy>> {
  const stored = new Map<SeedCopyName, StoredCopy>();
  for (const [name, copy] of Object.entries(seedCopies) as [SeedCopyName, (typeof seedCopies)[SeedCopyName]][]) {
    const bytes = await readFile(path.join(SEED_DATA_DIR, copy.file));
    // Stored as an editor's upload would be: bytes once per SHA-256, text extracted the same way.
    const { sha256, ...content } = await storeContent(tx, { bytes, contentType: copy.contentType });
    const fileName = path.basename(copy.file);
    const existing = await tx.capture.findFirst({
      where: { sha256, method: "uploaded", fileName, capturedById: null },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    const capture =
      existing ??
      (await tx.capture.create({
        data: { sha256, method: "uploaded", fileName, capturedAt: now },
        select: { id: true },
      }));
    stored.set(name, { captureId: capture.id, fullText: content.fullText });
  }
  return stored;
}
