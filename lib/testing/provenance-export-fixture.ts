// For the export, API and import tests: one published event whose citations use every
// provenance field. A note-only citation, a disputing source whose quote is found in a captured
// copy (made here directly, as lib/captures would store it), and a context source with no copy.
// The event goes through createEvent, so the quote checks are computed as on any save.
import { createHash } from "node:crypto";
import type { SessionUser } from "../auth/roles";
import { createEvent, transitionEvent } from "../events/mutations";
import type { PrismaClient } from "../generated/prisma/client";

export const PROVENANCE_EVENT_ID = "2024-06-20-provenance-fixture";
export const COPY_CAPTURED_AT = "2026-11-30T09:15:00.123Z";
/** In the copy but not in any quote: must never reach the public exports. */
export const COPY_ONLY_TEXT = "Only the copy holds this sentence about warehouse 17.";
export const DENIAL_QUOTE = "has never supplied munitions to any country";
/** An editor's note a spreadsheet would run as a formula. */
export const HOSTILE_NOTE = '=HYPERLINK("http://evil.example","Denied")';
export const NOTE_ONLY = "Confirms the date of the meeting (an editor's summary, not the source's words).";

export async function createProvenanceEvent(prisma: PrismaClient, editor: SessionUser, id = PROVENANCE_EVENT_ID) {
  const body = `The ministry said the country ${DENIAL_QUOTE}. ${COPY_ONLY_TEXT}`;
  const sha256 = createHash("sha256").update(body).digest("hex");
  await prisma.captureContent.upsert({
    where: { sha256 },
    update: {},
    create: {
      sha256,
      bytes: Buffer.from(body),
      size: Buffer.byteLength(body),
      contentType: "text/plain",
      text: body,
      fullText: body,
    },
  });
  const capture = await prisma.capture.create({
    data: { sha256, method: "uploaded", fileName: "denial.txt", capturedAt: new Date(COPY_CAPTURED_AT) },
  });
  const created = await createEvent(prisma, editor, {
    id,
    title: "Provenance fixture: a disputed transfer",
    summary: "An alleged transfer, denied by the supplier.",
    type: "arms-transfer",
    claimStatus: "alleged",
    startDate: "2024-06-20",
    precision: "day",
    status: "draft",
    actors: [],
    sources: [
      {
        url: "https://news.example/report",
        title: "Report of the transfer",
        publisher: "News Example",
        sourceType: "news",
        note: NOTE_ONLY,
        language: "en",
      },
      {
        url: "https://gov.example/denial",
        title: "Ministry denial",
        publisher: "Ministry",
        sourceType: "official",
        stance: "disputes",
        quote: DENIAL_QUOTE,
        note: HOSTILE_NOTE,
        captureId: capture.id,
        language: "en",
      },
      {
        url: "https://think.example/background",
        title: "Background",
        sourceType: "analysis",
        stance: "context",
        quote: "Shipments by rail began in 2022.",
        language: "en",
      },
    ],
  });
  await transitionEvent(prisma, editor, id, created.version, "publish");
  return { sha256, captureId: capture.id };
}
