// The JSON API's provenance fields, through the route handlers on a real PostgreSQL: what a
// caller receives for each source, what it must never receive, and that validators still work.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/roles";
import { updateEvent } from "../events/mutations";
import { snapshotInclude, toSnapshot } from "../events/snapshot";
import {
  COPY_CAPTURED_AT,
  COPY_ONLY_TEXT,
  createProvenanceEvent,
  DENIAL_QUOTE,
  HOSTILE_NOTE,
  NOTE_ONLY,
  PROVENANCE_EVENT_ID,
} from "../testing/provenance-export-fixture";
import { createSessionUser, setUpTestDatabase } from "../testing/test-database";
import { handleGetEvent, handleListEvents } from "./events";
import { apiEventListSchema, apiEventSchema, apiSourceSchema } from "./schemas";

const ORIGIN = "https://tracker.example";
const t = setUpTestDatabase();
let editor: SessionUser;
let sha256: string;
beforeAll(async () => {
  editor = await createSessionUser(t.prisma, "editor", "ed@example.org", "Ed");
  ({ sha256 } = await createProvenanceEvent(t.prisma, editor));
});

const getOne = (headers: Record<string, string> = {}) =>
  handleGetEvent(new Request(`${ORIGIN}/api/v1/events/${PROVENANCE_EVENT_ID}`, { headers }), PROVENANCE_EVENT_ID);

describe("API sources with provenance", () => {
  it("give note, stance, quote check and the copy's hash and time; quote null for a note-only citation", async () => {
    const res = await getOne();
    expect(res.status).toBe(200);
    const event = apiEventSchema.parse(await res.json());
    expect(event.disputingSourceCount).toBe(1);
    expect(
      event.sources.map((s) => ({
        quote: s.quote,
        note: s.note,
        stance: s.stance,
        quoteCheck: s.quoteCheck,
        copy: s.copy,
      })),
    ).toEqual([
      { quote: null, note: NOTE_ONLY, stance: "supports", quoteCheck: "no_quote", copy: null },
      {
        quote: DENIAL_QUOTE,
        note: HOSTILE_NOTE,
        stance: "disputes",
        quoteCheck: "verified",
        copy: { sha256, capturedAt: COPY_CAPTURED_AT },
      },
      { quote: "Shipments by rail began in 2022.", note: null, stance: "context", quoteCheck: "no_copy", copy: null },
    ]);
  });

  it("never carry the copy itself, its text or the matched passage (editors only)", async () => {
    const text = await (await getOne()).text();
    expect(text).not.toContain(COPY_ONLY_TEXT);
    expect(text).not.toMatch(/quoteMatch|fullText|bytes/);
    // Exactly the documented fields, nothing more.
    for (const s of (JSON.parse(text) as { sources: object[] }).sources)
      expect(Object.keys(s).sort()).toEqual(Object.keys(apiSourceSchema.shape).sort());
  });

  it("list pages carry the same fields", async () => {
    const res = await handleListEvents(new Request(`${ORIGIN}/api/v1/events?q=provenance`));
    const body = apiEventListSchema.parse(await res.json());
    const event = apiEventSchema.parse(body.data.find((e) => e.id === PROVENANCE_EVENT_ID));
    expect(event.sources[1]).toMatchObject({ stance: "disputes", quoteCheck: "verified", copy: { sha256 } });
  });

  it("may be kept by a shared cache exactly as long as the public pages (HTTP_CACHE_SECONDS)", async () => {
    const saved = { fresh: process.env.HTTP_CACHE_SECONDS, stale: process.env.HTTP_CACHE_STALE_SECONDS };
    Object.assign(process.env, { HTTP_CACHE_SECONDS: "7", HTTP_CACHE_STALE_SECONDS: "11" });
    try {
      for (const res of [await getOne(), await handleListEvents(new Request(`${ORIGIN}/api/v1/events?q=provenance`))]) {
        expect(res.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=7, stale-while-revalidate=11");
      }
    } finally {
      for (const [k, v] of [
        ["HTTP_CACHE_SECONDS", saved.fresh],
        ["HTTP_CACHE_STALE_SECONDS", saved.stale],
      ] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });

  it("answer 304 to a matching ETag, and a new ETag once a source's note changes", async () => {
    const first = await getOne();
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"/);
    expect((await getOne({ "If-None-Match": etag })).status).toBe(304);
    const e = await t.prisma.event.findUniqueOrThrow({ where: { id: PROVENANCE_EVENT_ID }, include: snapshotInclude });
    const snap = toSnapshot(e);
    snap.sources[0] = { ...snap.sources[0], note: "Confirms the date and the place of the meeting." };
    await updateEvent(t.prisma, editor, e.id, e.version, snap, { kind: "update", note: "Note made more precise." });
    const after = await getOne({ "If-None-Match": etag });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    expect(apiEventSchema.parse(await after.json()).sources[0].note).toBe(
      "Confirms the date and the place of the meeting.",
    );
  });
});
