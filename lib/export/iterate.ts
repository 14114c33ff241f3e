import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { loadExportEvents, type ExportEvent } from "./documents";
import { cursorOf, keysetOrderBy, keysetWhere, type Cursor, type KeysetSort } from "./keyset";

/** One page of whole events after `cursor`, plus the cursor for the page after it (null at the end). */
export async function pageOfEvents(client: PrismaClient, where: Prisma.EventWhereInput, sort: KeysetSort, limit: number, cursor: Cursor | null) {
  const keys = await client.event.findMany({
    where: cursor ? { AND: [where, keysetWhere(sort, cursor)] } : where,
    orderBy: keysetOrderBy(sort),
    take: limit + 1,
    select: { id: true, spanStart: true, title: true, updatedAt: true },
  });
  const more = keys.length > limit;
  const page = keys.slice(0, limit);
  const events = await loadExportEvents(client, page.map((k) => k.id));
  return { events, next: more ? cursorOf(sort, page[page.length - 1]) : null };
}

/**
 * Every matching event, a batch at a time: memory holds one batch however many rows there
 * are, and each batch starts where the last ended (keyset), so none is skipped or repeated.
 */
export async function* iterateEvents(client: PrismaClient, where: Prisma.EventWhereInput, sort: KeysetSort, batch = 500): AsyncGenerator<ExportEvent[]> {
  let cursor: Cursor | null = null;
  do {
    const { events, next } = await pageOfEvents(client, where, sort, batch, cursor);
    if (events.length) yield events;
    cursor = next;
  } while (cursor);
}
