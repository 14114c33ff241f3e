import "server-only";
// Every write of an actor: an editor's edit and an admin's merge, each with its actor_revision in
// the same transaction, and the public version bumped (event pages, lists and exports name actors).
// The export rows follow by the database's own triggers on actor and event_actor.
import { assertRole, type SessionUser } from "../auth/roles";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { bumpPublicVersion } from "../page-cache/public-version";
import { ActorConflictError, ActorInputError, ActorNotFoundError } from "./errors";
import { ACTOR_SLUG, actorInputSchema, diffActor, type ActorInput } from "./schemas";

type Tx = Prisma.TransactionClient;

/** Who may merge: merging deletes an actor and moves all its links at once, with no undo. */
export const MERGE_ROLE = "admin" as const;

function checkSlug(slug: string): void {
  if (!ACTOR_SLUG.test(slug)) throw new ActorNotFoundError(slug);
}

function fieldErrors(error: { issues: { path: PropertyKey[]; message: string }[] }): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const i of error.issues) (out[String(i.path[0] ?? "form")] ??= []).push(i.message);
  return out;
}

const asInput = (a: {
  name: string;
  kind: string;
  countryCode: string | null;
  aliases: string[];
  description: string | null;
}): ActorInput => ({
  name: a.name,
  kind: a.kind as ActorInput["kind"],
  countryCode: a.countryCode,
  aliases: a.aliases,
  description: a.description,
});

/**
 * Saves an editor's changes to the actor `slug`, opened at `baseVersion`. The slug never changes
 * (it is in links and filters). Throws ActorInputError, ActorNotFoundError or ActorConflictError
 * and then writes nothing.
 */
export async function updateActor(
  prisma: PrismaClient,
  user: SessionUser | null,
  slug: string,
  baseVersion: number,
  raw: unknown,
) {
  assertRole(user, "editor");
  checkSlug(slug);
  const parsed = actorInputSchema.safeParse(raw);
  if (!parsed.success)
    throw new ActorInputError("Some fields need attention: nothing was saved.", fieldErrors(parsed.error));
  const input = parsed.data;
  return prisma.$transaction(async (tx) => {
    const current = await tx.actor.findUnique({ where: { slug } });
    if (!current) throw new ActorNotFoundError(slug);
    if (current.version !== baseVersion) throw new ActorConflictError(current.version);
    const changes = diffActor(asInput(current), input);
    if (!Object.keys(changes).length) return { slug, version: current.version, unchanged: true };
    const { count } = await tx.actor.updateMany({
      where: { id: current.id, version: baseVersion },
      data: { ...input, version: { increment: 1 } },
    });
    if (count !== 1) throw new ActorConflictError(current.version + 1);
    await tx.actorRevision.create({
      data: { actorId: current.id, userId: user.id, kind: "edit", changes: changes as Prisma.InputJsonValue },
    });
    await bumpPublicVersion(tx);
    return { slug, version: baseVersion + 1, unchanged: false };
  });
}

async function lockActors(tx: Tx, slugs: string[]) {
  // Both rows locked in one order, so two merges of the same pair cannot deadlock or interleave.
  return tx.$queryRaw<
    {
      id: number;
      slug: string;
      name: string;
      kind: string;
      countryCode: string | null;
      aliases: string[];
      description: string | null;
      version: number;
    }[]
  >`
    SELECT id, slug, name, kind::text AS kind, country_code AS "countryCode", aliases, description, version
      FROM actor WHERE slug = ANY(${slugs}::text[]) ORDER BY id FOR UPDATE`;
}

/**
 * Merges the actor `mergedSlug` into `keptSlug`: its event links move to the kept actor (a link the
 * kept actor already has, same event and role, collapses into it), its name and aliases become
 * aliases, its revisions and redirects move, its slug redirects to the kept actor, and a merge
 * revision records what it was. `keptVersion` is the kept actor's version the editor saw.
 */
export async function mergeActors(
  prisma: PrismaClient,
  user: SessionUser | null,
  keptSlug: string,
  mergedSlug: string,
  keptVersion: number,
) {
  assertRole(user, MERGE_ROLE);
  checkSlug(keptSlug);
  if (!mergedSlug)
    throw new ActorInputError("Give the actor to merge into this one.", {
      merged: ["Give the actor to merge into this one."],
    });
  checkSlug(mergedSlug);
  if (keptSlug === mergedSlug)
    throw new ActorInputError("An actor cannot be merged into itself: choose another actor.", {
      merged: ["Choose another actor than this one."],
    });
  return prisma.$transaction(async (tx) => {
    const rows = await lockActors(tx, [keptSlug, mergedSlug]);
    const kept = rows.find((r) => r.slug === keptSlug);
    const merged = rows.find((r) => r.slug === mergedSlug);
    if (!kept) throw new ActorNotFoundError(keptSlug);
    if (!merged)
      throw new ActorInputError(`There is no actor “${mergedSlug}” to merge: check its slug.`, {
        merged: [`There is no actor “${mergedSlug}”.`],
      });
    if (kept.version !== keptVersion) throw new ActorConflictError(kept.version);

    const [{ links }] = await tx.$queryRaw<
      { links: number }[]
    >`SELECT count(*)::int AS links FROM event_actor WHERE actor_id = ${merged.id}`;
    const moved = await tx.$executeRaw`
      INSERT INTO event_actor (event_id, actor_id, role)
      SELECT event_id, ${kept.id}, role FROM event_actor WHERE actor_id = ${merged.id}
      ON CONFLICT DO NOTHING`;
    await tx.$executeRaw`DELETE FROM event_actor WHERE actor_id = ${merged.id}`;

    const aliases = [...new Set([...kept.aliases, merged.name, ...merged.aliases])].filter((a) => a !== kept.name);
    const description = kept.description ?? merged.description;
    const changes: Record<string, unknown> = {
      merged: {
        slug: merged.slug,
        name: merged.name,
        kind: merged.kind,
        countryCode: merged.countryCode,
        aliases: merged.aliases,
        description: merged.description,
      },
      links: { moved, collapsed: links - moved },
    };
    if (JSON.stringify(aliases) !== JSON.stringify(kept.aliases)) changes.aliases = { from: kept.aliases, to: aliases };
    if (description !== kept.description) changes.description = { from: kept.description, to: description };
    await tx.actor.update({ where: { id: kept.id }, data: { aliases, description, version: { increment: 1 } } });

    await tx.actorRevision.updateMany({ where: { actorId: merged.id }, data: { actorId: kept.id } });
    await tx.actorRedirect.updateMany({ where: { actorId: merged.id }, data: { actorId: kept.id } });
    await tx.actorRedirect.upsert({
      where: { oldSlug: merged.slug },
      create: { oldSlug: merged.slug, actorId: kept.id },
      update: { actorId: kept.id },
    });
    await tx.actor.delete({ where: { id: merged.id } });
    await tx.actorRevision.create({
      data: { actorId: kept.id, userId: user.id, kind: "merge", changes: changes as Prisma.InputJsonValue },
    });
    await bumpPublicVersion(tx);
    return { slug: kept.slug, version: kept.version + 1, moved, collapsed: links - moved };
  });
}
