// The record as of a moment equals what an export taken at that moment said. A sequence of
// publishes, corrections, retractions and deletions runs at known times; after each step the
// test downloads today's exports (the COPY CSVs, the API's list and each event's API answer);
// at the end it asks for as_of each of those moments and compares. The one field allowed to
// differ is the last-change time of an event changed later, by at most a second: the stored
// row's time is written a few milliseconds after its revision's (lib/as-of/past-events.ts).
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/roles";
import { createEvent, deleteEvent, transitionEvent, updateEvent } from "../events/mutations";
import { csvResponse } from "../export/csv-response";
import { handleGetEvent, handleListEvents } from "../api/events";
import { createProvenanceEvent, PROVENANCE_EVENT_ID } from "../testing/provenance-export-fixture";
import { setUpTestDatabase } from "../testing/test-database";
import { listEvents } from "../events/queries";
import { parseEventQuery } from "../events/query-params";
import { listEventsAsOf } from "./list";
import { asOfCsvResponse, asOfEventResponse, asOfListResponse } from "./responses";

const ORIGIN = "https://tracker.example";
const t = setUpTestDatabase();
let editor: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  process.env.PUBLIC_URL = ORIGIN;
  const e = await t.prisma.user.create({ data: { email: "ed@example.org", name: "Ed", role: "editor" } });
  const a = await t.prisma.user.create({ data: { email: "ad@example.org", name: "Ad", role: "admin" } });
  editor = { id: e.id, email: e.email, name: e.name, role: "editor" };
  admin = { id: a.id, email: a.email, name: a.name, role: "admin" };
  await t.prisma.actor.createMany({
    data: [
      { slug: "state-a", name: "State A", kind: "state", aliases: ["Alpha"] },
      { slug: "state-b", name: "State B", kind: "state", aliases: [] },
      { slug: "envoy-c", name: "Envoy C", kind: "person", aliases: [] },
    ],
  });
  // An actor merged into State B: its old slug still filters (actor_redirect).
  const b = await t.prisma.actor.findUniqueOrThrow({ where: { slug: "state-b" } });
  await t.prisma.actorRedirect.create({ data: { oldSlug: "state-bee", actorId: b.id } });
}, 60_000);

const source = (n: number, extra: object = {}) => ({
  url: `https://news.example/${n}`,
  title: `Report ${n}`,
  publisher: `Paper ${n}`,
  sourceType: "news",
  quote: `Words of report ${n}.`,
  language: "en",
  ...extra,
});
const input = (id: string, title: string, extra: object = {}) => ({
  id,
  title,
  summary: `Summary of ${title}.`,
  type: "summit-meeting",
  claimStatus: "confirmed",
  startDate: "2023-09-13",
  precision: "day",
  status: "published",
  countryCodes: ["KP"],
  tags: ["t1"],
  itemCategories: [],
  actors: [
    { actor: "state-a", role: "host" },
    { actor: "envoy-c", role: "participant" },
  ],
  sources: [source(1), source(2, { stance: "context" })],
  ...extra,
});
const version = async (id: string) => (await t.prisma.event.findUniqueOrThrow({ where: { id } })).version;

// Each view compared: filters, sorts and retracted events included or not.
const QUERIES = [
  "",
  "retracted=include",
  "sort=title",
  "retracted=include&sort=-title",
  "q=alpha",
  "actor=state-b&retracted=include",
  "actor=state-bee",
  "type=summit-meeting&from=2023-09&to=2024",
];
const ids = ["2023-09-13-a", "2023-10-01-b", "2022-01-c", "2021-05-d", PROVENANCE_EVENT_ID];

interface Snapshot {
  at: Date;
  csv: Record<string, string>;
  api: Record<string, unknown>;
  one: Record<string, { status: number; body: unknown }>;
  /** /events' pages of two rows, for each query. */
  pages: Record<string, unknown[]>;
}
const snapshots: Snapshot[] = [];
const req = (path: string) => new Request(`${ORIGIN}${path}`);

async function takeSnapshot(): Promise<void> {
  await new Promise((r) => setTimeout(r, 15));
  const snap: Snapshot = { at: new Date(), csv: {}, api: {}, one: {}, pages: {} };
  for (const q of QUERIES) {
    for (const kind of ["events", "sources"] as const)
      snap.csv[`${kind}?${q}`] = await (await csvResponse(req(`/${kind}.csv?${q}`), kind, { client: t.prisma })).text();
    snap.api[q] = await (await handleListEvents(req(`/api/v1/events?limit=100&include=count&${q}`))).json();
  }
  for (const q of QUERIES) snap.pages[q] = await pagesOf((query) => listEvents(query, t.prisma), q);
  snap.api["paged"] = await pagedApi((c) => handleListEvents(req(`/api/v1/events?limit=2&retracted=include${c}`)));
  for (const id of ids) {
    const res = await handleGetEvent(req(`/api/v1/events/${id}`), id);
    snap.one[id] = { status: res.status, body: await res.json() };
  }
  snapshots.push(snap);
  await new Promise((r) => setTimeout(r, 15));
}

