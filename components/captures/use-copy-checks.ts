"use client";
// The quote checks the editor sees while typing. Results are kept by (copy, quote), not by the
// source's place in the list, so they follow a source when it moves and a stale answer for
// words since changed is never shown. The server checks again on save; this is a preview.
import { useEffect, useState } from "react";
import { checkQuoteAction, type CopyActionResult } from "@/lib/captures/actions";

export const checkKey = (captureId: string, quote: string) => `${captureId}\u0001${quote.trim()}`;

const DEBOUNCE_MS = 400;

export function useCopyChecks(pairs: { captureId: string; quote: string }[]) {
  const [results, setResults] = useState<Record<string, CopyActionResult>>({});
  const [asked, setAsked] = useState<Record<string, true>>({});
  const wanted = pairs.filter((p) => p.captureId).map((p) => checkKey(p.captureId, p.quote));
  const missing = [...new Set(wanted)].filter((k) => !(k in results) && !(k in asked)).join("\u0002");

  useEffect(() => {
    if (!missing) return;
    const t = setTimeout(() => {
      const keys = missing.split("\u0002");
      setAsked((a) => ({ ...a, ...Object.fromEntries(keys.map((k) => [k, true as const])) }));
      for (const key of keys) {
        const [captureId, quote] = key.split("\u0001");
        checkQuoteAction(Number(captureId), quote).then(
          (result) => setResults((r) => ({ ...r, [key]: result })),
          // A failed round trip (offline, a new deployment): say so; the next change asks again.
          () =>
            setResults((r) => ({
              ...r,
              [key]: { ok: false, message: "The quote could not be checked just now (the server did not answer)." },
            })),
        );
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [missing]);

  /** The latest known copy details for an id, whatever quote they came with. */
  const copyOf = (captureId: string) => {
    for (const [k, r] of Object.entries(results)) if (r.ok && k.startsWith(`${captureId}\u0001`)) return r;
    return undefined;
  };
  const remember = (captureId: string, quote: string, result: CopyActionResult) =>
    setResults((r) => ({ ...r, [checkKey(captureId, quote)]: result }));
  return { results, copyOf, remember };
}
