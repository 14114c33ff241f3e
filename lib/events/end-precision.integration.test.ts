// An end known to another precision than the start, written and read through every path that
// carries it: the editor's mutations and their revisions, the JSON API and the CSV export.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { handleGetEvent } from "../api/events";
import { apiEventSchema } from "../api/schemas";
import type { SessionUser } from "../auth/roles";
import { csvBody } from "../export/csv-response";
import { createSessionUser, setUpTestDatabase } from "../testing/test-database";
import { createEvent, updateEvent } from "./mutations";
import type { EventInput } from "./schemas";
import { snapshotInclude, toSnapshot } from "./snapshot";

const ORIGIN = "https://tracker.example";
const MIXED = "2022-09-us-says-shells-mixed";
const MONTHS = "2022-09-us-says-shells-by-month";
const t = setUpTestDatabase();
let editor: SessionUser;

const event = (
  id: string,
  date: Pick<EventInput, "startDate" | "endDate" | "precision" | "endPrecision">,
): EventInput => ({
  id,
  title: "US says shells were shipped to Russia",
  summary: "The White House said so.",
  type: "arms-transfer",
  claimStatus: "alleged",
  approximate: false,
  countryCodes: ["KP", "RU"],
  tags: [],
  itemCategories: [],
  status: "published",
  actors: [],
  sources: [
    {
      url: "https://example.org/kirby",
      title: "Briefing",
      sourceType: "official",
      stance: "supports",
      quote: "Shells were shipped.",
      language: "en",
    },
  ],
  ...date,
});

beforeAll(async () => {
  editor = await createSessionUser(t.prisma, "editor", "ed@example.org", "Ed");
  await createEvent(
    t.prisma,
    editor,
    event(MIXED, { startDate: "2022-09-01", endDate: "2022-11-02", precision: "month", endPrecision: "day" }),
  );
  await createEvent(
    t.prisma,
    editor,
    event(MONTHS, { startDate: "2022-09-01", endDate: "2022-11-01", precision: "month" }),
  );
});

const stored = (id: string) => t.prisma.event.findUniqueOrThrow({ where: { id }, include: snapshotInclude });

describe("an end known to another precision than the start", () => {
  it("is stored with the span from the month's first day to the exact end, and in the revision", async () => {
    expect(await stored(MIXED)).toMatchObject({
      precision: "month",
      endPrecision: "day",
      endDate: new Date("2022-11-02"),
      spanStart: new Date("2022-09-01"),
      spanEnd: new Date("2022-11-02"),
    });
    expect(toSnapshot(await stored(MIXED))).toMatchObject({ precision: "month", endPrecision: "day" });
    const revision = await t.prisma.revision.findFirstOrThrow({ where: { eventId: MIXED } });
    expect(revision.snapshot).toMatchObject({ endPrecision: "day" });
  });

  it("leaves an event without one as before: no column value, no key in its snapshot", async () => {
    expect(await stored(MONTHS)).toMatchObject({ endPrecision: null, spanEnd: new Date("2022-11-30") });
    expect(toSnapshot(await stored(MONTHS))).not.toHaveProperty("endPrecision");
  });

  it("changes nothing when saved again, even when the form spells out the start's precision for the end", async () => {
    const e = await stored(MONTHS);
    const again = await updateEvent(
      t.prisma,
      editor,
      MONTHS,
      e.version,
      { ...toSnapshot(e), endPrecision: "month" },
      { kind: "update", note: "No change." },
    );
    expect(again).toMatchObject({ unchanged: true });
    const m = await stored(MIXED);
    expect(
      await updateEvent(t.prisma, editor, MIXED, m.version, toSnapshot(m), { kind: "update", note: "No change." }),
    ).toMatchObject({ unchanged: true });
  });

  it("is recorded as a correction of endPrecision and endDate when an editor makes the end exact", async () => {
    const e = await stored(MONTHS);
    await updateEvent(
      t.prisma,
      editor,
      MONTHS,
      e.version,
      { ...toSnapshot(e), endDate: "2022-11-02", endPrecision: "day" },
      { kind: "correction", note: "The end is known to the day." },
    );
    const last = await t.prisma.revision.findFirstOrThrow({ where: { eventId: MONTHS }, orderBy: { id: "desc" } });
    expect(last.changes).toEqual([
      { field: "endDate", from: "2022-11-01", to: "2022-11-02" },
      { field: "endPrecision", from: null, to: "day" },
    ]);
    expect(await stored(MONTHS)).toMatchObject({ spanEnd: new Date("2022-11-02") });
    // Put back for the tests below.
    const now = await stored(MONTHS);
    await updateEvent(
      t.prisma,
      editor,
      MONTHS,
      now.version,
      { ...toSnapshot(now), endDate: "2022-11-01", endPrecision: undefined },
      { kind: "correction", note: "Back." },
    );
  });

  it("reaches the API as date.endPrecision, null when the end is as precise as the start", async () => {
    const get = async (id: string) =>
      apiEventSchema.parse(await (await handleGetEvent(new Request(`${ORIGIN}/api/v1/events/${id}`), id)).json()).date;
    expect(await get(MIXED)).toEqual({
      start: "2022-09-01",
      end: "2022-11-02",
      precision: "month",
      endPrecision: "day",
      approximate: false,
      display: "September 2022 – 2 November 2022",
    });
    expect(await get(MONTHS)).toMatchObject({
      precision: "month",
      endPrecision: null,
      display: "September 2022 – November 2022",
    });
  });

  it("reaches /events.csv as end_date_precision, empty when the end is as precise as the start", async () => {
    const text = await new Response(
      await csvBody("events", new URLSearchParams(), { client: t.prisma, origin: ORIGIN }),
    ).text();
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.id, r.date_precision, r.end_date, r.end_date_precision]).sort()).toEqual(
      [
        [MONTHS, "month", "2022-11-01", ""],
        [MIXED, "month", "2022-11-02", "day"],
      ].sort(),
    );
  });
});
