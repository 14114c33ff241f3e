import "server-only";
import { apiError, cachedJson } from "../api/http";
import { publicOrigin } from "../public-url";
import { getActor, resolveActorRedirect, type ActorDetail } from "./queries";
import { ACTOR_SLUG } from "./schemas";

/** The JSON of one public actor (documented in lib/actors/openapi-actors.ts). */
export function actorJson(a: ActorDetail, origin: string) {
  return {
    slug: a.slug,
    name: a.name,
    kind: a.kind,
    country: a.country,
    aliases: a.aliases,
    description: a.description,
    url: `${origin}/actors/${a.slug}`,
    eventCount: a.eventCount,
    eventsByYear: a.byYear,
    counterparties: a.counterparties.map((c) => ({
      slug: c.slug,
      name: c.name,
      kind: c.kind,
      country: c.country,
      eventCount: c.eventCount,
      relations: c.relations,
    })),
    events: `${origin}/api/v1/events?actor=${a.slug}`,
  };
}

/**
 * GET /api/v1/actors/<slug>: `{ data: … }`; a merged actor's old slug answers 308 to the actor it
 * was merged into; 404 for an actor no public event names.
 */
export async function handleActorDetail(request: Request, slug: string): Promise<Response> {
  if (!ACTOR_SLUG.test(slug)) return apiError(404, "No public actor has this slug.", ["slug"]);
  const actor = await getActor(slug);
  if (!actor) {
    const to = await resolveActorRedirect(slug);
    if (to) {
      return new Response(null, {
        status: 308,
        headers: {
          Location: `/api/v1/actors/${to}`,
          "Access-Control-Allow-Origin": "*",
          "Cache-Control": "public, max-age=60",
        },
      });
    }
    return apiError(404, "No public actor has this slug.", ["slug"]);
  }
  return cachedJson(request, { data: actorJson(actor, publicOrigin()) }, actor.lastChanged);
}
