import "server-only";
// The readers' actor pages (issue 14): the list with search, kind and country; one actor with its
// events by role and year and its counterparties. Only public events count: published and not
// deleted, as in the type-ahead (PUBLIC_ACTOR); an actor no public event names is not shown.
import { readDb } from "../db";
import type { ActorRoleSlug } from "../events/codebook";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { foldForSearch, likePattern, slugPattern } from "./fold";
import { ACTORS_PAGE_SIZE, type ActorListQuery } from "./list-params";
import { ACCENTED, PLAIN, PUBLIC_ACTOR } from "./lookup";
import { relationLabel, relationRank } from "./relations";

export interface ActorListRow {
  slug: string;
  name: string;
  kind: string;
  country: string | null;
  aliases: string[];
  description: string | null;
  eventCount: number;
}

const PUBLIC_EVENT = Prisma.sql`e.status = 'published' AND NOT e.deleted`;

function listWhere(query: Omit<ActorListQuery, "page">): Prisma.Sql {
  const and: Prisma.Sql[] = [PUBLIC_ACTOR];
  if (query.q) {
    const folded = foldForSearch(query.q);
    const contains = likePattern(folded, "contains");
    const slug = slugPattern(folded);
    and.push(Prisma.sql`(lower(translate(a.name, ${ACCENTED}, ${PLAIN})) LIKE ${contains}
      OR a.slug LIKE ${slug ? likePattern(slug, "contains") : ""}
      OR EXISTS (SELECT 1 FROM unnest(a.aliases) alias WHERE lower(translate(alias, ${ACCENTED}, ${PLAIN})) LIKE ${contains}))`);
  }
  if (query.kind) and.push(Prisma.sql`a.kind = ${query.kind}::"ActorKind"`);
  if (query.country) and.push(Prisma.sql`a.country_code = ${query.country}`);
  return Prisma.join(and, " AND ");
}

const LIST_COLUMNS = Prisma.sql`a.slug, a.name, a.kind::text AS kind, a.country_code AS country, a.aliases, a.description,
  (SELECT count(DISTINCT ea.event_id)::int FROM event_actor ea JOIN event e ON e.id = ea.event_id
    WHERE ea.actor_id = a.id AND ${PUBLIC_EVENT}) AS "eventCount"`;

/** One page of public actors, by name; `pageSize: null` for all of them (the CSV). */
export async function listActors(
  query: ActorListQuery,
  {
    pageSize = ACTORS_PAGE_SIZE as number | null,
    client = readDb(),
  }: { pageSize?: number | null; client?: PrismaClient } = {},
) {
  const where = listWhere(query);
  const [{ total }] = await client.$queryRaw<
    { total: number }[]
  >`SELECT count(*)::int AS total FROM actor a WHERE ${where}`;
  const pageCount = pageSize ? Math.max(1, Math.ceil(total / pageSize)) : 1;
  const page = Math.min(query.page, pageCount);
  const limit = pageSize ? Prisma.sql`LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}` : Prisma.empty;
  const rows = await client.$queryRaw<ActorListRow[]>`
    SELECT ${LIST_COLUMNS} FROM actor a WHERE ${where} ORDER BY a.name, a.slug ${limit}`;
  return { rows, total, page, pageCount };
}

/** Where an old slug (an actor merged into another) now leads, or null. */
export async function resolveActorRedirect(slug: string, client: PrismaClient = readDb()): Promise<string | null> {
  const r = await client.actorRedirect.findUnique({
    where: { oldSlug: slug },
    select: { actor: { select: { slug: true } } },
  });
  return r?.actor.slug ?? null;
}

/** Slugs as a view's actor filter gives them, merged slugs replaced by their actor's; null when none was merged. */
export async function currentActorSlugs(
  slugs: readonly string[],
  client: PrismaClient = readDb(),
): Promise<string[] | null> {
  if (!slugs.length) return null;
  const found = await client.actorRedirect.findMany({
    where: { oldSlug: { in: [...slugs] } },
    select: { oldSlug: true, actor: { select: { slug: true } } },
  });
  if (!found.length) return null;
  // A slug given to a new actor after its first owner was merged away names the new actor.
  const taken = new Set(
    (await client.actor.findMany({ where: { slug: { in: found.map((r) => r.oldSlug) } }, select: { slug: true } })).map(
      (a) => a.slug,
    ),
  );
  const to = new Map(found.filter((r) => !taken.has(r.oldSlug)).map((r) => [r.oldSlug, r.actor.slug]));
  if (!to.size) return null;
  return [...new Set(slugs.map((s) => to.get(s) ?? s))];
}

