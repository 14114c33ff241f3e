// Events citing addresses, for the link-check integration tests.
import type { SessionUser } from "../auth/roles";
import { createEvent } from "../events/mutations";
import type { PrismaClient } from "../generated/prisma/client";
import { testEventInput, testSource } from "../testing/event-input";
import { createSessionUser } from "../testing/test-database";

export const makeUser = (prisma: PrismaClient, role: SessionUser["role"]): Promise<SessionUser> =>
  createSessionUser(prisma, role, `${role}-${Math.random().toString(36).slice(2, 8)}@links.example`, `Links ${role}`);

type Visibility = "draft" | "published" | "retracted" | "deleted";

/** An event citing `sources` (address and optional archive address), in the given state. */
export async function addEvent(
  prisma: PrismaClient,
  editor: SessionUser,
  id: string,
  visibility: Visibility,
  sources: { url?: string; archivedUrl?: string }[],
) {
  await prisma.actor.upsert({
    where: { slug: "north-korea" },
    create: { slug: "north-korea", name: "North Korea", kind: "state" },
    update: {},
  });
  await createEvent(
    prisma,
    editor,
    testEventInput(id, {
      status: visibility === "draft" ? "draft" : "published",
      sources: sources.map((s, i) => ({
        ...testSource({ url: undefined, title: `Report ${i + 1}`, publisher: `Agency ${i + 1}` }),
        ...s,
      })),
    }),
  );
  // The workflow itself is tested elsewhere; here only where the event ends up matters.
  if (visibility === "retracted")
    await prisma.event.update({ where: { id }, data: { status: "retracted", retractionReason: "Withdrawn." } });
  if (visibility === "deleted") await prisma.event.update({ where: { id }, data: { deleted: true } });
}
