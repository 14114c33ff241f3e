import "server-only";
// The editor routes for a copy: its text to read, and its original bytes to download. Only
// signed-in staff get them; the public never does (we cite sources, we do not republish them).
// A captured page is someone else's HTML: it is only ever sent as an attachment, with a policy
// that sandboxes it and no sniffing, so it can never run as a page of this site.
import { NextResponse } from "next/server";
import { currentUser } from "../authz";
import { reportDatabaseError } from "../database-breaker";
import { db } from "../db";
import { CAPTURED_COPY_POLICY } from "../security/headers";

const EXTENSIONS: Record<string, string> = { "text/html": "html", "application/pdf": "pdf", "text/plain": "txt" };

const LOCKED_DOWN = {
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
  // The proxy and next.config.js send the same for these paths (lib/security/headers.js).
  "Content-Security-Policy": CAPTURED_COPY_POLICY,
};

const plain = (status: number, text: string) =>
  new Response(`${text}\n`, { status, headers: { ...LOCKED_DOWN, "Content-Type": "text/plain; charset=utf-8" } });

/** Ids in the path are digits; anything else names no copy. */
const parseId = (raw: string) => (/^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= 2 ** 31 - 1 ? Number(raw) : null);

const CAPTURE_FIELDS = {
  id: true,
  sha256: true,
  capturedAt: true,
  method: true,
  requestedUrl: true,
  finalUrl: true,
  httpStatus: true,
  fileName: true,
  content: { select: { contentType: true, size: true } },
} as const;
type CaptureRow = NonNullable<Awaited<ReturnType<typeof findCapture>>>;
const findCapture = (id: number) => db().capture.findUnique({ where: { id }, select: CAPTURE_FIELDS });

async function original(capture: CaptureRow): Promise<Response> {
  const { bytes } = await db().captureContent.findUniqueOrThrow({
    where: { sha256: capture.sha256 },
    select: { bytes: true },
  });
  const name = `copy-${capture.id}-${capture.sha256.slice(0, 12)}.${EXTENSIONS[capture.content.contentType] ?? "bin"}`;
  return new Response(new Uint8Array(bytes), {
    headers: {
      ...LOCKED_DOWN,
      "Content-Type": capture.content.contentType,
      "Content-Length": String(bytes.length),
      "Content-Disposition": `attachment; filename="${name}"`,
    },
  });
}

async function textView(capture: CaptureRow, full: boolean): Promise<Response> {
  const texts = await db().captureContent.findUniqueOrThrow({
    where: { sha256: capture.sha256 },
    select: { text: !full, fullText: full },
  });
  const header = [
    `Copy ${capture.id}: ${capture.method === "fetched" ? "captured" : "uploaded"} ${capture.capturedAt.toISOString()}`,
    capture.method === "fetched"
      ? `From: ${capture.finalUrl ?? capture.requestedUrl} (HTTP ${capture.httpStatus})`
      : `File: ${capture.fileName ?? "(no name)"}${capture.requestedUrl ? `, saved from ${capture.requestedUrl}` : ""}`,
    `SHA-256: ${capture.sha256}`,
    `${capture.content.contentType}, ${capture.content.size} bytes`,
    full
      ? "Every piece of visible text (what quotes are checked against):"
      : "The readable text (add ?full=1 for every piece of visible text, which quotes are checked against):",
  ];
  const body = (full ? texts.fullText : texts.text) ?? "";
  return new Response(`${header.join("\n")}\n\n${body}\n`, {
    headers: { ...LOCKED_DOWN, "Content-Type": "text/plain; charset=utf-8", "Content-Disposition": "inline" },
  });
}

export async function copyResponse(request: Request, rawId: string, what: "text" | "original"): Promise<Response> {
  try {
    const user = await currentUser();
    if (!user) {
      const url = new URL("/signin", request.url);
      url.searchParams.set("from", new URL(request.url).pathname);
      return NextResponse.redirect(url, 303);
    }
    const id = parseId(rawId);
    const capture = id === null ? null : await findCapture(id);
    if (!capture) return plain(404, "There is no such copy.");
    return what === "original"
      ? original(capture)
      : textView(capture, new URL(request.url).searchParams.get("full") === "1");
  } catch (err) {
    if (reportDatabaseError(err))
      return plain(503, "The database cannot be reached just now. Please try again in a minute.");
    throw err;
  }
}
