import "server-only";
import type { SessionUser } from "../auth/roles";
import { db } from "../db";
import { snapshotInclude, toSnapshot, type FieldChange } from "./snapshot";

const queueSelect = { id: true, title: true, status: true, updatedAt: true, version: true } as const;

/** The editor's desk: my drafts, everything in review, recently published. */
export async function listDeskQueues(user: SessionUser) {
  const live = { deleted: false };
  const [myDrafts, inReview, recentlyPublished, quotesNotFound] = await Promise.all([
    db().event.findMany({ where: { ...live, status: "draft", createdById: user.id }, select: queueSelect, orderBy: { updatedAt: "desc" }, take: 50 }),
    db().event.findMany({ where: { ...live, status: "in_review" }, select: queueSelect, orderBy: { updatedAt: "desc" }, take: 50 }),
    db().event.findMany({ where: { ...live, status: "published" }, select: queueSelect, orderBy: { updatedAt: "desc" }, take: 20 }),
    // Quotes to look at again: each was not found in its source's captured copy.
    db().source.findMany({
      where: { quoteCheck: "not_found", event: live },
      select: { position: true, publisher: true, title: true, quote: true, event: { select: { id: true, title: true, status: true } } },
      orderBy: [{ event: { updatedAt: "desc" } }, { position: "asc" }],
      take: 100,
    }),
  ]);
  return { myDrafts, inReview, recentlyPublished, quotesNotFound };
}

export type EditableEvent = NonNullable<Awaited<ReturnType<typeof getEventForEdit>>>;

export async function getEventForEdit(id: string) {
  if (!/^[a-z0-9-]{1,200}$/.test(id)) return null;
  const e = await db().event.findUnique({
    where: { id },
    include: { ...snapshotInclude, revisions: { orderBy: { id: "desc" }, include: { user: { select: { name: true, email: true } } } } },
  });
  if (!e) return null;
  return {
    snapshot: toSnapshot(e),
    version: e.version,
    status: e.status,
    deleted: e.deleted,
    createdById: e.createdById,
    retractionReason: e.retractionReason,
    revisions: e.revisions.map((r) => ({
      id: r.id,
      kind: r.kind,
      note: r.note,
      version: r.version,
      createdAt: r.createdAt,
      by: r.user ? `${r.user.name} <${r.user.email}>` : "a deleted user",
      changes: r.changes as unknown as FieldChange[],
    })),
  };
}

export async function listActorsForPicker() {
  return db().actor.findMany({ select: { slug: true, name: true, aliases: true }, orderBy: { name: "asc" } });
}

/** What readers see of an event's history: changes after it was first published; no emails. */
export async function getPublicHistory(id: string) {
  return db().revision.findMany({
    where: { eventId: id, kind: { in: ["publish", "correction", "update", "retract", "restore"] } },
    select: { id: true, kind: true, note: true, createdAt: true },
    orderBy: { id: "asc" },
  });
}
