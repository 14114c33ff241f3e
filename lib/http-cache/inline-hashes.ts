// A rendered page made fit for a shared cache: the nonce Next.js stamped on its own inline scripts
// and styles is replaced by their hashes, so the policy no longer changes per answer and one copy
// can be sent to every anonymous reader.
//
// Only elements that carry the render's nonce are hashed. Next.js and React put it on exactly the
// scripts and styles they create; markup that reached the page any other way (an injection the
// policy exists to stop) does not know the nonce, so it gets no hash and stays refused, exactly as
// under the nonce policy. Hashing every inline script found would let an injected one through.
import { createHash } from "node:crypto";
import type { InlineHashes } from "../security/headers";

export interface HashedPage {
  /** The page without its nonce attributes: the nonce is meaningless once the policy has none. */
  body: string;
  hashes: InlineHashes;
}

// Script and style are raw-text elements: their content ends at the first `</script` or `</style`
// (any case), which is where the browser ends it too; Next.js escapes `<` inside its inline data.
// The second alternative is every other start tag. One left-to-right pass over both means a
// script's content is never mistaken for tags, so removing the nonce never changes hashed text.
const INLINE_OR_TAG = /<(script|style)\b([^>]*)>([\s\S]*?)(<\/\1(?=[\s/>]))|<[a-z][^>]*>/gi;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/**
 * The text a browser hashes: the element's content after the HTML parser's newline
 * normalisation (CR LF and lone CR become LF), encoded as UTF-8.
 */
export function cspHash(text: string): string {
  const normalised = text.replace(/\r\n?/g, "\n");
  return `sha256-${createHash("sha256").update(normalised, "utf8").digest("base64")}`;
}

/** The page's inline scripts and styles that carry `nonce`, as CSP hashes, and the body without the nonce. */
export function hashNoncedInline(html: string, nonce: string): HashedPage {
  const attribute = new RegExp(`\\s+nonce=(["']?)${escapeRegExp(nonce)}\\1(?=[\\s/>]|$)`, "gi");
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const body = html.replace(
    INLINE_OR_TAG,
    (match, tag: string | undefined, attributes: string, content: string, end: string) => {
      if (tag === undefined) return match.replace(attribute, "");
      const nonced = attributes.replace(attribute, "");
      const isScript = tag.toLowerCase() === "script";
      // Only what Next.js stamped; an external script is allowed by 'self' and needs no hash.
      if (nonced !== attributes && !(isScript && /\ssrc\s*=/i.test(attributes)))
        (isScript ? scripts : styles).add(cspHash(content));
      return `<${tag}${nonced}>${content}${end}`;
    },
  );
  return { body, hashes: { scripts: [...scripts], styles: [...styles] } };
}

/** A header value (Next.js's Link preload hints) without its `nonce="…"` parameter. */
export function withoutNonce(value: string, nonce: string): string {
  return value.replace(new RegExp(`\\s*;?\\s*nonce=(["']?)${escapeRegExp(nonce)}\\1`, "gi"), "");
}
