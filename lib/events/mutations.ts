import "server-only";
// Every write of an event. Each function checks the caller's role itself (server actions are
// public endpoints; pages and the proxy are conveniences), validates, and writes the change and
// its revision in one transaction. Saves carry the version they started from: a stale version
// is refused with a ConflictError, never silently overwritten.
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { assertRole, ForbiddenError, hasRole, type SessionUser } from "../auth/roles";
import { ConflictError, InvalidInputError, NotFoundError } from "./errors";
import { toEventCreateData, toEventUpdateData, type ActorRef } from "./event-record";
import { eventInputSchema, fieldErrorsOf, newActorSchema, type EventInput } from "./schemas";
import { diffSnapshots, snapshotInclude, toSnapshot } from "./snapshot";
import { bumpPublicVersion } from "../page-cache/public-version";
import { loadCopyTexts } from "../captures/copy-texts";
import { isEventId } from "../validation/event-id";
import { isStorableText } from "../validation/storable-text";

type Tx = Prisma.TransactionClient;
export type ChangeKind = "update" | "correction";
/** A client, or a transaction already open (the importer writes many events in one). */
export type Db = PrismaClient | Tx;

function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return "$transaction" in db ? (db as PrismaClient).$transaction(fn) : fn(db);
}

function parse(input: unknown): EventInput {
  const parsed = eventInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidInputError("Some fields need attention.", fieldErrorsOf(parsed.error));
  }
  return parsed.data;
}

/** `newActors` as sent (a form can send anything): each is checked here before it is written. */
async function actorsFor(tx: Tx, input: EventInput, newActors: readonly unknown[]): Promise<Map<string, ActorRef>> {
  for (const a of newActors) {
    const parsed = newActorSchema.safeParse(a);
    if (!parsed.success) {
      // Quote enough of the name to find it, never a whole hostile value.
      const sent = typeof a === "object" && a !== null && "name" in a ? a.name : undefined;
      const name =
        typeof sent === "string" && sent.trim()
          ? `“${sent.length > 40 ? `${sent.slice(0, 40)}…` : sent}”`
          : "without a name";
      throw new InvalidInputError(`New actor ${name}: ${parsed.error.issues[0].message}`);
    }
    await tx.actor.upsert({
      where: { slug: parsed.data.slug },
      update: {},
      create: { ...parsed.data, countryCode: parsed.data.countryCode ?? null },
    });
  }
  const slugs = input.actors.map((a) => a.actor);
  const found = await tx.actor.findMany({
    where: { slug: { in: slugs } },
    select: { id: true, slug: true, name: true, aliases: true },
  });
  const missing = slugs.filter((s) => !found.some((f) => f.slug === s));
  if (missing.length)
    throw new InvalidInputError(`Unknown actor: ${missing.join(", ")}`, {
      actors: [`Unknown actor: ${missing.join(", ")}`],
    });
  return new Map(found.map((a) => [a.slug, a]));
}

// Ids and versions come from form fields, which anyone can forge: a value no event could have
// is refused here, before it reaches a query (NaN, or a NUL byte, would fail it outright).
const isCount = (n: unknown): n is number =>
  Number.isSafeInteger(n) && (n as number) >= 1 && (n as number) <= 2 ** 31 - 1;
function checkVersion(baseVersion: unknown) {
  if (!isCount(baseVersion))
    throw new InvalidInputError("This form is out of date or damaged; reload the page and try again.");
}

/** A change note or retraction reason: shown to readers, so storable text of a sensible length. */
function checkNote(text: string | undefined, field: string) {
  if (text !== undefined && (typeof text !== "string" || text.length > 2000 || !isStorableText(text))) {
    const message =
      typeof text === "string" && text.length > 2000
        ? "Keep this to 2,000 characters"
        : "Remove the invisible control characters (such as NUL) from this text";
    throw new InvalidInputError(message, { [field]: [message] });
  }
}

