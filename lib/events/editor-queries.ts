import "server-only";
import type { SessionUser } from "../auth/roles";
import { db } from "../db";
import { snapshotInclude, toSnapshot, type FieldChange } from "./snapshot";
import { eventsVisibleTo, mayReadEvent, maySeeEmails } from "./visibility";
import { isEventId } from "../validation/event-id";

const queueSelect = { id: true, title: true, status: true, updatedAt: true, version: true } as const;

/**
 * The editor's desk: my drafts, what is in review, recently published. A contributor sees only
 * their own events in review and their own or public events' quotes (lib/events/visibility.ts).
 */
export async function listDeskQueues(user: SessionUser) {
  const live = { deleted: false, ...eventsVisibleTo(user) };
  const [myDrafts, inReview, recentlyPublished, quotesNotFound] = await Promise.all([
    db().event.findMany({
      where: { ...live, status: "draft", createdById: user.id },
      select: queueSelect,
      orderBy: { updatedAt: "desc" },
      take: 50,
    }),
    db().event.findMany({
      where: { ...live, status: "in_review" },
      select: queueSelect,
      orderBy: { updatedAt: "desc" },
      take: 50,
    }),
    db().event.findMany({
      where: { ...live, status: "published" },
      select: queueSelect,
      orderBy: { updatedAt: "desc" },
      take: 20,
    }),
    // Quotes to look at again: each was not found in its source's captured copy.
    db().source.findMany({
      where: { quoteCheck: "not_found", event: live },
      select: {
        position: true,
        publisher: true,
        title: true,
        quote: true,
        event: { select: { id: true, title: true, status: true } },
      },
      orderBy: [{ event: { updatedAt: "desc" } }, { position: "asc" }],
      take: 100,
    }),
  ]);
  return { myDrafts, inReview, recentlyPublished, quotesNotFound };
}

export type EditableEvent = NonNullable<Awaited<ReturnType<typeof getEventForEdit>>>;

/**
 * One event with its history for the editor's page, or null when there is no such event or
 * `viewer` may not read it (lib/events/visibility.ts), so the page answers "not found" either way
 * and a contributor learns nothing of another's draft. Without a viewer, the signed-in user's.
 */
export async function getEventForEdit(id: string, viewer?: SessionUser | null) {
  if (viewer === undefined) viewer = await (await import("../authz")).currentUser();
  if (!isEventId(id)) return null;
  const e = await db().event.findUnique({
    where: { id },
    include: {
      ...snapshotInclude,
      revisions: { orderBy: { id: "desc" }, include: { user: { select: { name: true, email: true } } } },
    },
  });
  if (!e || !mayReadEvent(viewer, e)) return null;
  const emails = maySeeEmails(viewer);
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
      // Other users' emails are for editors; a contributor sees names (and their own email).
      by: r.user
        ? emails || r.userId === viewer?.id
          ? `${r.user.name} <${r.user.email}>`
          : r.user.name
        : "a deleted user",
      changes: r.changes as unknown as FieldChange[],
    })),
  };
}

export async function listActorsForPicker() {
  return db().actor.findMany({ select: { slug: true, name: true, aliases: true }, orderBy: { name: "asc" } });
}
