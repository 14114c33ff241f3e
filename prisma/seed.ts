// Seeds the 30 researched events of shared/research/seed-events.md as published events.
// Idempotent: actors and events that already exist (by slug and id) are left untouched, so a
// rerun changes nothing, and nothing an editor has since corrected is overwritten.
import type { Prisma, PrismaClient } from "../lib/generated/prisma/client";
import { diffSnapshots } from "../lib/events/snapshot";
import { toEventCreateData, type ActorRef } from "../lib/events/event-record";
import { eventInputSchema } from "../lib/events/schemas";
import { seedActors } from "./seed-data/actors";
import { seedEvents } from "./seed-data/events";

export async function seedDatabase(prisma: PrismaClient): Promise<{ created: number; skipped: number }> {
  const inputs = seedEvents.map((e) => {
    const parsed = eventInputSchema.safeParse({ ...e, status: "published" });
    if (!parsed.success) {
      throw new Error(`Seed event ${e.ref} (${e.id}) is invalid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    }
    return parsed.data;
  });

  return prisma.$transaction(async (tx) => {
    await tx.actor.createMany({
      data: seedActors.map((a) => ({ slug: a.slug, name: a.name, kind: a.kind, countryCode: a.countryCode ?? null, aliases: a.aliases })),
      skipDuplicates: true,
    });
    const actors = await tx.actor.findMany({ select: { id: true, slug: true, name: true, aliases: true } });
    const actorsBySlug = new Map<string, ActorRef>(actors.map((a) => [a.slug, a]));
    const existing = new Set(
      (await tx.event.findMany({ where: { id: { in: inputs.map((e) => e.id) } }, select: { id: true } })).map((e) => e.id),
    );
    const now = new Date();
    let created = 0;
    for (const input of inputs) {
      if (existing.has(input.id)) continue;
      await tx.event.create({ data: toEventCreateData(input, actorsBySlug, now) });
      // The seed is the first change of each event, so it gets its revision like any other.
      await tx.revision.create({
        data: { eventId: input.id, userId: null, kind: "publish", version: 1, note: "Published from the research sheet (seed data)", changes: diffSnapshots(null, input) as unknown as Prisma.InputJsonValue, snapshot: input as unknown as Prisma.InputJsonValue, createdAt: now },
      });
      created++;
    }
    return { created, skipped: inputs.length - created };
  }, { timeout: 60_000 });
}