/** The source rows toEventCreateData will write, with their computed quote checks. */
const createdSources = (data: Prisma.EventCreateInput) =>
  (data.sources!.create as Prisma.SourceCreateWithoutEventInput[]).map((s) => ({
    quoteCheck: s.quoteCheck ?? "no_copy",
    quote: s.quote ?? null,
    captureId: s.capture?.connect?.id ?? null,
  }));

async function loadForWrite(tx: Tx, id: string) {
  if (!isEventId(id)) throw new NotFoundError();
  const event = await tx.event.findUnique({
    where: { id },
    include: {
      ...snapshotInclude,
      revisions: { orderBy: { id: "desc" }, take: 1, include: { user: { select: { name: true } } } },
    },
  });
  if (!event || event.deleted) throw new NotFoundError();
  return event;
}

/**
 * Claims `baseVersion` → `baseVersion + 1` under the row lock; refuses if anyone got there first.
 * `read` is the row the write was judged on (who may write it, which status it keeps): the form's
 * version must be that row's, and the claim succeeds only if the row is still that version. A
 * version taken from the form alone could be forged (or raced) to match a newer row written after
 * the read, and the save would overwrite it with what was judged on the older one.
 */
async function claimVersion(tx: Tx, id: string, baseVersion: number, read: { version: number }) {
  const { count } =
    baseVersion === read.version
      ? await tx.event.updateMany({
          where: { id, version: read.version, deleted: false },
          data: { version: { increment: 1 } },
        })
      : { count: 0 };
  if (count === 1) return baseVersion + 1;
  const current = await loadForWrite(tx, id);
  throw new ConflictError(toSnapshot(current), current.version, current.revisions[0]?.user?.name ?? null);
}

/** The positions (1-based) of quotes not found in their sources' captured copies. */
function notFoundQuotes(
  sources: { quoteCheck: string; quote: string | null; captureId: number | null }[],
  alreadyConfirmed: typeof sources = [],
) {
  const key = (s: (typeof sources)[number]) => `${s.captureId}|${s.quote}`;
  const confirmed = new Set(alreadyConfirmed.filter((s) => s.quoteCheck === "not_found").map(key));
  return sources.flatMap((s, i) => (s.quoteCheck === "not_found" && !confirmed.has(key(s)) ? [i + 1] : []));
}

/**
 * A quote that is not in its source's copy may be a misquotation: publishing one takes an
 * editor's explicit confirmation and a reason, which the revision keeps (readers see it).
 */
function confirmPublishing(positions: number[], reason: string | undefined): string | undefined {
  if (!positions.length) return undefined;
  checkNote(reason, "confirmNotFound");
  const which =
    positions.length === 1
      ? `the quote of source ${positions[0]} was`
      : `the quotes of sources ${positions.join(", ")} were`;
  if (!reason?.trim()) {
    throw new InvalidInputError(
      `Check the quotes first: ${which} not found in the captured copy. To publish anyway, confirm and give your reason; it is kept in the event's public history.`,
      {
        confirmNotFound: [
          `Say why ${which.replace(" was", " is").replace(" were", " are")} right although not found in the copy`,
        ],
      },
    );
  }
  return `Published although ${which} not found in the captured copy: ${reason.trim()}`;
}

// Statuses readers see (with their history); drafts and events in review are the desk's alone.
export const READERS_SEE: ReadonlySet<string> = new Set(["published", "retracted"]);

/** The last step of every write: its revision, and the public version when readers could see the event. */
async function writeRevision(
  tx: Tx,
  user: SessionUser,
  eventId: string,
  kind: Prisma.RevisionCreateManyInput["kind"],
  version: number,
  before: EventInput | null,
  after: EventInput,
  note?: string,
) {
  await tx.revision.create({
    data: {
      eventId,
      userId: user.id,
      kind,
      version,
      note: note?.trim() || null,
      changes: diffSnapshots(before, after) as unknown as Prisma.InputJsonValue,
      snapshot: after as unknown as Prisma.InputJsonValue,
    },
  });
  if (READERS_SEE.has(before?.status ?? "") || READERS_SEE.has(after.status)) await bumpPublicVersion(tx);
}

