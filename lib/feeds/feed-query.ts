// What a feed of a view is: the view's filters, nothing else. Pure (no database), so pages,
// components and the feed route build the same address from the same parsed query.
import { serializeEventQuery, type EventQuery } from "../events/query-params";

/** The parameters that choose a view's events; sort and paging only arrange them on a page. */
export const FEED_PARAMS = ["q", "type", "actor", "claim", "from", "to", "retracted"] as const;

const sorted = <T extends string>(list: T[]) => [...list].sort();

/**
 * The feed's query string for a view, with its lists sorted, so that `?type=a&type=b` and
 * `?type=b,a` are one feed (one id for a feed reader) and a page's "Follow this view" link is the
 * feed's own self link.
 */
export function feedSearch(query: EventQuery): string {
  return serializeEventQuery({
    ...query,
    types: sorted(query.types),
    actors: sorted(query.actors),
    claims: sorted(query.claims),
    sort: undefined,
    page: undefined,
    pageSize: undefined,
  });
}

/** The feed's path, relative to the site: what a page links. */
export const feedPath = (query: EventQuery) => `/events.atom${feedSearch(query)}`;
