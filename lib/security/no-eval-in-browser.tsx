"use client";
// zod 4 probes whether eval is allowed (`new Function("")`) the first time it parses an object,
// to decide whether to compile faster parsers. Our CSP has no 'unsafe-eval', so in the browser the
// probe is refused and reported as a violation before zod falls back. Saying so up front skips
// the probe; the browser only validates small forms, so the compiled parsers would gain nothing.
// On the server (a separate module instance) zod keeps compiling them.
import { z } from "zod";

z.config({ jitless: true });

export function NoEvalInBrowser() {
  return null;
}