/** Every page of two rows of /events for `q`, with the page past the end (which shows the last). */
async function pagesOf(
  list: (query: ReturnType<typeof parseEventQuery>["query"]) => Promise<unknown>,
  q: string,
): Promise<unknown[]> {
  const pages: unknown[] = [];
  for (let page = 1; page <= 5; page++)
    pages.push(await list(parseEventQuery(new URLSearchParams(`${q}&pageSize=2&page=${page}`)).query));
  return pages;
}

async function pagedApi(get: (cursor: string) => Promise<Response>): Promise<unknown[]> {
  const pages: unknown[] = [];
  let cursor: string | null = "";
  while (cursor !== null) {
    const body = (await (await get(cursor ? `&cursor=${cursor}` : "")).json()) as {
      data: unknown[];
      nextCursor: string | null;
    };
    pages.push(...body.data);
    cursor = body.nextCursor;
  }
  return pages;
}

// lastChangedAt / last_changed_at within a second of the download's; everything else exact.
function sameRecord(asOf: unknown, then: unknown, where: string): void {
  const times: [string, string][] = [];
  const strip = (v: unknown, into: string[]): unknown => {
    if (Array.isArray(v)) return v.map((x) => strip(x, into));
    if (v && typeof v === "object")
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) =>
          k === "lastChangedAt" ? (into.push(String(x)), [k, "…"]) : [k, strip(x, into)],
        ),
      );
    return v;
  };
  const a: string[] = [];
  const b: string[] = [];
  expect(strip(asOf, a), where).toEqual(strip(then, b));
  a.forEach((x, i) => times.push([x, b[i]]));
  for (const [x, y] of times)
    expect(Math.abs(Date.parse(x) - Date.parse(y)), `${where}: ${x} vs ${y}`).toBeLessThan(1000);
}

function sameCsv(asOf: string, then: string, where: string): void {
  const [ha, ...ra] = parse(asOf.replace(/^\ufeff/, ""), { relax_column_count: true }) as string[][];
  const [hb, ...rb] = parse(then.replace(/^\ufeff/, ""), { relax_column_count: true }) as string[][];
  expect(ha, where).toEqual(hb);
  const col = ha.indexOf("last_changed_at");
  const cut = (rows: string[][]) => rows.map((r) => r.filter((_, i) => i !== col));
  expect(cut(ra), where).toEqual(cut(rb));
  if (col >= 0)
    ra.forEach((r, i) => expect(Math.abs(Date.parse(r[col]) - Date.parse(rb[i][col])), where).toBeLessThan(1000));
  // Byte for byte once those cells are set aside: same quoting, same line ends.
  if (col < 0) expect(asOf, where).toBe(then);
}

