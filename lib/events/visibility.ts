// Who may read which events on the editors' desk. The newsroom rule: contributors see the public
// record (published and retracted events) and their own events at any stage; editors and admins
// see everything, deleted events included. It governs every desk read (the editor's event page,
// the desk's queues, the duplicate hints, the dead-links queue); the public pages have rules of
// their own (published and retracted only). Other users' emails are for editors only.
import { Prisma } from "../generated/prisma/client";
import { hasRole, type SessionUser } from "../auth/roles";

const PUBLIC_RECORD = ["published", "retracted"] as const;

/** A Prisma filter on events: only those `viewer` may read (nothing for no viewer). */
export function eventsVisibleTo(viewer: SessionUser | null): Prisma.EventWhereInput {
  if (!viewer) return { id: { in: [] } };
  if (hasRole(viewer, "editor")) return {};
  return { deleted: false, OR: [{ status: { in: [...PUBLIC_RECORD] } }, { createdById: viewer.id }] };
}

/** The same rule for one event already read. */
export function mayReadEvent(
  viewer: SessionUser | null,
  e: { status: string; deleted: boolean; createdById: number | null },
): boolean {
  if (!viewer) return false;
  if (hasRole(viewer, "editor")) return true;
  return !e.deleted && ((PUBLIC_RECORD as readonly string[]).includes(e.status) || e.createdById === viewer.id);
}

/** Whether `viewer` may see other users' email addresses (in an event's history). */
export const maySeeEmails = (viewer: SessionUser | null) => hasRole(viewer, "editor");

/** The same rule in SQL, for a raw query whose event table is aliased `e`. */
export function eventsVisibleToSql(viewer: SessionUser): Prisma.Sql {
  if (hasRole(viewer, "editor")) return Prisma.sql`TRUE`;
  return Prisma.sql`(NOT e.deleted AND (e.status IN ('published', 'retracted') OR e.created_by_id = ${viewer.id}))`;
}
