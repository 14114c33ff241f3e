// The text each quote is checked against, for the captured copies an event's sources point at.
import type { Prisma } from "../generated/prisma/client";
import type { EventInput } from "../events/schemas";
import { InvalidInputError } from "../events/errors";

/** Capture id → the full text of its copy; refuses an id that names no capture. */
export async function loadCopyTexts(
  tx: Prisma.TransactionClient,
  input: Pick<EventInput, "sources">,
): Promise<Map<number, string>> {
  const ids = [...new Set(input.sources.flatMap((s) => (s.captureId === undefined ? [] : [s.captureId])))];
  if (!ids.length) return new Map();
  const captures = await tx.capture.findMany({
    where: { id: { in: ids } },
    select: { id: true, content: { select: { fullText: true } } },
  });
  const texts = new Map(captures.map((c) => [c.id, c.content.fullText]));
  const missing = input.sources.findIndex((s) => s.captureId !== undefined && !texts.has(s.captureId));
  if (missing >= 0) {
    const message = "This captured copy no longer exists; capture or upload the source again";
    throw new InvalidInputError(message, { [`sources.${missing}.captureId`]: [message] });
  }
  return texts;
}
