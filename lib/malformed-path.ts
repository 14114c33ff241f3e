// Next.js 16 answers 500 when a dynamic route segment holds a percent-escape that does not
// decode ("/events/%", "/events/%ED%A0%80"): its route matcher throws a DecodeError that the
// production server does not turn into a 4xx (vercel/next.js#92527, fix proposed in #92557).
// Such a path can name no page, so the proxy answers 404 before routing reaches the matcher.

/** True when some segment of the (still encoded) path cannot be percent-decoded. */
export function hasMalformedEscape(pathname: string): boolean {
  if (!pathname.includes("%")) return false;
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}
