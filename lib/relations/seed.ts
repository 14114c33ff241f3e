// The seed's links (prisma/seed-data/relations.ts). Like the seed's events, rerunnable: a link is
// added when both events are there and no person has changed the subject since it was seeded
// (a person's revision means an editor has made it theirs, and may have removed the link).
import type { Prisma } from "../generated/prisma/client";
import { toDbKind, type RelationSlug } from "./kinds";

export async function seedRelationLinks(
  tx: Prisma.TransactionClient,
  links: { from: string; kind: RelationSlug; to: string }[],
): Promise<number> {
  const ids = [...new Set(links.flatMap((l) => [l.from, l.to]))];
  const events = await tx.event.findMany({
    where: { id: { in: ids }, deleted: false },
    select: { id: true, revisions: { where: { userId: { not: null } }, select: { id: true }, take: 1 } },
  });
  const present = new Set(events.map((e) => e.id));
  const untouched = new Set(events.filter((e) => e.revisions.length === 0).map((e) => e.id));
  const data = links
    .filter((l) => untouched.has(l.from) && present.has(l.to))
    .map((l) => ({ fromEventId: l.from, toEventId: l.to, kind: toDbKind(l.kind) }));
  const { count } = await tx.eventRelation.createMany({ data, skipDuplicates: true });
  return count;
}
