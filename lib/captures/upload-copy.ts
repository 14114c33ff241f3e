import "server-only";
// POST /editor/uploads/copy: "Upload a saved copy" (form fields `file`, and optionally `url`,
// where it was saved from, and `quote`). A route handler rather than a server action, so a 10 MB
// copy has a limit of its own (see lib/uploads/accept-upload.ts): the role is checked before the
// body is read. Answers a CopyActionResult as JSON.
import { z } from "zod";
import { reportDatabaseError } from "../database-breaker";
import { db } from "../db";
import { NOTHING_SAVED_MESSAGE } from "../db-errors";
import { logWrite } from "../request-log";
import { acceptUpload, jsonAnswer } from "../uploads/accept-upload";
import { uploadCopy } from "./capture";
import { toCopyResult, type CopyActionResult } from "./copy-result";
import { CaptureError } from "./errors";
import { MAX_COPY_BYTES } from "./limits";

export const COPY_TOO_BIG = "The file is larger than 10 MB, the most a copy may be.";

const uploadSchema = z.object({
  file: z
    .instanceof(File, { message: "Choose a file to upload." })
    .refine((f) => f.size <= MAX_COPY_BYTES, COPY_TOO_BIG),
  url: z.string().max(2000).optional(),
  quote: z.string().max(20_000).optional(),
});

export async function uploadCopyRequest(request: Request): Promise<Response> {
  // The copy, its address and a quote of up to 20,000 characters (at most 4 bytes each), framed.
  const accepted = await acceptUpload(request, {
    action: "copy.upload",
    role: "contributor",
    maxBytes: MAX_COPY_BYTES + 128 * 1024,
    tooBig: COPY_TOO_BIG,
  });
  if (accepted.response) return accepted.response;
  const { user, form } = accepted;
  const answer = (result: CopyActionResult, status = 200) => jsonAnswer(result, status);
  const text = (name: string) => (typeof form.get(name) === "string" ? (form.get(name) as string) : undefined);
  const parsed = uploadSchema.safeParse({ file: form.get("file"), url: text("url"), quote: text("quote") });
  if (!parsed.success) return answer({ ok: false, message: parsed.error.issues[0].message }, 400);
  const { file, url, quote } = parsed.data;
  try {
    const copy = await uploadCopy(db(), user, {
      bytes: Buffer.from(await file.arrayBuffer()),
      declaredType: file.type,
      fileName: file.name,
      url,
    });
    await logWrite("copy.upload", user, { captureId: copy.id, sha256: copy.sha256, size: copy.size });
    return answer(toCopyResult(copy, quote));
  } catch (err) {
    if (err instanceof CaptureError) {
      await logWrite("copy.upload", user, {}, err.message);
      return answer({ ok: false, message: err.message }, 422);
    }
    if (reportDatabaseError(err)) return answer({ ok: false, message: NOTHING_SAVED_MESSAGE }, 503);
    await logWrite("copy.upload", user, {}, err);
    return answer({ ok: false, message: "That did not work just now, and nothing was stored. Please try again." }, 500);
  }
}
