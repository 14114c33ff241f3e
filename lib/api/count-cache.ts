// include=count: the total of a query, kept per (query, public-data version). Every change a
// reader can see bumps the version in its own transaction (lib/page-cache/public-version.ts), so
// a count is reused until the next publication and a repeated count costs one version lookup.
import { LRUCache } from "lru-cache";
import type { EventQuery } from "../events/query-params";
import { normalizeForSearch } from "../events/search-text";
import { readPublicVersion } from "../page-cache/public-version";

const globalForCounts = globalThis as unknown as { apiCounts?: LRUCache<string, number> };
// A few thousand numbers: tiny, and enough for every filter combination a page offers in use.
const counts = (globalForCounts.apiCounts ??= new LRUCache<string, number>({ max: 5000 }));

/** What decides the count, normalised so equivalent queries share one entry (order, case, repeats). */
export function countKey(query: EventQuery, since: Date | null): string {
  const sorted = (xs: readonly string[]) => [...new Set(xs)].sort();
  return JSON.stringify([
    query.q ? normalizeForSearch(query.q.replace(/[%\\]/g, " ")) : "",
    sorted(query.types),
    sorted(query.claims),
    sorted(query.actors),
    query.fromDay ?? "",
    query.toDay ?? "",
    since ? since.toISOString() : query.includeRetracted,
  ]);
}

/**
 * The count for `key`, from memory when the public data has not changed since it was counted.
 * The version is read before counting, so a count stored under a version is never older than it
 * (at worst newer, which the next version's key replaces). An unreadable version counts afresh.
 */
export async function cachedCount(key: string, count: () => Promise<number>): Promise<number> {
  const version = await readPublicVersion();
  if (version === null) return count();
  const k = `${version}\u0000${key}`;
  const hit = counts.get(k);
  if (hit !== undefined) return hit;
  const n = await count();
  counts.set(k, n);
  return n;
}
