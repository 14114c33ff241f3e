// Entity tags for anonymous public pages. A tag names the public data's version (readable in
// logs) and a hash of everything the answer is made of: the address asked for, the status, the
// policy and the body (which names the build's own chunk files). Two pages, two builds, or two
// renders that differ in any byte never share a tag; identical answers do, which is what a tag
// promises. Weak, because a cache or Next.js may compress the body: the tag names the content,
// not one encoding of it (RFC 9110, 8.8.3).
import { createHash } from "node:crypto";

export function pageEtag(parts: {
  version: string;
  path: string;
  status: number;
  policy: string;
  body: string;
}): string {
  const digest = createHash("sha256")
    .update(`${parts.path}\0${parts.status}\0${parts.policy}\0`)
    .update(parts.body)
    .digest("base64url");
  return `W/"${parts.version}-${digest.slice(0, 22)}"`;
}

/** If-None-Match's weak comparison (RFC 9110, 13.1.2): any listed tag, or *, names this one. */
export function ifNoneMatchMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const wanted = opaque(etag);
  return header.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === wanted);
}
