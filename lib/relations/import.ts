import "server-only";
// The import's `related` column (the export's format: "kind:event id | …", the row's outgoing
// links). Checked with the other columns before anything is written: a cell that cannot be read,
// a link to the row's own event, or to an event that is neither in the database nor a row of the
// file is a row error, and the file is not imported. Written after every row, so a link may name
// an event that a later row creates. The import only adds links; one is removed in the editor.
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { SessionUser } from "../auth/roles";
import { ForbiddenError } from "../auth/roles";
import { InvalidInputError, NotFoundError } from "../events/errors";
import { parseRelatedCell, toSlug } from "./kinds";
import { addImportedRelations, type RelationItem } from "./mutations";

interface RowError {
  row: number;
  column: string;
  message: string;
}

/** Each row's links (by its index among the records), and what is wrong with any of them. */
export interface RelatedColumn {
  items: Map<number, RelationItem[]>;
  errors: RowError[];
}

/** `rowIds`: each record's event id as given (empty for a row whose id is made on import). */
export async function checkRelatedColumn(
  prisma: PrismaClient,
  cells: (string | undefined)[],
  rowIds: string[],
): Promise<RelatedColumn> {
  const column: RelatedColumn = { items: new Map(), errors: [] };
  const inFile = new Set(rowIds.filter(Boolean));
  const parsed = cells.map((cell) => parseRelatedCell(cell));
  const wanted = [...new Set(parsed.flatMap((p) => p.items.map((i) => i.id)).filter((id) => !inFile.has(id)))];
  const inDb = new Set(
    wanted.length
      ? (await prisma.event.findMany({ where: { id: { in: wanted }, deleted: false }, select: { id: true } })).map(
          (e) => e.id,
        )
      : [],
  );
  parsed.forEach(({ items, problems }, i) => {
    const row = i + 2;
    for (const message of problems) column.errors.push({ row, column: "related", message });
    for (const item of items) {
      if (item.id === rowIds[i])
        column.errors.push({
          row,
          column: "related",
          message: `An event cannot be related to itself (${item.kind}:${item.id}).`,
        });
      else if (!inFile.has(item.id) && !inDb.has(item.id))
        column.errors.push({
          row,
          column: "related",
          message: `No event has the id ${item.id}, in the database or in this file (${item.kind}:${item.id}).`,
        });
    }
    if (items.length) column.items.set(i, items);
  });
  return column;
}

/**
 * In the import's transaction, after every row is written: each row's links that its event does
 * not have yet, with one revision on that event. Returns how many were added; refusals become
 * row errors (and the import rolls back).
 */
export async function writeRelatedColumn(
  tx: Prisma.TransactionClient,
  user: SessionUser | null,
  column: RelatedColumn,
  eventIds: string[],
  note: string,
  errors: RowError[],
): Promise<number> {
  let added = 0;
  for (const [i, items] of column.items) {
    const id = eventIds[i];
    const existing = await tx.eventRelation.findMany({
      where: { fromEventId: id },
      select: { kind: true, toEventId: true },
    });
    const missing = items.filter(
      (item) => !existing.some((e) => toSlug(e.kind) === item.kind && e.toEventId === item.id),
    );
    if (!missing.length) continue;
    try {
      await addImportedRelations(tx, user, id, missing, note);
      added += missing.length;
    } catch (err) {
      if (err instanceof InvalidInputError || err instanceof ForbiddenError || err instanceof NotFoundError)
        errors.push({ row: i + 2, column: "related", message: err.message });
      else throw err;
    }
  }
  return added;
}