export interface ActorDetail extends ActorListRow {
  id: number;
  lastChanged: Date | null;
  byYear: { year: number; role: ActorRoleSlug; count: number }[];
  counterparties: Counterparty[];
}

export interface Counterparty {
  slug: string;
  name: string;
  kind: string;
  country: string | null;
  /** "supplied to", "was sanctioned by", …, each with its number of shared public events. */
  relations: { label: string; count: number }[];
  eventCount: number;
}

/** A public actor by its slug, with its histogram and counterparties; null when readers cannot see it. */
export async function getActor(slug: string, client: PrismaClient = readDb()): Promise<ActorDetail | null> {
  const rows = await client.$queryRaw<(ActorListRow & { id: number })[]>`
    SELECT a.id, ${LIST_COLUMNS} FROM actor a WHERE a.slug = ${slug} AND ${PUBLIC_ACTOR}`;
  const actor = rows[0];
  if (!actor) return null;
  const [byYear, pairs, changed] = await Promise.all([
    client.$queryRaw<{ year: number; role: ActorRoleSlug; count: number }[]>`
      SELECT extract(year FROM e.start_date)::int AS year, ea.role::text AS role, count(DISTINCT e.id)::int AS count
        FROM event_actor ea JOIN event e ON e.id = ea.event_id
       WHERE ea.actor_id = ${actor.id} AND ${PUBLIC_EVENT}
       GROUP BY 1, 2 ORDER BY 1, 2`,
    client.$queryRaw<CounterpartyPair[]>`
      SELECT o.slug, o.name, o.kind::text AS kind, o.country_code AS country, me.role::text AS mine, them.role::text AS theirs,
             e.type, array_agg(DISTINCT e.id) AS events
        FROM event_actor me
        JOIN event_actor them ON them.event_id = me.event_id AND them.actor_id <> me.actor_id
        JOIN event e ON e.id = me.event_id
        JOIN actor o ON o.id = them.actor_id
       WHERE me.actor_id = ${actor.id} AND ${PUBLIC_EVENT}
       GROUP BY o.id, me.role, them.role, e.type`,
    client.$queryRaw<{ at: Date | null }[]>`
      SELECT greatest((SELECT max(created_at) FROM actor_revision WHERE actor_id = ${actor.id}),
                      (SELECT max(e.updated_at) FROM event_actor ea JOIN event e ON e.id = ea.event_id WHERE ea.actor_id = ${actor.id} AND ${PUBLIC_EVENT})) AS at`,
  ]);
  return { ...actor, byYear, counterparties: foldCounterparties(pairs), lastChanged: changed[0]?.at ?? null };
}

/** One row of the counterparty query: another actor, both roles and one event type, with its events. */
interface CounterpartyPair {
  slug: string;
  name: string;
  kind: string;
  country: string | null;
  mine: ActorRoleSlug;
  theirs: ActorRoleSlug;
  type: string;
  events: string[];
}

function foldCounterparties(pairs: CounterpartyPair[]): Counterparty[] {
  const by = new Map<
    string,
    { c: Omit<Counterparty, "relations" | "eventCount">; labels: Map<string, Set<string>>; events: Set<string> }
  >();
  for (const p of pairs) {
    const entry = by.get(p.slug) ?? {
      c: { slug: p.slug, name: p.name, kind: p.kind, country: p.country },
      labels: new Map(),
      events: new Set<string>(),
    };
    by.set(p.slug, entry);
    const label = relationLabel(p.mine, p.theirs, p.type);
    const set = entry.labels.get(label) ?? new Set<string>();
    entry.labels.set(label, set);
    for (const id of p.events) {
      set.add(id);
      entry.events.add(id);
    }
  }
  return [...by.values()]
    .map(({ c, labels, events }) => ({
      ...c,
      eventCount: events.size,
      relations: [...labels]
        .map(([label, ids]) => ({ label, count: ids.size }))
        .sort((a, b) => relationRank(a.label) - relationRank(b.label) || b.count - a.count),
    }))
    .sort((a, b) => b.eventCount - a.eventCount || a.name.localeCompare(b.name));
}
