// Seeds the 30 researched events (prisma/seed-data) as published events, with the article's
// copy stored as an uploaded capture so its 29 quotes are checked against it.
// Rerunnable: an event that exists and that no editor has changed since seeding is brought up to
// today's seed data as one public revision (a correction, or an update when only the copy is new),
// so databases seeded earlier receive the seed's corrections; an event an editor has changed is
// left alone and reported. When nothing differs, nothing is written.
import type { Prisma, PrismaClient } from "../lib/generated/prisma/client";
import { diffSnapshots, snapshotInclude, toSnapshot } from "../lib/events/snapshot";
import { toEventCreateData, type ActorRef } from "../lib/events/event-record";
import { eventInputSchema, type EventInput } from "../lib/events/schemas";
import { bumpPublicVersion } from "../lib/page-cache/public-version";
import { applySeedChange, describeSeedChange, type SeedChange } from "./seed-changes";
import { storeSeedCopies } from "./seed-copies";
import { seedActors } from "./seed-data/actors";
import type { SeedCopyName } from "./seed-data/copies";
import { seedEvents } from "./seed-data/events";
import { seedRelations } from "./seed-data/relations";
import { seedRelationLinks } from "../lib/relations/seed";

export type { SeedChange } from "./seed-changes";

export interface SeedReport {
  created: number;
  /** Events an earlier seed wrote, brought up to today's seed data. */
  changed: SeedChange[];
  unchanged: number;
  /** Seed events that differ from the seed data but were changed by an editor since: untouched. */
  leftAlone: { id: string; ref: string }[];
}

function parseSeedEvent(e: (typeof seedEvents)[number], captureIds: Map<SeedCopyName, number>): EventInput {
  const sources = e.sources.map(({ copy, ...s }) => (copy ? { ...s, captureId: captureIds.get(copy) } : s));
  const parsed = eventInputSchema.safeParse({ ...e, sources, status: "published" });
  if (!parsed.success) {
    throw new Error(
      `Seed event ${e.ref} (${e.id}) is invalid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  return parsed.data;
}

export async function seedDatabase(prisma: PrismaClient): Promise<SeedReport> {
  return prisma.$transaction(
    async (tx) => {
      const now = new Date();
      await tx.actor.createMany({
        data: seedActors.map((a) => ({
          slug: a.slug,
          name: a.name,
          kind: a.kind,
          countryCode: a.countryCode ?? null,
          aliases: a.aliases,
        })),
        skipDuplicates: true,
      });
      const actors = await tx.actor.findMany({ select: { id: true, slug: true, name: true, aliases: true } });
      const actorsBySlug = new Map<string, ActorRef>(actors.map((a) => [a.slug, a]));
      const copies = await storeSeedCopies(tx, now);
      const captureIds = new Map([...copies].map(([name, c]) => [name, c.captureId]));
      const copyTexts = new Map([...copies.values()].map((c) => [c.captureId, c.fullText]));
      const write = { actorsBySlug, copyTexts, now };

      const report: SeedReport = { created: 0, changed: [], unchanged: 0, leftAlone: [] };
      for (const e of seedEvents) {
        const input = parseSeedEvent(e, captureIds);
        const stored = await tx.event.findUnique({
          where: { id: input.id },
          // Any revision by a person means an editor has made the event theirs.
          include: {
            ...snapshotInclude,
            revisions: { where: { userId: { not: null } }, select: { id: true }, take: 1 },
          },
        });
        if (!stored) {
          await tx.event.create({ data: toEventCreateData(input, actorsBySlug, now, copyTexts) });
          // The seed is the first change of each event, so it gets its revision like any other.
          await tx.revision.create({
            data: {
              eventId: input.id,
              userId: null,
              kind: "publish",
              version: 1,
              note: "Published from the research sheet (seed data)",
              changes: diffSnapshots(null, input) as unknown as Prisma.InputJsonValue,
              snapshot: input as unknown as Prisma.InputJsonValue,
              createdAt: now,
            },
          });
          report.created++;
          continue;
        }
        const before = toSnapshot(stored);
        // The workflow status is the desk's: the seed corrects content, it never (un)publishes.
        const target: EventInput = { ...input, status: before.status };
        if (diffSnapshots(before, target).length === 0) {
          report.unchanged++;
          continue;
        }
        const change = { id: input.id, ...describeSeedChange(e.ref, before, target) };
        if (
          stored.revisions.length > 0 ||
          stored.deleted ||
          !(await applySeedChange(tx, stored, before, target, change, write))
        ) {
          report.leftAlone.push({ id: input.id, ref: e.ref });
          continue;
        }
        report.changed.push(change);
      }
      const linked = await seedRelationLinks(tx, seedRelations);
      if (report.created > 0 || linked > 0) await bumpPublicVersion(tx);
      return report;
    },
    { timeout: 60_000 },
  );
}
