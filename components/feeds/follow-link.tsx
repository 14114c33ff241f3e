import type { EventQuery } from "@/lib/events/query-params";
import { feedPath } from "@/lib/feeds/feed-query";

/**
 * The visible way to subscribe to what the page shows (its filters, not its page or order): the
 * same address as the page's <link rel="alternate">, so a feed reader finds one feed either way.
 */
export function FollowLink({ query }: { query: EventQuery }) {
  return (
    <a href={feedPath(query)} type="application/atom+xml" className="follow-view">
      Follow this view (Atom feed)
    </a>
  );
}
