import Link from "next/link";
import { releasesOfEvent } from "@/lib/releases/queries";
import "./releases.css";

const day = (d: Date) => d.toISOString().slice(0, 10);

/** On an event's page: the numbered releases that hold it, and since when. */
export async function EventReleases({ eventId }: { eventId: string }) {
  const { since, releases } = await releasesOfEvent(eventId);
  return (
    <section className="event-releases" aria-labelledby="event-releases-heading">
      <h2 id="event-releases-heading">In data releases</h2>
      {since ? (
        <>
          <p>
            In {releases.length === 1 ? "1 release" : `${releases.length} releases`}, since release{" "}
            <Link href={`/data/releases/${since.version}`}>{since.version}</Link> of{" "}
            <time dateTime={since.createdAt.toISOString()}>{day(since.createdAt)}</time>.
          </p>
          <ul>
            {releases.map((r) => (
              <li key={r.version}>
                <Link href={`/data/releases/${r.version}`}>{r.version}</Link> (
                <time dateTime={r.createdAt.toISOString()}>{day(r.createdAt)}</time>)
                {r.status === "retracted" ? ", as retracted" : ""}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>
          Not in a <Link href="/data/releases">numbered release</Link> yet; it will be in the next one.
        </p>
      )}
    </section>
  );
}