export async function createEvent(
  prisma: Db,
  user: SessionUser | null,
  raw: unknown,
  newActors: readonly unknown[] = [],
  keep: { publishedAt?: Date; updatedAt?: Date; confirmNotFound?: string } = {},
) {
  assertRole(user, "contributor");
  const input = parse(raw);
  // Contributors write drafts; publishing is someone else's decision.
  if (!hasRole(user, "editor") && input.status !== "draft") input.status = "draft";
  if (input.status === "retracted")
    throw new InvalidInputError("A new event cannot start retracted.", {
      status: ["Choose draft, in review or published"],
    });
  return inTransaction(prisma, async (tx) => {
    if (await tx.event.findUnique({ where: { id: input.id }, select: { id: true } })) {
      throw new InvalidInputError("That public id is taken (ids are never reused).", {
        id: ["This id is taken; change it"],
      });
    }
    const data = toEventCreateData(
      input,
      await actorsFor(tx, input, newActors),
      new Date(),
      await loadCopyTexts(tx, input),
    );
    const note =
      input.status === "published"
        ? confirmPublishing(notFoundQuotes(createdSources(data)), keep.confirmNotFound)
        : undefined;
    // An import may carry the original first-published and last-changed times (provenance).
    await tx.event.create({
      data: {
        ...data,
        ...(keep.publishedAt && data.publishedAt ? { publishedAt: keep.publishedAt } : {}),
        ...(keep.updatedAt ? { updatedAt: keep.updatedAt } : {}),
        createdBy: { connect: { id: user.id } },
      },
    });
    await writeRevision(tx, user, input.id, "create", 1, null, input, note);
    return { id: input.id, version: 1 };
  });
}

export async function updateEvent(
  prisma: Db,
  user: SessionUser | null,
  id: string,
  baseVersion: number,
  raw: unknown,
  change: {
    kind?: ChangeKind;
    note?: string;
    newActors?: readonly unknown[];
    restoredFrom?: number;
    restoredPublic?: boolean;
    confirmNotFound?: string;
  } = {},
) {
  assertRole(user, "contributor");
  checkVersion(baseVersion);
  checkNote(change.note, "note");
  return inTransaction(prisma, async (tx) => {
    const current = await loadForWrite(tx, id);
    if (!hasRole(user, "editor") && !(current.createdById === user.id && current.status === "draft")) {
      throw new ForbiddenError("Contributors can edit only their own drafts.");
    }
    // The id and the workflow status are not edited here: ids are permanent, and status moves
    // only through submit/publish/retract.
    const input = parse({ ...(raw as object), id, status: current.status });
    const before = toSnapshot(current);
    // Saving what is already there changes nothing: no new version, no empty revision.
    if (diffSnapshots(before, input).length === 0 && !change.newActors?.length)
      return { id, version: current.version, unchanged: true };
    if (current.status === "published" && change.restoredFrom === undefined) {
      // No default kind: a wrong one would mislabel the change in public.
      const missing = {
        ...(change.kind ? {} : { kind: ["Choose whether this corrects an error or adds new information"] }),
        ...(change.note?.trim() ? {} : { note: ["Describe the change for readers"] }),
      };
      if (Object.keys(missing).length)
        throw new InvalidInputError("Say what changed: a published event needs a change note and a kind.", missing);
    }
    const data = toEventCreateData(
      input,
      await actorsFor(tx, input, change.newActors ?? []),
      new Date(),
      await loadCopyTexts(tx, input),
    );
    // On a public event, a quote newly not found in its copy needs the same confirmation as at
    // publishing; restoring a version readers saw brings back what was confirmed then, while a
    // draft's version has never been confirmed and asks like any save.
    const confirmation =
      current.status === "published" && !change.restoredPublic
        ? confirmPublishing(notFoundQuotes(createdSources(data), current.sources), change.confirmNotFound)
        : undefined;
    const version = await claimVersion(tx, id, baseVersion, current);
    await tx.event.update({ where: { id }, data: toEventUpdateData(data) });
    const kind =
      change.restoredFrom !== undefined ? "restore" : current.status === "published" ? change.kind! : "update";
    const note =
      change.note ?? (change.restoredFrom !== undefined ? `Restored revision ${change.restoredFrom}` : undefined);
    await writeRevision(
      tx,
      user,
      id,
      kind,
      version,
      before,
      input,
      [note, confirmation].filter(Boolean).join(" — ") || undefined,
    );
    return { id, version };
  });
}

