import Link from "next/link";
import { connection } from "next/server";
import { eventTypeLabel } from "@/lib/events/codebook";
import { formatEventDate, isoEventDate } from "@/lib/events/date-span";
import { getOverview } from "@/lib/events/queries";

export default async function HomePage() {
  await connection(); // read the database per request, never at build time
  const o = await getOverview();
  return (
    <>
      <h1>Sanctions &amp; Arms-Transfer Tracker</h1>
      <p>
        An open record of summits, warnings, vetoes, sanctions and arms and technology transfers, starting with North
        Korea and Russia. Every event cites its sources with the passage that supports it, and dates are shown only as
        precisely as they are known: an event known to the month is shown as a month, not as its first day.
      </p>
      <ul className="stats" aria-label="Counts">
        <li>
          <strong>{o.eventCount}</strong> published events
        </li>
        <li>
          <strong>{o.sourceCount}</strong> cited sources
        </li>
        <li>
          <strong>{o.actorCount}</strong> actors
        </li>
        {o.firstYear && (
          <li>
            <strong>
              {o.firstYear}–{o.lastYear}
            </strong>{" "}
            years covered
          </li>
        )}
      </ul>
      <p>
        <Link className="button" href="/events">
          Browse all events
        </Link>{" "}
        <Link className="button secondary" href="/codebook">
          Read the codebook
        </Link>
      </p>
      <h2>Latest events</h2>
      <ul>
        {o.latest.map((e) => (
          <li key={e.id}>
            <time dateTime={isoEventDate(e.date)}>{formatEventDate(e.date)}</time> —{" "}
            <Link href={`/events/${e.id}`}>{e.title}</Link> <span className="muted">({eventTypeLabel(e.type)})</span>
          </li>
        ))}
      </ul>
    </>
  );
}
