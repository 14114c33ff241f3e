import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/roles";
import { listEvents } from "../events/queries";
import { createEvent, deleteEvent, transitionEvent, updateEvent } from "../events/mutations";
import { parseEventQuery } from "../events/query-params";
import { snapshotInclude, toSnapshot } from "../events/snapshot";
import { buildEventWhere } from "../events/where";
import { setUpTestDatabase } from "../testing/test-database";
import { csvBody } from "./csv-response";
import { iterateEvents, pageOfEvents } from "./iterate";
import type { Cursor } from "./keyset";
import {
  COPY_CAPTURED_AT,
  COPY_ONLY_TEXT,
  createProvenanceEvent,
  DENIAL_QUOTE,
  HOSTILE_NOTE,
  NOTE_ONLY,
  PROVENANCE_EVENT_ID,
} from "../testing/provenance-export-fixture";

const t = setUpTestDatabase({ seed: true });
let editor: SessionUser;
beforeAll(async () => {
  const u = await t.prisma.user.create({ data: { email: "ed@example.org", name: "Ed", role: "editor" } });
  editor = { id: u.id, email: u.email, name: u.name, role: "admin" };
});

const query = (qs: string) => parseEventQuery(new URLSearchParams(qs)).query;

async function tableIds(qs: string) {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const r = await listEvents(query(`${qs}&pageSize=7&page=${page}`));
    ids.push(...r.rows.map((x) => x.id));
    if (page >= r.pageCount) return ids;
  }
}

describe("CSV export", () => {
  it("holds exactly the rows of the filtered table, in its order, across every page", async () => {
    for (const qs of [
      "",
      "type=summit-meeting&type=statement-warning",
      "q=Russia&from=2023&sort=title",
      "actor=kim-jong-un&sort=date",
    ]) {
      const q = query(qs);
      const exported: string[] = [];
      for await (const batch of iterateEvents(t.prisma, buildEventWhere(q), q.sort, 4))
        exported.push(...batch.map((e) => e.id));
      expect(exported, qs).toEqual(await tableIds(qs));
      expect(
        (await exportCsv("events", qs)).rows.map((r) => r.id),
        qs,
      ).toEqual(exported);
    }
  });

  it("parses back as RFC 4180 with one row per event and the documented columns", async () => {
    const stream = await csvBody("events", new URLSearchParams("type=summit-meeting&bom=1"), {
      client: t.prisma,
      origin: "https://t.example",
    });
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte-order mark asked for with bom=1
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFFid,url,title,")).toBe(true);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.id)).toEqual(await tableIds("type=summit-meeting"));
    const summit = rows.find((r) => r.id === "2023-09-13-kim-putin-vostochny-summit")!;
    expect(summit).toMatchObject({
      event_type: "summit-meeting",
      start_date: "2023-09-13",
      date_precision: "day",
      status: "published",
      url: "https://t.example/events/2023-09-13-kim-putin-vostochny-summit",
    });
    expect(summit.actors).toContain("Vladimir Putin (");
    expect(Number(summit.source_count)).toBeGreaterThan(1);
  });
});

describe("API cursor pages", () => {
  it("never skip or repeat a row while events are inserted between pages", async () => {
    const q = query("sort=title");
    const seen: string[] = [];
    let cursor: Cursor | null = null;
    let n = 0;
    do {
      const page: Awaited<ReturnType<typeof pageOfEvents>> = await pageOfEvents(
        t.prisma,
        buildEventWhere(q),
        q.sort,
        4,
        cursor,
      );
      seen.push(...page.events.map((e) => e.id));
      cursor = page.next;
      // Insert events that sort before, among and after what was read so far.
      for (const title of [`A inserted ${n}`, `M inserted ${n}`, `Z inserted ${n}`]) {
        const id = `2024-05-01-insert-${n}-${title[0].toLowerCase()}`;
        const created = await createEvent(t.prisma, editor, {
          id,
          title,
          summary: "Inserted while paging.",
          type: "aid-trade",
          claimStatus: "confirmed",
          startDate: "2024-05-01",
          precision: "day",
          status: "draft",
          actors: [],
          sources: [{ title: "S", sourceType: "news", quote: "q", language: "en" }],
        });
        await transitionEvent(t.prisma, editor, id, created.version, "publish");
      }
      n++;
    } while (cursor);
    const original = (await tableIds("sort=title")).filter((id) => !id.includes("-insert-"));
    const seenOriginal = seen.filter((id) => !id.includes("-insert-"));
    expect(seenOriginal).toEqual(original.filter((id) => seenOriginal.includes(id)));
    expect(new Set(seen).size).toBe(seen.length);
    expect(original.every((id) => seen.includes(id))).toBe(true);
  });

  it("returns changes since a time, including retractions and deletions, oldest first", async () => {
    const since = new Date();
    const e1 = await t.prisma.event.findUniqueOrThrow({ where: { id: "2024-05-01-insert-0-a" } });
    const r = await transitionEvent(t.prisma, editor, e1.id, e1.version, "retract", "Withdrawn.");
    const e2 = await t.prisma.event.findUniqueOrThrow({ where: { id: "2024-05-01-insert-0-m" } });
    await deleteEvent(t.prisma, editor, e2.id, e2.version);
    const where = { AND: [buildEventWhere(query(""), { forSync: true }), { updatedAt: { gte: since } }] };
    const page = await pageOfEvents(t.prisma, where, "updated", 50, null);
    expect(page.events.map((e) => [e.id, e.status, e.deleted])).toEqual([
      [e1.id, "retracted", false],
      [e2.id, "published", true],
    ]);
    expect(r.version).toBe(e1.version + 1);
  });
});