describe("as_of", () => {
  it("equals, at each moment of a history of publishes, corrections, retractions and deletions, the exports taken then", async () => {
    await takeSnapshot(); // nothing yet
    await createEvent(t.prisma, editor, input("2023-09-13-a", "Summit A"));
    await takeSnapshot();
    await createProvenanceEvent(t.prisma, editor);
    await createEvent(
      t.prisma,
      editor,
      input("2023-10-01-b", "Visit B", {
        status: "draft",
        startDate: "2023-10-01",
        actors: [{ actor: "state-b", role: "host" }],
      }),
    );
    await takeSnapshot(); // B is a draft: absent
    await transitionEvent(t.prisma, editor, "2023-10-01-b", await version("2023-10-01-b"), "publish");
    await createEvent(
      t.prisma,
      editor,
      input("2022-01-c", "Talks C", {
        startDate: "2022-01-01",
        precision: "month",
        actors: [{ actor: "state-b", role: "initiator" }],
      }),
    );
    await createEvent(
      t.prisma,
      editor,
      input("2021-05-d", "Deal D", { startDate: "2021-05-01", precision: "month", type: "diplomatic-process" }),
    );
    await takeSnapshot();
    // A correction: title, dates, a source's quote, and an actor swapped.
    await updateEvent(
      t.prisma,
      editor,
      "2023-09-13-a",
      await version("2023-09-13-a"),
      {
        ...input("2023-09-13-a", "Summit A (corrected)", {
          startDate: "2023-09-12",
          endDate: "2023-09-14",
          actors: [{ actor: "state-b", role: "host" }],
          sources: [source(1, { quote: "Corrected words." }), source(3, { stance: "disputes" })],
        }),
      },
      { kind: "correction", note: "Dates were a day off." },
    );
    const prov = await t.prisma.event.findUniqueOrThrow({
      where: { id: PROVENANCE_EVENT_ID },
      include: { sources: { orderBy: { position: "asc" } } },
    });
    const snap = (
      await t.prisma.revision.findFirstOrThrow({ where: { eventId: PROVENANCE_EVENT_ID }, orderBy: { id: "desc" } })
    ).snapshot as { sources: object[] };
    // The disputing source's quote no longer in its copy: its check changes.
    await updateEvent(
      t.prisma,
      editor,
      PROVENANCE_EVENT_ID,
      prov.version,
      { ...snap, sources: snap.sources.map((s, i) => (i === 1 ? { ...s, quote: "never supplied munitions" } : s)) },
      { kind: "update", note: "Shorter quote." },
    );
    await takeSnapshot();
    await transitionEvent(
      t.prisma,
      editor,
      "2023-10-01-b",
      await version("2023-10-01-b"),
      "retract",
      "The visit did not happen.",
    );
    await takeSnapshot();
    await deleteEvent(t.prisma, admin, "2022-01-c", await version("2022-01-c"), "Duplicate.");
    await updateEvent(
      t.prisma,
      editor,
      "2021-05-d",
      await version("2021-05-d"),
      input("2021-05-d", "Deal D, signed", { startDate: "2021-05-01", precision: "month", type: "diplomatic-process" }),
      { kind: "update", note: "Signed." },
    );
    await takeSnapshot();
    await deleteEvent(t.prisma, admin, "2023-09-13-a", await version("2023-09-13-a"), "Merged elsewhere.");
    await takeSnapshot();

    for (const [n, s] of snapshots.entries()) {
      const asOf = encodeURIComponent(s.at.toISOString());
      for (const [key, then] of Object.entries(s.csv)) {
        const [kind, q] = key.split("?") as ["events" | "sources", string];
        const res = await asOfCsvResponse(req(`/${kind}.csv?${q}&as_of=${asOf}`), kind, {
          client: t.prisma,
          origin: ORIGIN,
        });
        expect(res.status).toBe(200);
        sameCsv(await res.text(), then, `moment ${n} ${key}`);
      }
      for (const q of QUERIES) {
        const res = await asOfListResponse(req(`/api/v1/events?limit=100&include=count&${q}&as_of=${asOf}`), {
          client: t.prisma,
          origin: ORIGIN,
        });
        expect(res.status).toBe(200);
        sameRecord(await res.json(), s.api[q], `moment ${n} api ${q}`);
      }
      for (const q of QUERIES)
        expect(
          await pagesOf((query) => listEventsAsOf(query, s.at, t.prisma), q),
          `moment ${n} /events pages ${q}`,
        ).toEqual(s.pages[q]);
      const paged = await pagedApi((c) =>
        asOfListResponse(req(`/api/v1/events?limit=2&retracted=include&as_of=${asOf}${c}`), {
          client: t.prisma,
          origin: ORIGIN,
        }),
      );
      sameRecord(paged, s.api["paged"], `moment ${n} api paged`);
      for (const id of ids) {
        const res = await asOfEventResponse(req(`/api/v1/events/${id}?as_of=${asOf}`), id, {
          client: t.prisma,
          origin: ORIGIN,
        });
        const then = s.one[id];
        expect(res.status, `moment ${n} ${id}`).toBe(then.status);
        if (then.status !== 404) sameRecord(await res.json(), then.body, `moment ${n} ${id}`);
      }
    }
  }, 120_000);

  it("answers a future or unreadable as_of with a 400 naming the parameter", async () => {
    const hostile = [
      "2999-01-01",
      "yesterday",
      "2026-02-30",
      "%00",
      "2026-11-30T23:59:60Z",
      "99999-01-01",
      "0000-12-31",
      "-2026-01-01",
      "2026-11-30T10:00+99:99",
      "'; DROP TABLE revision; --",
      "x".repeat(5000),
    ];
    // The last: a lone surrogate's bytes, which decode to U+FFFD.
    for (const bad of [...hostile.map(encodeURIComponent), "%ED%A0%80"]) {
      const api = await asOfListResponse(req(`/api/v1/events?as_of=${bad}`), { client: t.prisma });
      expect(api.status).toBe(400);
      expect(((await api.json()) as { error: { parameters: string[] } }).error.parameters).toContain("as_of");
      const csv = await asOfCsvResponse(req(`/events.csv?as_of=${bad}`), "events", { client: t.prisma });
      expect(csv.status).toBe(400);
      expect(await csv.text()).toMatch(/as_of/);
      const one = await asOfEventResponse(
        req(`/api/v1/events/${PROVENANCE_EVENT_ID}?as_of=${bad}`),
        PROVENANCE_EVENT_ID,
        { client: t.prisma },
      );
      expect(one.status).toBe(400);
    }
  });
});
