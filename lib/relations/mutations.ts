import "server-only";
// Every write of a relation between two events. As for the event's other fields (lib/events/
// mutations.ts): the caller's role is checked here, the change and its revision on the subject
// (the from-event) are one transaction, the subject's version goes up by one, and a save that
// started from an older version is refused rather than applied over someone else's.
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { assertRole, ForbiddenError, hasRole, type SessionUser } from "../auth/roles";
import { ConflictError, InvalidInputError, NotFoundError } from "../events/errors";
import { READERS_SEE, type Db } from "../events/mutations";
import { snapshotInclude, toSnapshot } from "../events/snapshot";
import { mayReadEvent } from "../events/visibility";
import { bumpPublicVersion } from "../page-cache/public-version";
import { isRelationSlug, OUTGOING_LABEL, relationRef, sortRefs, toDbKind, toSlug, type RelationSlug } from "./kinds";
import { isEventId } from "../validation/event-id";

type Tx = Prisma.TransactionClient;
export interface RelationItem {
  kind: RelationSlug;
  id: string;
}

const isCount = (n: unknown): n is number =>
  Number.isSafeInteger(n) && (n as number) >= 1 && (n as number) <= 2 ** 31 - 1;

function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return "$transaction" in db ? (db as PrismaClient).$transaction(fn) : fn(db);
}

/** Who may change an event's links: whoever may edit the event (editors; a contributor, their own draft). */
function assertMayLink(user: SessionUser, from: { status: string; createdById: number | null }) {
  if (!hasRole(user, "editor") && !(from.createdById === user.id && from.status === "draft")) {
    throw new ForbiddenError("Contributors can link only their own drafts.");
  }
}

async function outgoingRefs(tx: Tx, id: string) {
  const rows = await tx.eventRelation.findMany({ where: { fromEventId: id }, select: { kind: true, toEventId: true } });
  return sortRefs(rows.map((r) => ({ kind: toSlug(r.kind), id: r.toEventId })));
}

interface Change {
  add?: RelationItem[];
  remove?: RelationItem[];
  /** The version the editor's page showed; absent for an import, whose transaction already read it. */
  baseVersion?: number;
  /** The revision's note; readers see it in the public history, so it never names the other event. */
  note: string;
}

/**
 * Adds and removes links from `fromId`, with one revision on it ({ field: "related", from, to },
 * each side the "kind:id" list of the CSV). Every target must be an event the caller can read;
 * a link to itself, to a missing event, or one that exists already is refused with a message.
 */
