import "server-only";
// Reads of the links between events: the public page's and the timeline's list (both events
// public: published and not deleted), and the editor's (everything the editor may read).
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { SessionUser } from "../auth/roles";
import { db, readDb } from "../db";
import { formatEventDate, toIsoDay } from "../events/date-span";
import { normalizeForSearch } from "../events/search-text";
import { eventsVisibleTo } from "../events/visibility";
import { labelFor, RELATION_KINDS, toSlug, type RelationSlug } from "./kinds";
import { isEventId } from "../validation/event-id";

/** The public side of a relation: both events published and not deleted (retracted ones are not linked). */
export const PUBLIC_EVENT = { status: "published", deleted: false } as const satisfies Prisma.EventWhereInput;

const eventFields = {
  id: true,
  title: true,
  startDate: true,
  endDate: true,
  precision: true,
  endPrecision: true,
  approximate: true,
  status: true,
} as const;
type EventFields = Prisma.EventGetPayload<{ select: typeof eventFields }>;

export interface RelatedEventView {
  kind: RelationSlug;
  /** outgoing: this event → the other ("responds to"); incoming: the other → this ("responded to by"). */
  direction: "outgoing" | "incoming";
  /** How the other event relates to this one, from this page's side. */
  label: string;
  id: string;
  title: string;
  dateLabel: string;
  startDate: string;
  status: string;
}

const dateLabel = (e: EventFields) =>
  formatEventDate({
    startDate: toIsoDay(e.startDate),
    endDate: e.endDate ? toIsoDay(e.endDate) : null,
    precision: e.precision,
    endPrecision: e.endPrecision,
    approximate: e.approximate,
  });

function toViews(
  eventId: string,
  rows: { kind: string; fromEventId: string; from: EventFields; to: EventFields }[],
): RelatedEventView[] {
  return rows
    .map((r) => {
      const direction = r.fromEventId === eventId ? ("outgoing" as const) : ("incoming" as const);
      const other = direction === "outgoing" ? r.to : r.from;
      const kind = toSlug(r.kind);
      return {
        kind,
        direction,
        label: labelFor(kind, direction),
        id: other.id,
        title: other.title,
        dateLabel: dateLabel(other),
        startDate: toIsoDay(other.startDate),
        status: other.status,
      };
    })
    .sort(
      (a, b) =>
        RELATION_KINDS.indexOf(a.kind) - RELATION_KINDS.indexOf(b.kind) ||
        (a.direction < b.direction ? 1 : a.direction > b.direction ? -1 : 0) ||
        a.startDate.localeCompare(b.startDate) ||
        a.id.localeCompare(b.id),
    );
}

/** An event's links to and from other public events, for readers; none unless the event itself is public. */
export async function listPublicRelated(eventId: string, client: PrismaClient = readDb()): Promise<RelatedEventView[]> {
  if (!isEventId(eventId)) return [];
  const rows = await client.eventRelation.findMany({
    where: { from: PUBLIC_EVENT, to: PUBLIC_EVENT, OR: [{ fromEventId: eventId }, { toEventId: eventId }] },
    select: { kind: true, fromEventId: true, from: { select: eventFields }, to: { select: eventFields } },
  });
  return toViews(eventId, rows);
}

/** An event's links for its editor's page: outgoing ones (editable there) and incoming ones, to events the viewer may read. */
export async function listRelationsForEdit(eventId: string, viewer: SessionUser) {
  const visible = eventsVisibleTo(viewer);
  const rows = await db().eventRelation.findMany({
    where: {
      OR: [
        { fromEventId: eventId, to: visible },
        { toEventId: eventId, from: visible },
      ],
    },
    select: { kind: true, fromEventId: true, from: { select: eventFields }, to: { select: eventFields } },
  });
  const views = toViews(eventId, rows);
  return {
    outgoing: views.filter((v) => v.direction === "outgoing"),
    incoming: views.filter((v) => v.direction === "incoming"),
  };
}

export interface EventChoice {
  id: string;
  title: string;
  dateLabel: string;
  status: string;
}

/** Up to ten events the viewer may read whose id starts with, or whose title contains, `text`. */
export async function searchEventsToLink(
  viewer: SessionUser,
  text: string,
  excludeId?: string,
): Promise<EventChoice[]> {
  const q = text.trim().toLowerCase();
  if (q.length < 2) return [];
  const rows = await db().event.findMany({
    // The search text (title, summary, actors, publishers; normalised as the query is) has a trigram index for this.
    where: {
      AND: [
        eventsVisibleTo(viewer),
        { deleted: false },
        { OR: [{ id: { startsWith: q } }, { searchText: { contains: normalizeForSearch(q) } }] },
        ...(excludeId ? [{ id: { not: excludeId } }] : []),
      ],
    },
    select: eventFields,
    orderBy: [{ spanStart: "desc" }, { id: "asc" }],
    take: 10,
  });
  return rows.map((e) => ({ id: e.id, title: e.title, dateLabel: dateLabel(e), status: e.status }));
}
