// A server component: the rows are markup, sent with no component code and not as a client
// table's props. The data is one page the database already sorted, so all a table library would
// add is a column model; a plain column list is that model (TanStack's headless core cost ms per
// page to build it; see the decision on the server-rendered table). Links are plain anchors:
// moving between list views is a full page load, which an HTTP cache can answer, and no row
// link asks the server for a prefetch.
import { Fragment, type ReactNode } from "react";
import { DISPUTED_MARK_MEANING, DisputedMark } from "@/components/sources/disputed-mark";
import { eventTypeLabel } from "@/lib/events/codebook";
import { formatEventDate, isoEventDate } from "@/lib/events/date-span";
import type { EventRow } from "@/lib/events/queries";
import "./phone.css";

type SortKey = "date" | "title";
export interface SortLinks {
  /** Current sort, e.g. "-date". */
  sort: string;
  hrefs: Record<SortKey, string>;
}

interface Column {
  id: string;
  header: string;
  sortKey?: SortKey;
  className?: string;
  cell: (row: EventRow) => ReactNode;
}

const COLUMNS: Column[] = [
  {
    id: "date",
    header: "Date",
    sortKey: "date",
    cell: (r) => <time dateTime={isoEventDate(r.date)}>{formatEventDate(r.date)}</time>,
  },
  { id: "title", header: "Title", sortKey: "title", cell: (r) => <a href={`/events/${r.id}`}>{r.title}</a> },
  { id: "type", header: "Type", cell: (r) => eventTypeLabel(r.type) },
  {
    id: "claim",
    header: "Claim",
    cell: (r) => (
      <>
        <span className={`badge ${r.claimStatus}`}>{r.claimStatus}</span>
        {r.disputeCount > 0 && (
          <>
            <br />
            <DisputedMark count={r.disputeCount} />
          </>
        )}
      </>
    ),
  },
  { id: "actors", header: "Actors", cell: (r) => <ActorNames row={r} /> },
  { id: "place", header: "Place", cell: (r) => r.place ?? "—" },
  { id: "sources", header: "Sources", className: "num", cell: (r) => r.sourceCount },
];

/** A phone's card names the first few actors and counts the rest (phone.css shows one or the other). */
const CARD_ACTORS = 3;

// Plain anchors like the titles' (not components/actors' next/link ActorLink): a page of rows
// names a hundred actors or more, and none of those links should ask for a prefetch.
function actorLinks(actors: [string, string][]) {
  // Keyed by position: a slug as a key would stand alone in React's payload, like a list of actors.
  return actors.map(([slug, name], i) => (
    <Fragment key={i}>
      {i > 0 && ", "}
      <a href={`/actors/${slug}`}>{name}</a>
    </Fragment>
  ));
}

function ActorNames({ row }: { row: EventRow }) {
  // An actor with two roles in one event is named once.
  const actors = [...new Map(row.actors.map((a) => [a.slug, a.name])).entries()];
  if (actors.length <= CARD_ACTORS) return actorLinks(actors);
  return (
    <>
      {actorLinks(actors.slice(0, CARD_ACTORS))}
      <span className="actors-rest">, {actorLinks(actors.slice(CARD_ACTORS))}</span>
      <span className="actors-more"> and {actors.length - CARD_ACTORS} more</span>
    </>
  );
}

function SortHeader({ label, column, links }: { label: string; column: SortKey; links: SortLinks }) {
  const active = links.sort.replace("-", "") === column;
  const desc = links.sort.startsWith("-");
  return (
    <a href={links.hrefs[column]}>
      {label}
      <span className="muted">{active ? (desc ? " ↓" : " ↑") : ""}</span>
      <span className="visually-hidden">
        {active ? `, sorted ${desc ? "descending" : "ascending"}; activate to reverse` : ", activate to sort"}
      </span>
    </a>
  );
}

export function EventsTable({ rows, links, caption }: { rows: EventRow[]; links: SortLinks; caption: string }) {
  const sorted = links.sort.replace("-", "");
  const direction = links.sort.startsWith("-") ? "descending" : "ascending";
  return (
    <>
      <div className="table-wrap">
        <table className="events" aria-describedby="events-legend">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.id} scope="col" aria-sort={c.sortKey && c.sortKey === sorted ? direction : undefined}>
                  {c.sortKey ? <SortHeader label={c.header} column={c.sortKey} links={links} /> : c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                {/* No className prop when there is none: React's payload would carry "$undefined" per cell. */}
                {COLUMNS.map((c) =>
                  c.className ? (
                    <td key={c.id} className={c.className}>
                      {c.cell(row)}
                    </td>
                  ) : (
                    <td key={c.id}>{c.cell(row)}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id="events-legend" className="muted table-legend">
        {DISPUTED_MARK_MEANING} <a href="/codebook#disputed">More in the codebook</a>.
      </p>
    </>
  );
}
