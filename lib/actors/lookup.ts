import "server-only";
// The actor type-ahead: a few public actors matching what a reader typed, and the names of the
// actors a view is already filtered by. Deliberately small (issue 13: the filter picker no longer
// embeds every actor in every page); the readers' actor pages and API (issue 14) grow beside it.
import { readDb } from "../db";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { foldForSearch, likePattern, slugPattern } from "./fold";

export interface ActorMatch {
  slug: string;
  name: string;
  kind: string;
  /** ISO 3166-1 alpha-2, when the actor is tied to a country. */
  country: string | null;
}

// Latin letters with diacritics and their plain forms (both cases; lower() folds only ASCII under
// the C collation), so "Gutérres" and "guterres" find the same actor without the unaccent
// extension. The slug, already ASCII, catches what this list misses.
export const ACCENTED = "ÀÁÂÃÄÅàáâãäåÇçĆćČčÈÉÊËèéêëĚěÌÍÎÏìíîïÑñŃńŇňÒÓÔÕÖØòóôõöøŘřŠšŚśŞşÙÚÛÜùúûüŮůÝýÿŽžŹźŻżŁłĞğİı";
export const PLAIN = "AAAAAAaaaaaaCcCcCcEEEEeeeeEeIIIIiiiiNnNnNnOOOOOOooooooRrSsSsSsUUUUuuuuUuYyyZzZzZzLlGgIi";

/** An actor readers can see: named in at least one published event. */
export const PUBLIC_ACTOR = Prisma.sql`EXISTS (SELECT 1 FROM event_actor ea JOIN event e ON e.id = ea.event_id
                                         WHERE ea.actor_id = a.id AND e.status = 'published' AND NOT e.deleted)`;

/**
 * Public actors whose name, slug or an alias contains `text`, ignoring case and accents: those
 * that start with it first, then by name. `text` must hold at least one letter or digit.
 */
export async function lookupActors(
  text: string,
  limit: number,
  client: PrismaClient = readDb(),
): Promise<ActorMatch[]> {
  const folded = foldForSearch(text);
  const contains = likePattern(folded, "contains");
  const starts = likePattern(folded, "starts");
  const slug = slugPattern(folded);
  // No slug pattern: a pattern that matches no slug, so the query keeps one shape.
  const slugContains = slug ? likePattern(slug, "contains") : "";
  const slugStarts = slug ? likePattern(slug, "starts") : "";
  const foldedName = Prisma.sql`lower(translate(a.name, ${ACCENTED}, ${PLAIN}))`;
  return client.$queryRaw<ActorMatch[]>`
    SELECT a.slug, a.name, a.kind::text AS kind, a.country_code AS country
      FROM actor a
     WHERE (${foldedName} LIKE ${contains}
            OR a.slug LIKE ${slugContains}
            OR EXISTS (SELECT 1 FROM unnest(a.aliases) alias WHERE lower(translate(alias, ${ACCENTED}, ${PLAIN})) LIKE ${contains}))
       AND ${PUBLIC_ACTOR}
     ORDER BY (${foldedName} LIKE ${starts} OR a.slug LIKE ${slugStarts}) DESC, a.name, a.slug
     LIMIT ${limit}`;
}

/** The public actors among `slugs` (a view's actor filter), for their names; unknown slugs are left out. */
export async function getActorNames(slugs: readonly string[], client: PrismaClient = readDb()): Promise<ActorMatch[]> {
  if (!slugs.length) return [];
  return client.$queryRaw<ActorMatch[]>`
    SELECT a.slug, a.name, a.kind::text AS kind, a.country_code AS country
      FROM actor a
     WHERE a.slug = ANY(${[...slugs]}::text[]) AND ${PUBLIC_ACTOR}
     ORDER BY a.name`;
}
