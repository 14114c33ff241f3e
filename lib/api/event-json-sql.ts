// The API's event JSON written by PostgreSQL, byte for byte what JSON.stringify(presentEvent(…))
// gives (lib/api/present.ts stays the reference; a test compares the two on the seed and on
// hostile rows). The text is built by concatenation rather than json_build_object/json_agg,
// which put spaces and newlines between members; to_json(text) escapes strings exactly as
// JSON.stringify does (", \, \b \f \n \r \t, other controls as \u00xx). Every expression reads
// the event as `e` and its export-ready row (event_export, LEFT JOINed) as `x`.
import { Prisma } from "../generated/prisma/client";
import { RELATED_JSON_SQL } from "../export/related-sql";
import type { ApiField } from "./fields";

const str = (expr: string) => `coalesce(to_json(${expr})::text, 'null')`;
/** A Prisma DateTime (timestamp(3), UTC) as Date.toISOString() writes it. */
const iso = (expr: string) => `coalesce(to_json(to_char(${expr}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text, 'null')`;
// A NULL list (the columns allow it) is null, as in the rows documents.ts reads.
const list = (expr: string) => `coalesce(array_to_json(${expr})::text, 'null')`;
const day = (expr: string) => `coalesce(to_json(to_char(${expr}, 'YYYY-MM-DD'))::text, 'null')`;

/**
 * A float8 as JavaScript writes a number. Both write the shortest digits that read back the same
 * value, but PostgreSQL switches to an exponent below 1e-4 and from 1e15 and pads it to two
 * digits; JavaScript only below 1e-6 and from 1e21, unpadded. -0 is 0 and NaN/Infinity are null,
 * as in JSON.stringify.
 */
const num = (
  c: string,
) => `CASE WHEN ${c} IS NULL OR ${c} IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8) THEN 'null'
  WHEN ${c} = 0 THEN '0'
  WHEN abs(${c}) < 1e-6::float8 OR abs(${c}) >= 1e21::float8 THEN replace(${c}::text, 'e-0', 'e-')
  ELSE ${c}::text::numeric::text END`;

const object = (members: [string, string][]) =>
  `'{' || ${members.map(([k, v], i) => `'${i ? "," : ""}"${k}":' || ${v}`).join(" || ")} || '}'`;
/** `[…]` of the rows' objects in order, or [] when there are none. */
const array = (element: string, from: string, order: string) =>
  `coalesce((SELECT '[' || string_agg(${element}, ',' ORDER BY ${order}) || ']' ${from}), '[]')`;

/** formatEventDate (lib/events/date-span.ts) in SQL: "13 September 2023", "27–28 February 2019", "c. 1994"… */
const oneDate = (d: string, p: string) => `CASE ${p} WHEN 'year' THEN extract(year FROM ${d})::int::text
  WHEN 'month' THEN to_char(${d}, 'FMMonth') || ' ' || extract(year FROM ${d})::int::text
  ELSE extract(day FROM ${d})::int::text || ' ' || to_char(${d}, 'FMMonth') || ' ' || extract(year FROM ${d})::int::text END`;
const END_PRECISION = "coalesce(e.end_precision, e.precision)::text";
const DISPLAY = `CASE WHEN e.approximate THEN 'c. ' ELSE '' END || CASE
  WHEN e.end_date IS NULL OR (e.end_date = e.start_date AND ${END_PRECISION} = e.precision::text) THEN ${oneDate("e.start_date", "e.precision::text")}
  WHEN ${END_PRECISION} <> e.precision::text THEN ${oneDate("e.start_date", "e.precision::text")} || ' – ' || ${oneDate("e.end_date", END_PRECISION)}
  WHEN e.precision = 'day' AND to_char(e.start_date, 'YYYY-MM') = to_char(e.end_date, 'YYYY-MM') THEN extract(day FROM e.start_date)::int::text || '–' || ${oneDate("e.end_date", END_PRECISION)}
  WHEN e.precision = 'day' AND to_char(e.start_date, 'YYYY') = to_char(e.end_date, 'YYYY') THEN replace(${oneDate("e.start_date", "e.precision::text")}, ' ' || to_char(e.start_date, 'YYYY'), '') || ' – ' || ${oneDate("e.end_date", END_PRECISION)}
  ELSE ${oneDate("e.start_date", "e.precision::text")} || ' – ' || ${oneDate("e.end_date", END_PRECISION)} END`;

const ACTOR = object([
  ["slug", str("a.slug")],
  ["name", str("a.name")],
  ["role", str("ea.role::text")],
]);
const SOURCE = object([
  ["url", str("s.url")],
  ["title", str("s.title")],
  ["publisher", str("s.publisher")],
  ["author", str("s.author")],
  ["publishedOn", str("s.published_on")],
  ["accessedOn", day("s.accessed_on")],
  ["sourceType", str("s.source_type::text")],
  ["quote", str("s.quote")],
  ["note", str("s.note")],
  ["stance", str("s.stance::text")],
  ["quoteCheck", str("s.quote_check::text")],
  ["archivedUrl", str("s.archived_url")],
  ["language", str("s.language")],
  [
    "copy",
    `CASE WHEN c.id IS NULL THEN 'null' ELSE ${object([
      ["sha256", str("c.sha256")],
      ["capturedAt", iso("c.captured_at")],
    ])} END`,
  ],
]);