async function changeRelations(prisma: Db, user: SessionUser | null, fromId: string, change: Change) {
  assertRole(user, "contributor");
  if (!isEventId(fromId)) throw new NotFoundError();
  if (change.baseVersion !== undefined && !isCount(change.baseVersion))
    throw new InvalidInputError("This form is out of date or damaged; reload the page and try again.");
  const add = change.add ?? [];
  const remove = change.remove ?? [];
  for (const item of [...add, ...remove]) {
    if (!isRelationSlug(item.kind))
      throw new InvalidInputError("Choose the kind of relation from the list.", {
        kind: ["Choose a kind of relation"],
      });
    if (!isEventId(item.id))
      throw new InvalidInputError("Give the other event's public id (lower-case letters, digits and hyphens).", {
        to: ["Give an event id"],
      });
  }
  return inTransaction(prisma, async (tx) => {
    const from = await tx.event.findUnique({
      where: { id: fromId },
      include: {
        ...snapshotInclude,
        revisions: { orderBy: { id: "desc" }, take: 1, include: { user: { select: { name: true } } } },
      },
    });
    if (!from || from.deleted) throw new NotFoundError();
    assertMayLink(user, from);
    const targets = await tx.event.findMany({
      where: { id: { in: [...new Set(add.map((a) => a.id))] } },
      select: { id: true, title: true, status: true, deleted: true, createdById: true },
    });
    for (const item of add) {
      if (item.id === fromId)
        throw new InvalidInputError("An event cannot be related to itself; choose another event.", {
          to: ["Choose another event"],
        });
      const target = targets.find((t) => t.id === item.id);
      if (!target || target.deleted || !mayReadEvent(user, target))
        throw new InvalidInputError(`There is no event with the id ${item.id}.`, { to: ["No event has this id"] });
    }
    // Claiming the version locks the event's row: two links added at once to the same event
    // queue here, so the check for an existing link below sees the other's.
    const claimed = await tx.event.updateMany({
      where: {
        id: fromId,
        deleted: false,
        ...(change.baseVersion !== undefined ? { version: change.baseVersion } : {}),
      },
      // An import keeps the event's last-changed time (the file may carry it, and re-importing an
      // export must give the same export); the link's revision records when it was made.
      data: { version: { increment: 1 }, ...(change.baseVersion === undefined ? { updatedAt: from.updatedAt } : {}) },
    });
    if (claimed.count !== 1 || (change.baseVersion !== undefined && change.baseVersion !== from.version)) {
      throw new ConflictError(toSnapshot(from), from.version, from.revisions[0]?.user?.name ?? null);
    }
    const version = from.version + 1;
    const before = await outgoingRefs(tx, fromId);
    const has = (i: RelationItem) => before.some((b) => b.kind === i.kind && b.id === i.id);
    for (const item of add) {
      if (has(item)) {
        const title = targets.find((t) => t.id === item.id)!.title;
        throw new InvalidInputError(`This event is already linked: it ${OUTGOING_LABEL[item.kind]} “${title}”.`, {
          to: ["Already linked with this kind"],
        });
      }
    }
    for (const item of remove)
      if (!has(item))
        throw new InvalidInputError("That link is not there any more; reload the page to see the current links.");
    if (add.length) {
      await tx.eventRelation.createMany({
        data: add.map((a) => ({ fromEventId: fromId, toEventId: a.id, kind: toDbKind(a.kind), createdById: user.id })),
      });
    }
    for (const r of remove)
      await tx.eventRelation.deleteMany({ where: { fromEventId: fromId, toEventId: r.id, kind: toDbKind(r.kind) } });
    const after = await outgoingRefs(tx, fromId);
    await tx.revision.create({
      data: {
        eventId: fromId,
        userId: user.id,
        kind: "update",
        version,
        note: change.note,
        changes: [
          {
            field: "related",
            from: before.map((r) => relationRef(r.kind, r.id)),
            to: after.map((r) => relationRef(r.kind, r.id)),
          },
        ] as unknown as Prisma.InputJsonValue,
        snapshot: toSnapshot(from) as unknown as Prisma.InputJsonValue,
      },
    });
    // Readers see the link when both events are public, and the change in the subject's public history.
    const others = await tx.event.findMany({
      where: { id: { in: [...add, ...remove].map((i) => i.id) } },
      select: { status: true },
    });
    if ([from, ...others].some((e) => READERS_SEE.has(e.status))) await bumpPublicVersion(tx);
    return { id: fromId, version };
  });
}

const noteFor = (verb: "Linked to" | "Unlinked from", kind: RelationSlug) =>
  `${verb} a related event (${OUTGOING_LABEL[kind]})`;

/** "fromId <kind> toId", e.g. the 2023 threat responds-to the 2022 veto. */
export function addRelation(
  prisma: Db,
  user: SessionUser | null,
  fromId: string,
  baseVersion: number,
  item: RelationItem,
) {
  return changeRelations(prisma, user, fromId, { add: [item], baseVersion, note: noteFor("Linked to", item.kind) });
}

export function removeRelation(
  prisma: Db,
  user: SessionUser | null,
  fromId: string,
  baseVersion: number,
  item: RelationItem,
) {
  return changeRelations(prisma, user, fromId, {
    remove: [item],
    baseVersion,
    note: noteFor("Unlinked from", item.kind),
  });
}

/** The import's links of one event (only those it lacks), in its transaction, with the import's note. */
export function addImportedRelations(
  tx: Tx,
  user: SessionUser | null,
  fromId: string,
  items: RelationItem[],
  note: string,
) {
  return changeRelations(tx, user, fromId, { add: items, note });
}
