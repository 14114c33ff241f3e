// A published event with every kind of citation the public page must tell apart, written through
// the desk's own write path (createEvent re-checks each quote against its copy). Shared by the
// browser spec and the query integration test, so each makes the data it asserts on.
import { createHash, randomBytes } from "node:crypto";
import { createEvent } from "../events/mutations";
import type { PrismaClient } from "../generated/prisma/client";
import { DEAD_LINK_MIN_FAILING_MS } from "../links/health";

export const CAPTURED_AT = new Date("2026-11-30T10:15:00Z");
export const DEAD_CHECKED_AT = new Date("2026-12-02T06:00:00Z");
const COPY_TEXT =
  "Officials said on Tuesday that the containers left the port at Rajin. The ministry declined to comment.";

export async function createPublicPageEvent(prisma: PrismaClient) {
  const word = randomBytes(4).toString("hex");
  const bytes = Buffer.from(`<html><body><p>${COPY_TEXT}</p></body></html>`);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const editor = await prisma.user.create({
    data: { email: `provenance-${word}@example.org`, name: "Provenance editor", role: "editor" },
  });
  await prisma.captureContent.upsert({
    where: { sha256 },
    update: {},
    create: { sha256, bytes, size: bytes.length, contentType: "text/html", text: COPY_TEXT, fullText: COPY_TEXT },
  });
  const capture = await prisma.capture.create({
    data: { sha256, method: "uploaded", fileName: "report.html", capturedAt: CAPTURED_AT, capturedById: editor.id },
  });

  const urls = {
    report: `https://example.org/${word}/report`,
    archive: `https://web.archive.org/web/2026/${word}`,
    denial: `https://example.org/${word}/denial`,
  };
  // The report's address has failed for more than a day: it counts as dead.
  await prisma.linkCheck.create({
    data: {
      url: urls.report,
      status: "gone",
      httpStatus: 404,
      firstFailureAt: new Date(DEAD_CHECKED_AT.getTime() - DEAD_LINK_MIN_FAILING_MS),
      lastCheckedAt: DEAD_CHECKED_AT,
    },
  });
  await prisma.linkCheck.create({
    data: {
      url: urls.archive,
      status: "ok",
      httpStatus: 200,
      lastCheckedAt: DEAD_CHECKED_AT,
      lastOkAt: DEAD_CHECKED_AT,
    },
  });

  const id = `${word}-containers-leave-rajin`;
  const title = `Containers ${word} leave Rajin`;
  const quotes = {
    verified: "the containers left the port at Rajin",
    unchecked: "The shipment was the largest this year.",
    denial: "No such transfer has taken place.",
  };
  const notes = {
    report: "Supports the date of departure.",
    denial: "The foreign ministry's denial, made the next day.",
  };
  const user = { id: editor.id, email: editor.email, name: editor.name, role: "editor" as const };
  await createEvent(prisma, user, {
    id,
    title,
    summary: "Containers were reported to leave the port.",
    type: "arms-transfer",
    claimStatus: "alleged",
    startDate: "2026-10-01",
    precision: "month",
    approximate: false,
    countryCodes: ["KP"],
    tags: [],
    itemCategories: [],
    status: "published",
    actors: [],
    sources: [
      {
        url: urls.report,
        archivedUrl: urls.archive,
        title: "Port report",
        publisher: "Harbour Monitor",
        publishedOn: "2026-10-14",
        sourceType: "news",
        quote: quotes.verified,
        note: notes.report,
        stance: "supports",
        captureId: capture.id,
        language: "en",
      },
      {
        url: `https://example.org/${word}/wire`,
        title: "Wire story",
        publisher: "A Wire Agency",
        sourceType: "news",
        quote: quotes.unchecked,
        stance: "supports",
        language: "en",
      },
      {
        title: "Background briefing",
        publisher: "A Think Tank",
        sourceType: "analysis",
        note: "Explains how the port is used.",
        stance: "context",
        language: "en",
      },
      {
        url: urls.denial,
        title: "Ministry statement",
        publisher: "Foreign Ministry",
        publishedOn: "2026-10",
        sourceType: "official",
        quote: quotes.denial,
        note: notes.denial,
        stance: "disputes",
        language: "en",
      },
      {
        title: "Embassy remarks",
        publisher: "An Embassy",
        sourceType: "official",
        note: "The embassy also denied it.",
        stance: "disputes",
        language: "en",
      },
    ],
  });
  return { id, title, sha256, capture, urls, quotes, notes };
}