/** Each top-level member's value as JSON text. `url` needs the public origin, a parameter. */
const MEMBERS: Record<Exclude<ApiField, "url">, string> = {
  id: str("e.id"),
  title: str("e.title"),
  summary: str("e.summary"),
  eventType: str("e.type"),
  claimStatus: str("e.claim_status::text"),
  date: object([
    ["start", day("e.start_date")],
    ["end", day("e.end_date")],
    ["precision", str("e.precision::text")],
    ["endPrecision", str("e.end_precision::text")],
    ["approximate", "CASE WHEN e.approximate THEN 'true' ELSE 'false' END"],
    ["display", str(DISPLAY)],
  ]),
  place: str("e.place"),
  countryCodes: list("e.country_codes"),
  latitude: num("e.latitude"),
  longitude: num("e.longitude"),
  tags: list("e.tags"),
  itemCategories: list("e.item_categories"),
  sanctionsRegime: str("e.sanctions_regime::text"),
  instrument: str("e.instrument"),
  // From the export-ready row `x` (event_export, kept by triggers in the writing transaction, as
  // compact JSON in this shape); built here only for an event that has none (yet).
  actors: `coalesce(x.actors_json::text, ${array(ACTOR, "FROM event_actor ea JOIN actor a ON a.id = ea.actor_id WHERE ea.event_id = e.id", "a.name, ea.role")})`,
  sources: `coalesce(x.sources_json::text, ${array(SOURCE, "FROM source s LEFT JOIN capture c ON c.id = s.capture_id WHERE s.event_id = e.id", "s.position")})`,
  related: RELATED_JSON_SQL,
  disputingSourceCount:
    "coalesce(x.disputing_source_count, (SELECT count(*) FROM source s WHERE s.event_id = e.id AND s.stance = 'disputes'))::text",
  status: str("e.status::text"),
  firstPublishedAt: iso("e.published_at"),
  lastChangedAt: iso("e.updated_at"),
};

/**
 * The members export_refresh keeps in the export-ready row (event_export.api_members), in this
 * order: every member but url (the request's origin) and related (whether a link shows follows
 * the other event's status, so it is read when the page is written; see lib/export/related-sql.ts).
 * The migration that writes them holds these very expressions, generated from MEMBERS (see
 * storedMembersSql); event-json-members.integration.test.ts fails if the two ever differ. So a
 * change to a member, or a new one, takes a migration that restates export_refresh with
 * storedMembersSql()'s new text and refills the column, as the export_api_members one does.
 */
export const STORED_MEMBERS = (Object.keys(MEMBERS) as (keyof typeof MEMBERS)[]).filter((f) => f !== "related");

/** The stored members as one text[] expression over `e` and `x`, as export_refresh writes them. */
export const storedMembersSql = () => `ARRAY[${STORED_MEMBERS.map((f) => MEMBERS[f]).join(",\n")}]`;

/**
 * The related member with the export-ready row `x`: read only where a link leads from the event
 * (has_links, the CSV's flag) or to it (one index probe), else []. Incoming links are probed
 * here rather than kept as a flag: keeping one would make a link lock and refresh its to-event
 * too, which lets two saves linking each other's events deadlock (see the export_has_links
 * migration).
 */
const STORED_RELATED = `CASE WHEN x.has_links OR EXISTS (SELECT 1 FROM event_relation l WHERE l.to_event_id = e.id) THEN ${RELATED_JSON_SQL} ELSE '[]' END`;

const TOMBSTONE = object([
  ["id", str("e.id")],
  ["deleted", "'true'"],
  ["lastChangedAt", iso("e.updated_at")],
]);

/**
 * The stored members of `x` as `xm.members`, decompressed once per row. PostgreSQL keeps most
 * rows' api_members compressed in the row, and every subscript of the column decompresses the
 * whole array again: 20 members × 25 rows took ~0.8 ms of the server's CPU per full-shape page
 * (measured on 100,000 events). The slice makes one plain copy, and OFFSET 0 keeps the planner
 * from folding it back into each subscript.
 */
export const STORED_MEMBERS_JOIN = `LEFT JOIN LATERAL (SELECT x.api_members[1:${STORED_MEMBERS.length}] AS members OFFSET 0) xm ON true`;

/** Member f from the export-ready row (`stored`, with STORED_MEMBERS_JOIN) or built from the event's rows. */
function memberSql(f: Exclude<ApiField, "url">, stored: boolean): string {
  if (!stored) return MEMBERS[f];
  if (f === "related") return STORED_RELATED;
  return `xm.members[${STORED_MEMBERS.indexOf(f) + 1}]`;
}

/**
 * The JSON text of event `e` with the given members in the given order; a deleted event (only
 * ever listed for sync) is its tombstone, as presentEvent gives it, whatever fields were asked.
 * `stored` reads the members the export-ready row `x` keeps (through STORED_MEMBERS_JOIN), which
 * every event has once its writing transaction commits: a short statement, quick to parse and
 * plan. Its text is NULL for an event without one (its members are NULL), which then needs the
 * statement built without.
 */
export function eventJsonSql(fields: readonly ApiField[], origin: string, { stored = false } = {}): Prisma.Sql {
  const parts: Prisma.Sql[] = fields.map((f, i) => {
    const key = Prisma.raw(`'${i ? "," : "{"}"${f}":' || `);
    return f === "url"
      ? Prisma.sql`${key}coalesce(to_json(${origin}::text || '/events/' || e.id)::text, 'null')`
      : Prisma.sql`${key}${Prisma.raw(memberSql(f, stored))}`;
  });
  return Prisma.sql`CASE WHEN e.deleted THEN ${Prisma.raw(TOMBSTONE)} ELSE ${Prisma.join(parts, " || ")} || '}' END`;
}
