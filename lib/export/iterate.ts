import "server-only";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { loadExportEvents, type ExportEvent } from "./documents";
import { cursorOf, keysetOrderBy, keysetWhere, type Cursor, type KeysetSort } from "./keyset";

/** One page of whole events after `cursor`, plus the cursor for the page after it (null at the end). */
export async function pageOfEvents(
  client: PrismaClient,
  where: Prisma.EventWhereInput,
  sort: KeysetSort,
  limit: number,
  cursor: Cursor | null,
) {
  const keys = await client.event.findMany({
    where: cursor ? { AND: [where, keysetWhere(sort, cursor)] } : where,
    orderBy: keysetOrderBy(sort),
    take: limit + 1,
    select: { id: true, spanStart: true, title: true, updatedAt: true },
  });
  const more = keys.length > limit;
  const page = keys.slice(0, limit);
  const events = await loadExportEvents(
    client,
    page.map((k) => k.id),
  );
  return { events, next: more ? cursorOf(sort, page[page.length - 1]) : null };
}

/**
 * Every matching event, a batch at a time: memory holds two batches however many rows there
 * are, and each batch starts where the last ended (keyset), so none is skipped or repeated.
 */
export async function* iterateEvents(
  client: PrismaClient,
  where: Prisma.EventWhereInput,
  sort: KeysetSort,
  batch = 2000,
): AsyncGenerator<ExportEvent[]> {
  type Page = Awaited<ReturnType<typeof pageOfEvents>>;
  // A batch read ahead is awaited only if the reader comes back for it. When it does not (the
  // client went away and the stream was cancelled), its failure must not surface as an unhandled
  // rejection, which would end the process: the catch marks it handled, and `await` below still
  // sees the failure when the reader does come back.
  const readAhead = (cursor: Cursor | null) => {
    const page = pageOfEvents(client, where, sort, batch, cursor);
    page.catch(() => {});
    return page;
  };
  let pending: Promise<Page> | null = readAhead(null);
  while (pending) {
    const { events, next }: Page = await pending;
    // Ask the database for the next batch while this one is being written out.
    pending = next ? readAhead(next) : null;
    if (events.length) yield events;
  }
}