type Transition = "submit" | "publish" | "retract";

/** `confirmNotFound`: the editor's reason to publish quotes that were not found in their copies. */
export async function transitionEvent(
  prisma: Db,
  user: SessionUser | null,
  id: string,
  baseVersion: number,
  action: Transition,
  reason?: string,
  confirmNotFound?: string,
) {
  assertRole(user, action === "submit" ? "contributor" : "editor");
  checkVersion(baseVersion);
  checkNote(reason, "reason");
  return inTransaction(prisma, async (tx) => {
    const current = await loadForWrite(tx, id);
    const before = toSnapshot(current);
    const allowed: Record<Transition, string[]> = {
      submit: ["draft"],
      publish: ["draft", "in_review"],
      retract: ["published"],
    };
    if (!allowed[action].includes(current.status))
      throw new InvalidInputError(
        `A ${current.status.replace("_", " ")} event cannot be ${action === "submit" ? "submitted" : `${action}ed`}.`,
      );
    if (action === "submit" && !hasRole(user, "editor") && current.createdById !== user.id)
      throw new ForbiddenError("Contributors can submit only their own drafts.");
    if (action === "retract" && !reason?.trim())
      throw new InvalidInputError("Give the reason for the retraction; readers will see it.", { reason: ["Required"] });
    const status = ({ submit: "in_review", publish: "published", retract: "retracted" } as const)[action];
    if (status === "published") parse({ ...before, status }); // a published event needs a supporting source
    const confirmation =
      status === "published" ? confirmPublishing(notFoundQuotes(current.sources), confirmNotFound) : undefined;
    const version = await claimVersion(tx, id, baseVersion, current);
    await tx.event.update({
      where: { id },
      data: {
        status,
        publishedAt: status === "published" ? (current.publishedAt ?? new Date()) : current.publishedAt,
        retractionReason: action === "retract" ? reason!.trim() : current.retractionReason,
      },
    });
    await writeRevision(
      tx,
      user,
      id,
      action,
      version,
      before,
      { ...before, status },
      [reason?.trim(), confirmation].filter(Boolean).join(" — ") || undefined,
    );
    return { id, version };
  });
}

/** Brings back an earlier revision's content as a new revision; the workflow status stays. */
export async function restoreRevision(
  prisma: PrismaClient,
  user: SessionUser | null,
  id: string,
  baseVersion: number,
  revisionId: number,
) {
  assertRole(user, "editor");
  checkVersion(baseVersion);
  if (!isEventId(id) || !isCount(revisionId)) throw new NotFoundError();
  const revision = await prisma.revision.findFirst({ where: { id: revisionId, eventId: id } });
  if (!revision) throw new NotFoundError();
  const restoredPublic = READERS_SEE.has(String((revision.snapshot as { status?: unknown } | null)?.status));
  return updateEvent(prisma, user, id, baseVersion, revision.snapshot, { restoredFrom: revisionId, restoredPublic });
}

/** Soft delete: gone from every public view and the API, kept with its history. */
export async function deleteEvent(
  prisma: PrismaClient,
  user: SessionUser | null,
  id: string,
  baseVersion: number,
  reason?: string,
) {
  assertRole(user, "admin");
  checkVersion(baseVersion);
  checkNote(reason, "reason");
  return inTransaction(prisma, async (tx) => {
    const current = await loadForWrite(tx, id);
    const version = await claimVersion(tx, id, baseVersion, current);
    await tx.event.update({ where: { id }, data: { deleted: true } });
    const snapshot = toSnapshot(current);
    await writeRevision(tx, user, id, "delete", version, snapshot, snapshot, reason);
    return { id, version };
  });
}
