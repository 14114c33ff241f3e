import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { Counterparties } from "@/components/actors/counterparties";
import { RoleHistogram } from "@/components/actors/role-histogram";
import { FollowLink } from "@/components/feeds/follow-link";
import { actorKindLabel, countryName } from "@/lib/actors/list-params";
import { getActor, resolveActorRedirect } from "@/lib/actors/queries";
import { ACTOR_SLUG } from "@/lib/actors/schemas";
import { feedPath } from "@/lib/feeds/feed-query";
import { parseEventQuery, serializeEventQuery } from "@/lib/events/query-params";
import { publicOrigin } from "@/lib/public-url";
import "@/components/actors/actors.css";

type Props = { params: Promise<{ slug: string }> };

// The page and its metadata read the actor once per request.
const load = cache(async (slug: string) => {
  if (!ACTOR_SLUG.test(slug)) notFound();
  const actor = await getActor(slug);
  if (actor) return actor;
  // A merged actor's old address: permanently the actor it was merged into (308).
  const to = await resolveActorRedirect(slug);
  if (to) permanentRedirect(`/actors/${to}`);
  notFound();
});

const viewOf = (slug: string) => parseEventQuery({ actor: slug }).query;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await load((await params).slug);
  return {
    title: actor.name,
    description: actor.description ?? undefined,
    alternates: {
      types: {
        "application/atom+xml": [
          {
            url: `${publicOrigin()}${feedPath(viewOf(actor.slug))}`,
            title: `${actor.name}: new, corrected and retracted events`,
          },
        ],
      },
    },
  };
}

export default async function ActorPage({ params }: Props) {
  const actor = await load((await params).slug);
  const query = viewOf(actor.slug);
  const views = serializeEventQuery(query);
  return (
    <>
      <p>
        <Link href="/actors">All actors</Link>
      </p>
      <h1>{actor.name}</h1>
      <dl className="actor-facts">
        <dt>Kind</dt>
        <dd>{actorKindLabel(actor.kind)}</dd>
        <dt>Country</dt>
        <dd>{actor.country ? `${countryName(actor.country)} (${actor.country})` : "—"}</dd>
        <dt>Also known as</dt>
        <dd>{actor.aliases.length ? actor.aliases.join(", ") : "—"}</dd>
        <dt>Public events</dt>
        <dd>{actor.eventCount}</dd>
      </dl>
      {actor.description && <p className="actor-description">{actor.description}</p>}
      <nav aria-label="This actor's events" className="view-switch">
        Events: <Link href={`/events${views}`}>Table</Link> · <Link href={`/timeline${views}`}>Timeline</Link> ·{" "}
        <Link href={`/map${views}`}>Map</Link> · <FollowLink query={query} />
      </nav>

      <h2>Events by role over time</h2>
      <RoleHistogram byYear={actor.byYear} name={actor.name} />

      <h2>Counterparties</h2>
      <Counterparties slug={actor.slug} name={actor.name} counterparties={actor.counterparties} />

      <p className="muted">
        Data: <a href={`/api/v1/actors/${actor.slug}`}>JSON</a> ·{" "}
        <a href="/actors.csv" download>
          all actors (CSV)
        </a>
      </p>
    </>
  );
}
