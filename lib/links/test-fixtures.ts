// Events citing addresses, for the link-check integration tests.
import type { SessionUser } from "../auth/roles";
import { createEvent } from "../events/mutations";
import type { PrismaClient } from "../generated/prisma/client";

export async function makeUser(prisma: PrismaClient, role: SessionUser["role"]): Promise<SessionUser> {
  const u = await prisma.user.create({
    data: { email: `${role}-${Math.random().toString(36).slice(2, 8)}@links.example`, name: `Links ${role}`, role },
  });
  return { id: u.id, email: u.email, name: u.name, role };
}

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
  await createEvent(prisma, editor, {
    id,
    title: `Event ${id}`,
    summary: "Something happened.",
    type: "arms-transfer",
    claimStatus: "alleged",
    startDate: "2024-01-01",
    precision: "month",
    approximate: false,
    countryCodes: ["KP"],
    tags: [],
    itemCategories: [],
    status: visibility === "draft" ? "draft" : "published",
    actors: [{ actor: "north-korea", role: "supplier" }],
    sources: sources.map((s, i) => ({
      ...s,
      title: `Report ${i + 1}`,
      publisher: `Agency ${i + 1}`,
      sourceType: "news",
      stance: "supports",
      quote: "Shells were shipped.",
      language: "en",
    })),
  });
  // The workflow itself is tested elsewhere; here only where the event ends up matters.
  if (visibility === "retracted")
    await prisma.event.update({ where: { id }, data: { status: "retracted", retractionReason: "Withdrawn." } });
  if (visibility === "deleted") await prisma.event.update({ where: { id }, data: { deleted: true } });
}
