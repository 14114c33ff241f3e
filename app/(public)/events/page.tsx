import Link from "next/link";
import { AsOfNotice } from "@/components/as-of/as-of-notice";
import { FollowLink } from "@/components/feeds/follow-link";
import { ActiveFilters } from "@/components/events/active-filters";
import { ActorChoices } from "@/components/events/actor-choices";
import { EventFilters } from "@/components/events/event-filters";
import { EventsTable } from "@/components/events/events-table";
import { Pagination } from "@/components/events/pagination";
import { Notices } from "@/components/ui/notices";
import { loadActorFilter } from "@/lib/actors/typed-actor";
import { viewMetadata } from "@/lib/feeds/feed-metadata";
import { listEvents } from "@/lib/events/queries";
import { listEventsAsOf } from "@/lib/as-of/list";
import { parseAsOf } from "@/lib/as-of/parse";
import {
  hasFilters,
  noticeMessages,
  parseEventQuery,
  serializeEventQuery,
  type EventQuery,
  type EventSort,
} from "@/lib/events/query-params";

export const generateMetadata = viewMetadata("Events");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function sortHref(query: EventQuery, column: "date" | "title") {
  // Clicking the sorted column reverses it; another column starts newest-first for dates, A–Z for titles.
  const next: EventSort =
    query.sort === `-${column}` ? column : query.sort === column ? `-${column}` : column === "date" ? "-date" : "title";
  return `/events${serializeEventQuery({ ...query, sort: next, page: 1 })}`;
}

export default async function EventsPage({ searchParams }: Props) {
  const raw = await searchParams;
  const { query, notices } = parseEventQuery(raw);
  const asOf = parseAsOf(raw).asOf;
  const [result, actorFilter] = await Promise.all([
    asOf ? listEventsAsOf(query, asOf.at) : listEvents(query),
    loadActorFilter(raw, query, "/events"),
  ]);
  const messages = [...noticeMessages(notices), ...actorFilter.notices];
  if (query.page > result.pageCount)
    messages.push(`There are only ${result.pageCount} pages, so the last page is shown.`);
  const actorNames = new Map(actorFilter.selected.map((a) => [a.slug, a.name]));
  const first = (result.page - 1) * query.pageSize + 1;
  const last = first + result.rows.length - 1;
  const summary =
    result.total === 0
      ? "No events match"
      : `${result.total} ${result.total === 1 ? "event" : "events"}${result.pageCount > 1 ? `, showing ${first}–${last}` : ""}`;

  return (
    <>
      <h1>Events</h1>
      <AsOfNotice raw={raw} path="/events" />
      <nav aria-label="View" className="view-switch">
        View: <strong aria-current="page">Table</strong> ·{" "}
        <a href={`/timeline${serializeEventQuery({ ...query, page: 1, pageSize: undefined })}`}>Timeline</a> ·{" "}
        <a href={`/map${serializeEventQuery({ ...query, page: 1, pageSize: undefined })}`}>Map</a> ·{" "}
        <FollowLink query={query} />
      </nav>
      <EventFilters query={query} selectedActors={actorFilter.selected} />
      <Notices notices={messages} />
      <ActorChoices choices={actorFilter.choices} />
      <ActiveFilters query={query} actorNames={actorNames} />
      <div className="result-bar">
        <p role="status" aria-live="polite">
          <strong>{summary}</strong>
        </p>
        {result.total > 0 && (
          <p>
            <a href={`/events.csv${serializeEventQuery({ ...query, page: 1, pageSize: undefined })}`} download>
              Export CSV ({result.total} {result.total === 1 ? "row" : "rows"})
            </a>
            {" · "}
            <a href={`/sources.csv${serializeEventQuery({ ...query, page: 1, pageSize: undefined })}`} download>
              Sources CSV
            </a>
          </p>
        )}
      </div>
      {result.total === 0 ? (
        <div className="empty">
          <p>No published events match {hasFilters(query) ? "these filters" : "yet"}.</p>
          {hasFilters(query) && (
            <p>
              Remove a filter above, or <Link href="/events">see all events</Link>.
            </p>
          )}
        </div>
      ) : (
        <>
          <EventsTable
            rows={result.rows}
            caption={`Events, sorted by ${query.sort.replace("-", "")} ${query.sort.startsWith("-") ? "descending" : "ascending"}, page ${result.page} of ${result.pageCount}`}
            links={{ sort: query.sort, hrefs: { date: sortHref(query, "date"), title: sortHref(query, "title") } }}
          />
          <Pagination query={query} page={result.page} pageCount={result.pageCount} />
        </>
      )}
    </>
  );
}
