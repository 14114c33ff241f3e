// The longest address (path and query) the app answers. Node's HTTP parser refuses requests
// whose headers pass 16 KB (its default --max-http-header-size, which `next start` keeps) and
// closes the socket, so a client still sending a longer address may see a reset instead of an
// answer. Refusing addresses past 8 KB here, well inside that limit, gives every such client a
// clean 414 it can read. No page, filter or API cursor needs more than a few hundred bytes.
export const MAX_URL_BYTES = 8192;

/**
 * The size of what was asked for: the path and query of an absolute URL, in the form Next.js
 * hands it to the proxy. Next deletes its internal `_rsc` parameter first, which rewrites the
 * query in URLSearchParams form (`%zz` becomes `%25zz=`); doing the same here gives one number
 * for what a client sends and what the proxy sees (the form is stable: measuring twice changes
 * nothing).
 */
export function requestTargetBytes(url: string | URL): number {
  const u = new URL(url);
  u.searchParams.delete("_rsc");
  return Buffer.byteLength(u.pathname + u.search);
}

export function urlTooLong(url: string | URL): boolean {
  return requestTargetBytes(url) > MAX_URL_BYTES;
}

export const URL_TOO_LONG_MESSAGE = `This address is too long: the limit is ${MAX_URL_BYTES.toLocaleString("en")} characters of path and query. Shorten the query and try again.\n`;
