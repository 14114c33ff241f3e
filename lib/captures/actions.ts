"use server";
// Public HTTP endpoints behind the editor's copy controls. Each checks the caller's role first,
// validates what it was sent, and answers with a result or a sentence, never a stack trace.
import { z } from "zod";
import { assertRole, ForbiddenError, type SessionUser } from "../auth/roles";
import { currentUser } from "../authz";
import { databaseIsAvailable } from "../breaker-state";
import { reportDatabaseError } from "../database-breaker";
import { db } from "../db";
import { logWrite } from "../request-log";
import { checkQuote, type QuoteCheckResult } from "../provenance/quote-match";
import { captureUrl, uploadCopy } from "./capture";
import { MAX_COPY_BYTES } from "./limits";
import { CaptureError } from "./errors";
import { getCopy, type StoredCopy } from "./store";

/** A copy as the editor's form shows it, with the source's quote checked against it. */
export interface CopyResult {
  ok: true;
  captureId: number;
  /** ISO 8601. */
  capturedAt: string;
  sha256: string;
  size: number;
  contentType: string;
  /** Where it came from: the final address of a fetched copy, the address given with an upload. */
  finalUrl: string | null;
  method: "fetched" | "uploaded";
  /** Characters of text found in the copy: 0 for a scanned PDF, whose quotes cannot be checked. */
  textLength: number;
  check: QuoteCheckResult;
}
export type CopyActionResult = CopyResult | { ok: false; message: string };

const UNAVAILABLE = "The database cannot be reached just now; nothing was stored. Please try again in a minute.";

const urlSchema = z.string().trim().min(1, "Give the source's web address first.").max(2000, "That address is too long.");
const quoteSchema = z.string().max(20_000).optional();
const captureIdSchema = z.number().int().min(1).max(2 ** 31 - 1);

function toResult(copy: StoredCopy, quote: string | undefined): CopyResult {
  return {
    ok: true, captureId: copy.id, capturedAt: copy.capturedAt.toISOString(), sha256: copy.sha256, size: copy.size, contentType: copy.contentType,
    finalUrl: copy.finalUrl, method: copy.method, textLength: copy.fullText.length, check: checkQuote(quote, copy.fullText),
  };
}

/** Runs `work` for a signed-in contributor or above; every failure becomes a sentence for the editor. */
async function asCaller(action: string, work: (user: SessionUser) => Promise<CopyActionResult>): Promise<CopyActionResult> {
  if (!databaseIsAvailable()) return { ok: false, message: UNAVAILABLE };
  let user: SessionUser | null = null;
  try {
    user = await currentUser();
    assertRole(user, "contributor");
    return await work(user);
  } catch (err) {
    if (err instanceof ForbiddenError || err instanceof CaptureError) {
      if (action !== "copy.check") await logWrite(action, user, {}, err.message);
      return { ok: false, message: err.message };
    }
    if (reportDatabaseError(err)) return { ok: false, message: UNAVAILABLE };
    await logWrite(action, user, {}, err);
    return { ok: false, message: "That did not work just now, and nothing was stored. Please try again." };
  }
}

/** "Capture now": the server fetches the source's address and keeps a copy. */
export async function captureSourceAction(url: string, quote?: string): Promise<CopyActionResult> {
  return asCaller("copy.capture", async (user) => {
    const parsed = z.object({ url: urlSchema, quote: quoteSchema }).safeParse({ url, quote });
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message };
    const copy = await captureUrl(db(), user, parsed.data.url);
    await logWrite("copy.capture", user, { captureId: copy.id, sha256: copy.sha256, size: copy.size });
    return toResult(copy, parsed.data.quote);
  });
}

const uploadSchema = z.object({
  file: z.instanceof(File, { message: "Choose a file to upload." }).refine((f) => f.size <= MAX_COPY_BYTES, "The file is larger than 10 MB, the most a copy may be."),
  url: z.string().max(2000).optional(),
  quote: quoteSchema,
});

/** "Upload a saved copy": form fields `file`, and optionally `url` (where it was saved from) and `quote`. */
export async function uploadCopyAction(formData: FormData): Promise<CopyActionResult> {
  return asCaller("copy.upload", async (user) => {
    const text = (name: string) => (typeof formData.get(name) === "string" ? (formData.get(name) as string) : undefined);
    const parsed = uploadSchema.safeParse({ file: formData.get("file"), url: text("url"), quote: text("quote") });
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message };
    const { file, url, quote } = parsed.data;
    const copy = await uploadCopy(db(), user, { bytes: Buffer.from(await file.arrayBuffer()), declaredType: file.type, fileName: file.name, url });
    await logWrite("copy.upload", user, { captureId: copy.id, sha256: copy.sha256, size: copy.size });
    return toResult(copy, quote);
  });
}

/** The quote checked against an attached copy while the editor types (the save checks again). */
export async function checkQuoteAction(captureId: number, quote: string): Promise<CopyActionResult> {
  return asCaller("copy.check", async () => {
    const parsed = z.object({ captureId: captureIdSchema, quote: quoteSchema }).safeParse({ captureId, quote });
    if (!parsed.success) return { ok: false, message: "This copy cannot be found; capture or upload the source again." };
    const copy = await getCopy(db(), parsed.data.captureId);
    if (!copy) return { ok: false, message: "This copy no longer exists; capture or upload the source again." };
    return toResult(copy, parsed.data.quote);
  });
}
