// The feed of a view (/events.atom?<the /events parameters>) holds the events /events lists for
// the same parameters, and their corrections and retractions; bad filters get a 400, never the
// feed of another view.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/roles";
import { transitionEvent, updateEvent } from "../events/mutations";
import { listEvents } from "../events/queries";
import { parseEventQuery } from "../events/query-params";
import { snapshotInclude, toSnapshot } from "../events/snapshot";
import { createSessionUser, setUpTestDatabase } from "../testing/test-database";

const t = setUpTestDatabase({ seed: true });
let editor: SessionUser;

beforeAll(async () => {
  editor = await createSessionUser(t.prisma, "editor", "feed-editor@example.org", "Ed");
});

async function fetchFeed(search: string) {
  const { GET } = await import("../../app/events.atom/route");
  return GET(new Request(`http://localhost/events.atom${search}`));
}

interface Entry {
  eventId: string;
  kind: string;
  title: string;
}

/** The feed's entries as a feed reader reads them: the event each links and the change it reports. */
async function entriesOf(search: string): Promise<{ xml: string; entries: Entry[] }> {
  const res = await fetchFeed(search);
  expect(res.status).toBe(200);
  const xml = await res.text();
  const entries = xml
    .split("<entry>")
    .slice(1)
    .map((e) => ({
      eventId: /<link rel="alternate" type="text\/html" href="[^"]*\/events\/([^"]+)"\/>/.exec(e)![1],
      kind: /<category term="(\w+)"\/>/.exec(e)![1],
      title: /<title>([^<]*)<\/title>/.exec(e)![1],
    }));
  return { xml, entries };
}

/** What /events lists for the same parameters (every page). */
async function viewIds(search: string, extra = "") {
  const { query } = parseEventQuery(new URLSearchParams(`${search.slice(1)}${extra}`));
  const { rows, total } = await listEvents({ ...query, page: 1, pageSize: 100 });
  expect(total).toBeLessThanOrEqual(100);
  return new Set(rows.map((r) => r.id));
}

const retractedIds = async () =>
  new Set((await t.prisma.event.findMany({ where: { status: "retracted" }, select: { id: true } })).map((e) => e.id));

describe("the feed of a view", () => {
  const views = [
    "?type=sanctions-blocked",
    "?actor=sergei-lavrov",
    "?from=2023&to=2023-12",
    "?q=Vostochny",
    "?type=summit-meeting&type=statement-warning",
    "?claim=alleged",
    "?actor=kim-jong-un&from=2023-06",
    "?type=arms-transfer&retracted=include",
  ];
  for (const search of views) {
    it(`holds exactly the events /events lists for ${search}`, async () => {
      const all = (await listEvents({ ...parseEventQuery({}).query, pageSize: 100 })).total;
      const expected = await viewIds(search);
      const { entries } = await entriesOf(search);
      // A retracted event stays in its feed (its retraction is news), though /events hides it by default.
      const retracted = await retractedIds();
      const fed = new Set(
        entries.map((e) => e.eventId).filter((id) => search.includes("retracted=include") || !retracted.has(id)),
      );
      expect(expected.size, `${search} selects some events, not all`).toBeGreaterThan(0);
      expect(expected.size).toBeLessThan(all);
      expect(entries.length).toBeLessThan(50); // the whole view's history fits in the feed
      expect([...fed].sort()).toEqual([...expected].sort());
    });
  }

  it("ignores sort and paging, which only arrange a page", async () => {
    const plain = await entriesOf("?type=sanctions-blocked");
    const paged = await entriesOf("?type=sanctions-blocked&sort=title&page=3&pageSize=5");
    expect(paged.entries).toEqual(plain.entries);
  });

  it("names its view in its id and self link, one id per normalised query", async () => {
    const a = await entriesOf("?type=summit-meeting&type=statement-warning&page=2");
    const b = await entriesOf("?type=statement-warning,summit-meeting");
    const id = (xml: string) => /<feed[^>]*>\s*<id>([^<]+)<\/id>/.exec(xml)![1];
    const self = (xml: string) => /<link rel="self" type="application\/atom\+xml" href="([^"]+)"\/>/.exec(xml)![1];
    expect(id(a.xml)).toBe(id(b.xml));
    expect(self(a.xml)).toBe(id(a.xml));
    expect(new URL(self(a.xml).replaceAll("&amp;", "&")).searchParams.getAll("type")).toEqual([
      "statement-warning",
      "summit-meeting",
    ]);
    expect(id((await entriesOf("?type=sanctions-blocked")).xml)).not.toBe(id(a.xml));
    expect(id((await entriesOf("")).xml)).toMatch(/\/events\.atom$/);
  });

  it("reports a correction and a retraction of an event in the view, and nothing of events outside it", async () => {
    const inView = [...(await viewIds("?type=sanctions-blocked"))][0];
    const outside = await t.prisma.event.findFirstOrThrow({
      where: { status: "published", type: { not: "sanctions-blocked" } },
    });
    const target = await t.prisma.event.findUniqueOrThrow({ where: { id: inView } });
    const { version } = await updateEvent(
      t.prisma,
      editor,
      inView,
      target.version,
      { ...(await editable(inView)), summary: "Corrected summary for the feed test." },
      { kind: "correction", note: "FEED-TEST correction" },
    );
    await updateEvent(
      t.prisma,
      editor,
      outside.id,
      outside.version,
      { ...(await editable(outside.id)), summary: "Outside the view." },
      { kind: "correction", note: "OUTSIDE-VIEW correction" },
    );
    let { entries, xml } = await entriesOf("?type=sanctions-blocked");
    expect(entries[0]).toEqual({ eventId: inView, kind: "correction", title: `Corrected: ${target.title}` });
    expect(xml).toContain("FEED-TEST correction");
    expect(xml).not.toContain("OUTSIDE-VIEW");

    await transitionEvent(t.prisma, editor, inView, version, "retract", "FEED-TEST retraction reason");
    ({ entries, xml } = await entriesOf("?type=sanctions-blocked"));
    expect(entries[0]).toEqual({ eventId: inView, kind: "retract", title: `Retracted: ${target.title}` });
    expect(xml).toContain("Retracted: FEED-TEST retraction reason");
    expect(await viewIds("?type=sanctions-blocked")).not.toContain(inView); // it has left the view's page
  });

  it("answers 400 with /events's own words to a filter /events would ignore or change", async () => {
    for (const [search, words] of [
      ["?type=alien-invasion", "Ignored unknown event type “alien-invasion”."],
      ["?from=notadate", "use YYYY, YYYY-MM or YYYY-MM-DD"],
      ["?actor=Not%20A%20Slug", "Ignored malformed actor"],
    ]) {
      const res = await fetchFeed(search);
      expect(res.status, search).toBe(400);
      expect(res.headers.get("content-type")).toContain("text/plain");
      expect(await res.text()).toContain(words);
    }
    expect((await fetchFeed("?sort=evil&page=-5&pageSize=100000&utm_source=x")).status).toBe(200);
  });
});

/** An event's current fields in the form updateEvent takes. */
const editable = async (id: string) =>
  toSnapshot(await t.prisma.event.findUniqueOrThrow({ where: { id }, include: snapshotInclude }));
