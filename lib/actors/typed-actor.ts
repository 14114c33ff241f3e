import "server-only";
// The actor filter for a list view: the names of the actors it is filtered by (those slugs only,
// never the list of every actor), and what the reader typed into the actor field when they
// applied the form without choosing from the type-ahead (without JavaScript, always). One actor
// fits the text: the view reloads filtered by its slug. Several: the reader chooses among links.
import { permanentRedirect, redirect } from "next/navigation";
import { rawValues, serializeEventQuery, type EventQuery, type RawParams } from "../events/query-params";
import { foldForSearch } from "./fold";
import { getActorNames, lookupActors, type ActorMatch } from "./lookup";
import { parseLookupParams } from "./lookup-params";
import { currentActorSlugs } from "./queries";

/** The form's text field; `actor` carries slugs. */
export const TYPED_ACTOR_PARAM = "actorName";
const MAX_CHOICES = 8;

export interface ActorFilter {
  selected: ActorMatch[];
  notices: string[];
  /** When the text fits several actors: each one's view, with that actor added. */
  choices: { name: string; description: string; href: string }[];
}

export async function loadActorFilter(raw: RawParams, query: EventQuery, basePath: string): Promise<ActorFilter> {
  // A merged actor's old slug: the same view, every other parameter kept, under the current slug.
  const current = await currentActorSlugs(query.actors);
  if (current) {
    const params = raw instanceof URLSearchParams ? new URLSearchParams(raw) : new URLSearchParams();
    if (!(raw instanceof URLSearchParams))
      for (const key of Object.keys(raw)) for (const v of rawValues(raw, key)) params.append(key, v);
    params.delete("actor");
    for (const slug of current) params.append("actor", slug);
    permanentRedirect(`${basePath}?${params}`);
  }
  const viewWith = (slug: string) =>
    `${basePath}${serializeEventQuery({ ...query, actors: [...query.actors, slug], page: 1 })}`;
  const typed = rawValues(raw, TYPED_ACTOR_PARAM)[0]?.trim() ?? "";
  const notices: string[] = [];
  let choices: ActorFilter["choices"] = [];
  if (typed) {
    const params = parseLookupParams(new URLSearchParams({ q: typed }));
    const found = params.ok
      ? (await lookupActors(params.q, MAX_CHOICES + 1)).filter((a) => !query.actors.includes(a.slug))
      : [];
    const folded = foldForSearch(typed);
    const exact = found.find((a) => foldForSearch(a.name) === folded || a.slug === folded.replace(/ /g, "-"));
    const only = exact ?? (found.length === 1 ? found[0] : undefined);
    if (only) redirect(viewWith(only.slug));
    if (!found.length) notices.push(`No actor matches “${typed.slice(0, 100)}”.`);
    else {
      notices.push(
        `“${typed.slice(0, 100)}” matches ${found.length > MAX_CHOICES ? `more than ${MAX_CHOICES}` : found.length} actors: choose one below, or type more of the name.`,
      );
      choices = found.slice(0, MAX_CHOICES).map((a) => ({
        name: a.name,
        description: [a.kind.replace("_", " "), a.country].filter(Boolean).join(", "),
        href: viewWith(a.slug),
      }));
    }
  }
  return { selected: await getActorNames(query.actors), notices, choices };
}
