// A stored copy as the editor's form shows it, with the source's quote checked against it: what
// the copy actions and the upload route answer.
import { checkQuote, type QuoteCheckResult } from "../provenance/quote-match";
import type { StoredCopy } from "./store";

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

export function toCopyResult(copy: StoredCopy, quote: string | undefined): CopyResult {
  return {
    ok: true,
    captureId: copy.id,
    capturedAt: copy.capturedAt.toISOString(),
    sha256: copy.sha256,
    size: copy.size,
    contentType: copy.contentType,
    finalUrl: copy.finalUrl,
    method: copy.method,
    textLength: copy.fullText.length,
    check: checkQuote(quote, copy.fullText),
  };
}
