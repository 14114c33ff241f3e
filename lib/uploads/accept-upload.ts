import "server-only";
// The start of every editor upload route (the CSV import, a saved copy of a source). Uploads are
// route handlers, not server actions, so that each has its own body limit and server actions keep
// Next's default 1 MB (a limit set for uploads would apply to every action, the anonymous sign-in
// included). In order, before a byte of the body is read: the Origin (as Next.js checks it for
// server actions), then the caller's role (guardAction, the same words as every action); then
// the body is streamed and dropped past the route's limit. Answers are JSON `{ message }`, which
// the forms show as they are.
import { guardAction } from "../auth/guard";
import type { Role, SessionUser } from "../auth/roles";
import { logWrite } from "../request-log";
import { isCrossSiteWrite } from "../security/origin";

export type Accepted = { user: SessionUser; form: FormData; response?: undefined } | { response: Response };

export const CROSS_SITE_MESSAGE = "This request came from another site and was refused.";
export const UNREADABLE_MESSAGE = "The upload could not be read; choose the file again and retry.";

/** A JSON answer the forms show as it is; never cached. */
export function jsonAnswer(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

const STATUS = { "signed-out": 401, forbidden: 403, unavailable: 503 } as const;

/** The body's bytes, or "too-big" as soon as more than `max` arrive (the rest is never read). */
export async function readAtMost(
  body: ReadableStream<Uint8Array> | null,
  max: number,
): Promise<Uint8Array<ArrayBuffer> | "too-big"> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      return "too-big";
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

interface UploadRules {
  /** For the request log: "import", "copy.upload". */
  action: string;
  role: Role;
  /** The most the whole multipart body may hold: the files' limits plus room for the other fields. */
  maxBytes: number;
  /** What to say when the body is larger. */
  tooBig: string;
}

export async function acceptUpload(request: Request, rules: UploadRules): Promise<Accepted> {
  if (isCrossSiteWrite(request.method, request.headers)) {
    await logWrite(rules.action, null, {}, "cross-site");
    return { response: jsonAnswer({ message: CROSS_SITE_MESSAGE }, 403) };
  }
  const g = await guardAction(rules.role);
  if (g.refused !== undefined) {
    await logWrite(rules.action, null, {}, g.reason);
    return { response: jsonAnswer({ message: g.refused }, STATUS[g.reason]) };
  }
  const { user } = g;
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    await logWrite(rules.action, user, {}, "not a form upload");
    return { response: jsonAnswer({ message: UNREADABLE_MESSAGE }, 415) };
  }
  // A declared length over the limit is refused unread; a body that says less and sends more is
  // cut off when it passes the limit.
  const bytes =
    Number(request.headers.get("content-length")) > rules.maxBytes
      ? "too-big"
      : await readAtMost(request.body, rules.maxBytes);
  if (bytes === "too-big") {
    await logWrite(rules.action, user, {}, "upload over the limit");
    return { response: jsonAnswer({ message: rules.tooBig }, 413) };
  }
  try {
    return { user, form: await new Response(bytes, { headers: { "content-type": type } }).formData() };
  } catch {
    await logWrite(rules.action, user, {}, "unreadable form data");
    return { response: jsonAnswer({ message: UNREADABLE_MESSAGE }, 400) };
  }
}
