"use server";
// The editor's copy controls that send no file: "Capture now" and the quote check while typing.
// Each asks guardAction first (the same words as every action for a signed-out caller, a refused
// role or an outage), validates what it was sent, and answers with a result or a sentence, never
// a stack trace. "Upload a saved copy" sends a file: it is a route handler with its own body
// limit (lib/captures/upload-copy.ts), since server actions keep Next's default 1 MB.
import { z } from "zod";
import { guardAction } from "../auth/guard";
import { ForbiddenError, type SessionUser } from "../auth/roles";
import { reportDatabaseError } from "../database-breaker";
import { db } from "../db";
import { NOTHING_SAVED_MESSAGE } from "../db-errors";
import { logWrite } from "../request-log";
import { captureUrl } from "./capture";
import { toCopyResult, type CopyActionResult, type CopyResult } from "./copy-result";
import { CaptureError } from "./errors";
import { getCopy } from "./store";

export type { CopyActionResult, CopyResult };

const urlSchema = z
  .string()
  .trim()
  .min(1, "Give the source's web address first.")
  .max(2000, "That address is too long.");
const quoteSchema = z.string().max(20_000).optional();
const captureIdSchema = z
  .number()
  .int()
  .min(1)
  .max(2 ** 31 - 1);

/** Runs `work` for a signed-in contributor or above; every failure becomes a sentence for the editor. */
async function asCaller(
  action: string,
  work: (user: SessionUser) => Promise<CopyActionResult>,
): Promise<CopyActionResult> {
  const g = await guardAction("contributor");
  if (g.refused !== undefined) {
    if (action !== "copy.check") await logWrite(action, null, {}, g.reason);
    return { ok: false, message: g.refused };
  }
  const { user } = g;
  try {
    return await work(user);
  } catch (err) {
    if (err instanceof ForbiddenError || err instanceof CaptureError) {
      if (action !== "copy.check") await logWrite(action, user, {}, err.message);
      return { ok: false, message: err.message };
    }
    if (reportDatabaseError(err)) return { ok: false, message: NOTHING_SAVED_MESSAGE };
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
    return toCopyResult(copy, parsed.data.quote);
  });
}

/** The quote checked against an attached copy while the editor types (the save checks again). */
export async function checkQuoteAction(captureId: number, quote: string): Promise<CopyActionResult> {
  return asCaller("copy.check", async () => {
    const parsed = z.object({ captureId: captureIdSchema, quote: quoteSchema }).safeParse({ captureId, quote });
    if (!parsed.success)
      return { ok: false, message: "This copy cannot be found; capture or upload the source again." };
    const copy = await getCopy(db(), parsed.data.captureId);
    if (!copy) return { ok: false, message: "This copy no longer exists; capture or upload the source again." };
    return toCopyResult(copy, parsed.data.quote);
  });
}
