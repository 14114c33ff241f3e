// Bringing an event an earlier seed wrote up to today's seed data, as a public revision: what
// changed, told to readers, and the write itself, which goes through toEventCreateData like
// every other writer so the derived columns (date span, search text, quote checks) follow.
import type { Prisma } from "../lib/generated/prisma/client";
import { toEventCreateData, toEventUpdateData, type ActorRef } from "../lib/events/event-record";
import { READERS_SEE } from "../lib/events/mutations";
import type { EventInput } from "../lib/events/schemas";
import { diffSnapshots } from "../lib/events/snapshot";
import { bumpPublicVersion } from "../lib/page-cache/public-version";
import {
  COPY_ATTACHED_NOTE,
  fallbackCorrectionNote,
  NOTE_MOVED_NOTE,
  seedCorrectionNotes,
} from "./seed-data/corrections";

export interface SeedChange {
  id: string;
  ref: string;
  kind: "correction" | "update";
  /** What readers are told in the event's history. */
  note: string;
}

// The provenance migration's rule for a note stored as a quote (20261201000552_provenance).
const isNoteAsQuote = (s: EventInput["sources"][number]) => s.quote?.startsWith("Confirms: ") === true;

/**
 * Sorts the difference between an event as stored and the seed's version of it into the two
 * changes every earlier database gets (notes out of quotes, the article's copy attached) and the
 * corrections of fact; only the latter need the per-event note of seed-data/corrections.ts.
 */
export function describeSeedChange(ref: string, before: EventInput, target: EventInput): Omit<SeedChange, "id"> {
  let movedNotes = false;
  let attachedCopy = false;
  const mechanical: EventInput = {
    ...before,
    sources: before.sources.map((s, i) => {
      let out = s;
      if (isNoteAsQuote(out) && out.note === undefined) {
        movedNotes = true;
        out = { ...out, quote: undefined, note: out.quote };
      }
      const seed = target.sources[i];
      if (seed?.captureId !== undefined && out.captureId === undefined && seed.title === out.title) {
        attachedCopy = true;
        out = { ...out, captureId: seed.captureId };
      }
      return out;
    }),
  };
  const corrected = diffSnapshots(mechanical, target).map((c) => c.field);
  const notes = [
    corrected.length ? (seedCorrectionNotes[ref] ?? fallbackCorrectionNote(corrected)) : null,
    movedNotes ? NOTE_MOVED_NOTE : null,
    attachedCopy ? COPY_ATTACHED_NOTE : null,
  ];
  // Attaching a copy changes no fact: an update. Anything else readers were shown was wrong.
  const kind = (corrected.length || movedNotes) && READERS_SEE.has(target.status) ? "correction" : "update";
  return { ref, kind, note: notes.filter(Boolean).join(" ") };
}

interface Stored {
  id: string;
  version: number;
  publishedAt: Date | null;
}

/**
 * Writes `target` over the stored event as one revision by nobody (the seed), claiming the next
 * version as the editor's saves do. False when the version moved meanwhile: someone saved it.
 */
export async function applySeedChange(
  tx: Prisma.TransactionClient,
  stored: Stored,
  before: EventInput,
  target: EventInput,
  change: SeedChange,
  write: { actorsBySlug: Map<string, ActorRef>; copyTexts: Map<number, string>; now: Date },
): Promise<boolean> {
  const { count } = await tx.event.updateMany({
    where: { id: stored.id, version: stored.version },
    data: { version: { increment: 1 } },
  });
  if (count !== 1) return false;
  await tx.event.update({
    where: { id: stored.id },
    data: toEventUpdateData(toEventCreateData(target, write.actorsBySlug, write.now, write.copyTexts)),
  });
  await tx.revision.create({
    data: {
      eventId: stored.id,
      userId: null,
      kind: change.kind,
      version: stored.version + 1,
      note: change.note,
      changes: diffSnapshots(before, target) as unknown as Prisma.InputJsonValue,
      snapshot: target as unknown as Prisma.InputJsonValue,
      createdAt: write.now,
    },
  });
  if (READERS_SEE.has(target.status)) await bumpPublicVersion(tx);
  return true;
}
