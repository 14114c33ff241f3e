// Events written straight into the tables (as an import, a migration or a hand fix could leave
// them) with what tends to break a JSON writer: every escape JSON.stringify makes, characters it
// does not escape, numbers at the edges of both number formats, NULL lists, and every shape of
// date the display string has a rule for. For the byte-level comparison of the SQL-built page
// with presentEvent (lib/api/event-json.integration.test.ts).
import type { PrismaClient } from "../generated/prisma/client";

export const HOSTILE_TEXT = 'q"uote \\back\\slash \u0001\u001f\b\f\n\r\t \u2028\u2029 </script> 💥 é\u007f \ufeff';

type Day = `${number}-${number}-${number}`;
interface Shape {
  start: Day;
  end?: Day;
  precision: "day" | "month" | "year";
  endPrecision?: "day" | "month" | "year";
  approximate?: boolean;
  lat?: number | string | null;
  lng?: number | string | null;
}

// Each row: a date rule of formatEventDate and a pair of numbers PostgreSQL and JavaScript write differently.
const SHAPES: Shape[] = [
  { start: "2023-09-13", precision: "day", lat: 0, lng: "-0" },
  { start: "2019-02-27", end: "2019-02-28", precision: "day", lat: 1e-7, lng: -5e-5 },
  { start: "2022-09-30", end: "2022-11-02", precision: "day", lat: 0.1 + 0.2, lng: -179.99999999999997 },
  { start: "2021-12-30", end: "2022-01-02", precision: "day", lat: 1e-300, lng: 1.5e21 },
  { start: "2020-01-01", end: "2020-03-01", precision: "month", lat: 1e16, lng: 123456789.123 },
  { start: "1994-01-01", end: "1996-01-01", precision: "year", approximate: true, lat: "NaN", lng: "Infinity" },
  { start: "2022-09-01", end: "2022-11-02", precision: "month", endPrecision: "day", lat: "-Infinity", lng: 2.5e-6 },
  { start: "0099-03-04", end: "0099-05-06", precision: "day", lat: 0.000001, lng: 1e-6 * 0.999 },
  {
    start: "2020-01-01",
    end: "2020-01-01",
    precision: "month",
    endPrecision: "day",
    lat: null,
    lng: 9.999999999999999e20,
  },
  { start: "2020-05-05", end: "2020-05-05", precision: "day", approximate: true, lat: -33.8688, lng: 151.2093 },
  { start: "0001-01-01", precision: "year", lat: 90, lng: -180 },
];

// Titles are sort keys, and a cursor refuses C0 controls other than tab, CR and LF (lib/export/keyset.ts).
const HOSTILE_TITLE = HOSTILE_TEXT.replace(/[\u0001\u001f\b\f]/g, "");

export const hostileId = (i: number) => `hostile-${String(i).padStart(2, "0")}`;

/** Adds the hostile events (published, a retracted and a deleted one among them) with actors and sources. */
export async function createHostileEvents(prisma: PrismaClient): Promise<string[]> {
  const actors = await Promise.all(
    ["Zeta", "Alpha", HOSTILE_TEXT].map((name, i) =>
      prisma.actor.create({ data: { slug: `hostile-actor-${i}`, name, kind: "state", aliases: [] } }),
    ),
  );
  const ids: string[] = [];
  for (const [i, s] of SHAPES.entries()) {
    const id = hostileId(i);
    ids.push(id);
    await prisma.event.create({
      data: {
        id,
        title: `${HOSTILE_TITLE} ${i}`,
        summary: i % 2 ? HOSTILE_TEXT : "",
        type: "arms-transfer",
        claimStatus: "alleged",
        startDate: new Date(`${s.start}T00:00:00Z`),
        endDate: s.end ? new Date(`${s.end}T00:00:00Z`) : null,
        precision: s.precision,
        endPrecision: s.endPrecision ?? null,
        approximate: s.approximate ?? false,
        spanStart: new Date(`${s.start}T00:00:00Z`),
        spanEnd: new Date(`${s.end ?? s.start}T00:00:00Z`),
        place: i % 3 ? HOSTILE_TEXT : null,
        countryCodes: i % 4 ? ["KP", HOSTILE_TEXT] : [],
        tags: [HOSTILE_TEXT],
        itemCategories: [],
        sanctionsRegime: i % 2 ? "un_1718" : null,
        instrument: i % 2 ? null : HOSTILE_TEXT,
        status: i === 3 ? "retracted" : "published",
        deleted: i === 5,
        publishedAt: new Date(
          i === 7 ? "0099-01-02T03:04:05.006Z" : `2026-11-30T09:15:0${i % 10}.${String(i * 7).padStart(3, "0")}Z`,
        ),
        searchText: `hostile ${i}`,
        actors: {
          create: [
            { actorId: actors[0].id, role: "target" },
            { actorId: actors[1].id, role: "supplier" },
            { actorId: actors[1].id, role: "initiator" },
            ...(i % 2 ? [{ actorId: actors[2].id, role: "host" as const }] : []),
          ],
        },
        sources: {
          create:
            i % 5 === 4
              ? []
              : [
                  {
                    position: 1,
                    url: null,
                    title: HOSTILE_TEXT,
                    publisher: null,
                    author: HOSTILE_TEXT,
                    publishedOn: "2024",
                    accessedOn: new Date("0999-12-31T00:00:00Z"),
                    sourceType: "dataset",
                    quote: HOSTILE_TEXT,
                    note: null,
                    stance: "disputes",
                    language: "ko",
                  },
                  {
                    position: 0,
                    url: 'https://example.org/a?b="c"&d=<e>',
                    title: "First",
                    publisher: HOSTILE_TEXT,
                    sourceType: "news",
                    quote: null,
                    note: HOSTILE_TEXT,
                    stance: "context",
                  },
                ],
        },
      },
    });
    // Values Prisma would not write (or writes as written): IEEE specials, -0 and NULL lists.
    await prisma.$executeRawUnsafe(
      `UPDATE event SET latitude = $1::float8, longitude = $2::float8 WHERE id = $3`,
      s.lat === null || s.lat === undefined ? null : String(s.lat),
      s.lng === null || s.lng === undefined ? null : String(s.lng),
      id,
    );
  }
  await prisma.$executeRawUnsafe(`UPDATE event SET country_codes = NULL, tags = NULL WHERE id = $1`, hostileId(2));
  return ids;
}
