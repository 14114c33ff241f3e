import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AsOfNotice } from "@/components/as-of/as-of-notice";
import { DisputedMark } from "@/components/sources/disputed-mark";
import { EventSources } from "@/components/sources/event-sources";
import { EventReleases } from "@/components/releases/event-releases";
import { RelatedEvents } from "@/components/relations/related-events";
import {
  ACTOR_ROLES,
  SANCTIONS_REGIMES,
  eventTypeLabel,
  type ActorRoleSlug,
  type SanctionsRegimeSlug,
} from "@/lib/events/codebook";
import { formatEventDate, isoEventDate, precisionNote, toIsoDay } from "@/lib/events/date-span";
import { getPublicHistory } from "@/lib/events/queries";
import { eventFor, historyFor, isAsOf } from "@/lib/as-of/page-hooks";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const event = await eventFor((await params).id, await searchParams);
  return { title: event?.title ?? "Event not found" };
}

const list = (items: string[]) => (items.length ? items.join(", ") : "—");

export default async function EventPage({ params, searchParams }: Props) {
  const raw = await searchParams;
  const event = await eventFor((await params).id, raw);
  if (!event) notFound();
  const history = historyFor(await getPublicHistory(event.id), raw);
  const disputes = event.sources.filter((s) => s.stance === "disputes").length;
  const actorsByRole = event.actors.map((a) => ({
    name: a.actor.name,
    aliases: a.actor.aliases,
    role: ACTOR_ROLES[a.role as ActorRoleSlug] ?? a.role,
    slug: a.actor.slug,
  }));

  return (
    <article>
      <p>
        <Link href="/events">← All events</Link>
      </p>
      {event.status === "retracted" && (
        <div className="notice" role="note" aria-label="Retraction notice">
          <strong>Retracted.</strong> This event has been withdrawn; it is kept here so that links and citations still
          resolve.
          {event.retractionReason && <> Reason: {event.retractionReason}</>}
        </div>
      )}
      <AsOfNotice raw={raw} path={`/events/${event.id}`} />
      <h1>{event.title}</h1>
      <p className="muted">
        <time dateTime={isoEventDate(event.date)}>{formatEventDate(event.date)}</time>
        {precisionNote(event.date) && <> ({precisionNote(event.date)})</>}
        {event.date.approximate && <> — approximate</>}
        {" · "}
        {eventTypeLabel(event.type)}
        {" · "}
        <span className={`badge ${event.claimStatus}`}>{event.claimStatus}</span>
        {disputes > 0 && (
          <>
            {" · "}
            <DisputedMark count={disputes} href="#disputed-by" />
          </>
        )}
      </p>
      <p>{event.summary}</p>

      <h2>Details</h2>
      <dl className="fields">
        <dt>Public id</dt>
        <dd>
          <code>{event.id}</code>
        </dd>
        <dt>Event type</dt>
        <dd>{eventTypeLabel(event.type)}</dd>
        <dt>Claim status</dt>
        <dd>{event.claimStatus}</dd>
        <dt>Date</dt>
        <dd>
          {formatEventDate(event.date)} (precision: {event.date.precision}
          {event.date.endPrecision ? `, end: ${event.date.endPrecision}` : ""}
          {event.date.approximate ? ", approximate" : ""})
        </dd>
        <dt>Place</dt>
        <dd>{event.place ?? "—"}</dd>
        <dt>Countries</dt>
        <dd>{list(event.countryCodes)}</dd>
        <dt>Coordinates</dt>
        <dd>
          {event.latitude !== null && event.longitude !== null
            ? `${event.latitude}, ${event.longitude} (approximate)`
            : "—"}
        </dd>
        <dt>Item categories</dt>
        <dd>{list(event.itemCategories)}</dd>
        {event.sanctionsRegime && (
          <>
            <dt>Sanctions regime</dt>
            <dd>{SANCTIONS_REGIMES[event.sanctionsRegime as SanctionsRegimeSlug]}</dd>
          </>
        )}
        {event.instrument && (
          <>
            <dt>Instrument</dt>
            <dd>{event.instrument}</dd>
          </>
        )}
        <dt>Tags</dt>
        <dd>{list(event.tags)}</dd>
        <dt>First published</dt>
        <dd>{event.publishedAt ? toIsoDay(event.publishedAt) : "—"}</dd>
        <dt>Last changed</dt>
        <dd>{toIsoDay(event.updatedAt)}</dd>
      </dl>

      <h2>Actors</h2>
      <ul>
        {actorsByRole.map((a) => (
          <li key={`${a.slug}-${a.role}`}>
            <Link href={`/actors/${a.slug}`}>{a.name}</Link> — {a.role} (
            <Link href={`/events?actor=${a.slug}`}>
              events<span className="visually-hidden"> naming {a.name}</span>
            </Link>
            ){a.aliases.length > 0 && <span className="muted"> (also: {a.aliases.join(", ")})</span>}
          </li>
        ))}
      </ul>

      {/* Links are today's: the record as of a date does not rebuild them (decision 0035). */}
      {!isAsOf(raw) && <RelatedEvents eventId={event.id} />}

      <EventSources sources={event.sources} />

      <h2 id="history">Corrections and history</h2>
      {history.length === 0 ? (
        <p className="muted">No public changes recorded.</p>
      ) : (
        <ol className="history" aria-label="Public history">
          {history.map((h) => (
            <li key={h.id}>
              <time dateTime={h.createdAt.toISOString()}>{toIsoDay(h.createdAt)}</time> — <strong>{h.kind}</strong>
              {h.note && <>: {h.note}</>}
            </li>
          ))}
        </ol>
      )}

      <EventReleases eventId={event.id} />
    </article>
  );
}