// The columns as published before the provenance fields: a researcher's script may rely on them.
const EVENT_COLUMNS_V1 =
  "id,url,title,summary,event_type,claim_status,start_date,end_date,date_precision,approximate,place,country_codes,latitude,longitude,actors,item_categories,sanctions_regime,instrument,source_count,source_urls,source_publishers,status,first_published_at,last_changed_at";
const SOURCE_COLUMNS_V1 =
  "event_id,event_url,position,url,publisher,title,published_on,quote,archived_url,author,accessed_on,source_type,language";

async function exportCsv(kind: "events" | "sources", qs = "") {
  const text = await new Response(
    await csvBody(kind, new URLSearchParams(qs), { client: t.prisma, origin: "https://t.example" }),
  ).text();
  return {
    header: text.slice(0, text.indexOf("\r\n")),
    rows: parse(text, { columns: true }) as Record<string, string>[],
    text,
  };
}

describe("provenance columns", () => {
  let sha256: string;
  beforeAll(async () => {
    ({ sha256 } = await createProvenanceEvent(t.prisma, editor));
  });

  it("keep every earlier column's name and place, and add the new ones at the end", async () => {
    const events = await exportCsv("events");
    expect(events.header).toBe(
      `${EVENT_COLUMNS_V1},disputing_source_count,quote_count,verified_quote_count,end_date_precision,related`,
    );
    const sources = await exportCsv("sources");
    expect(sources.header).toBe(`${SOURCE_COLUMNS_V1},note,stance,quote_check,copy_sha256,copy_captured_at`);
  });

  it("/sources.csv: a note is not a quote; stance, quote check and the copy's hash and time per source", async () => {
    const { rows, text } = await exportCsv("sources");
    const mine = rows.filter((r) => r.event_id === PROVENANCE_EVENT_ID);
    expect(
      mine.map((r) => [r.position, r.quote, r.note, r.stance, r.quote_check, r.copy_sha256, r.copy_captured_at]),
    ).toEqual([
      ["1", "", NOTE_ONLY, "supports", "no_quote", "", ""],
      ["2", DENIAL_QUOTE, `'${HOSTILE_NOTE}`, "disputes", "verified", sha256, COPY_CAPTURED_AT],
      ["3", "Shipments by rail began in 2022.", "", "context", "no_copy", "", ""],
    ]);
    expect(text).not.toContain(COPY_ONLY_TEXT); // the copy's text is never exported
  });

  it("/events.csv: counts of disputing sources, quotes and verified quotes", async () => {
    const { rows } = await exportCsv("events");
    const row = rows.find((r) => r.id === PROVENANCE_EVENT_ID)!;
    expect(row).toMatchObject({
      source_count: "3",
      disputing_source_count: "1",
      quote_count: "2",
      verified_quote_count: "1",
    });
    const summit = rows.find((r) => r.id === "2023-09-13-kim-putin-vostochny-summit")!;
    expect(summit.disputing_source_count).toBe("0");
  });

  it("follows a changed quote: one word off and the check says not_found, the copy stays", async () => {
    const e = await t.prisma.event.findUniqueOrThrow({ where: { id: PROVENANCE_EVENT_ID }, include: snapshotInclude });
    const snap = toSnapshot(e);
    snap.sources[1] = { ...snap.sources[1], quote: DENIAL_QUOTE.replace("never", "not") };
    await updateEvent(t.prisma, editor, e.id, e.version, snap, {
      kind: "correction",
      note: "Quote corrected.",
      confirmNotFound: "The copy is of an earlier version of the page.",
    });
    const row = (await exportCsv("sources")).rows.find(
      (r) => r.event_id === PROVENANCE_EVENT_ID && r.position === "2",
    )!;
    expect([row.quote_check, row.copy_sha256, row.copy_captured_at]).toEqual(["not_found", sha256, COPY_CAPTURED_AT]);
  });
});
