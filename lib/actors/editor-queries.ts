import "server-only";
// What the editor's actor pages read: every actor (public or not), from the primary, with its
// revisions. Readers' pages use queries.ts.
import { db } from "../db";
import type { PrismaClient } from "../generated/prisma/client";
import { foldForSearch } from "./fold";

export async function listActorsForEditor(q: string | undefined, client: PrismaClient = db()) {
  const text = q ? foldForSearch(q).slice(0, 100) : "";
  return client.actor.findMany({
    where: text
      ? {
          OR: [
            { name: { contains: text, mode: "insensitive" } },
            { slug: { contains: text.replace(/ /g, "-") } },
            { aliases: { has: q?.trim() } },
          ],
        }
      : {},
    select: { slug: true, name: true, kind: true, countryCode: true, _count: { select: { events: true } } },
    orderBy: [{ name: "asc" }, { slug: "asc" }],
    take: 200,
  });
}

export async function getActorForEditor(slug: string, client: PrismaClient = db()) {
  return client.actor.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      kind: true,
      countryCode: true,
      aliases: true,
      description: true,
      version: true,
      _count: { select: { events: true } },
      revisions: {
        orderBy: { id: "desc" },
        take: 50,
        select: { id: true, kind: true, createdAt: true, changes: true, user: { select: { name: true } } },
      },
    },
  });
}
export type ActorForEditor = NonNullable<Awaited<ReturnType<typeof getActorForEditor>>>;
