// For the export tests: both writers' files side by side, and hostile rows written by raw SQL
// so that they hold what no form would let through but the database accepts: formula starts
// (after spaces, full-width), quotes, commas, CR/LF, tabs, empty strings beside NULLs, a nameless
// actor, emoji and right-to-left text, coordinates JavaScript and PostgreSQL print differently
// (1e-7, -0), year 500, gaps in source positions, a disputed and a verified citation. The
// triggers see them as they see any writer.
import type { PrismaClient } from "../generated/prisma/client";
import { csvBody } from "./csv-response";
import { referenceCsv } from "./csv-reference";

export const ORIGIN = "https://tracker.example";

/** The same file from the COPY writer and from the reference writer, as text (a BOM kept). */
export async function bothWriters(prisma: PrismaClient, kind: "events" | "sources", qs: string) {
  const params = new URLSearchParams(qs);
  const copy = new Uint8Array(
    await new Response(await csvBody(kind, params, { client: prisma, origin: ORIGIN })).arrayBuffer(),
  );
  const reference = await referenceCsv(prisma, kind, params, ORIGIN);
  const text = (b: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(b);
  return { copy: text(copy), reference: text(reference), copyBytes: copy.length, referenceBytes: reference.length };
}

export const HOSTILE_IDS = [
  "-hostile-formula",
  "hostile-unicode",
  "hostile-quotes",
  "hostile-draft",
  "hostile-deleted",
];

export async function insertHostileRows(prisma: PrismaClient) {
  await prisma.$executeRawUnsafe(`
    INSERT INTO actor (slug, name, kind, aliases) VALUES
      ('evil-corp', '=Evil Corp', 'company', '{}'), ('comma-actor', 'Name, with comma', 'person', '{}'),
      ('quote-actor', 'Quote "Q" ''single''', 'person', '{}'), ('spaced-actor', ' -spaced', 'organisation', '{}'),
      ('nameless', '', 'state', '{}')`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO event (id, title, summary, type, claim_status, start_date, end_date, precision, end_precision, approximate, span_start, span_end,
                       place, country_codes, latitude, longitude, tags, item_categories, sanctions_regime, instrument, status, deleted,
                       search_text, updated_at, published_at) VALUES
      ('-hostile-formula', '=HYPERLINK("http://x","y")', E'Line1\\r\\nLine2\\nLine3\\r"quoted", comma', 'aid-trade', 'alleged',
       '0500-03-01', '0500-05-31', 'month', 'day', true, '0500-03-01', '0500-05-31', ' @SUM(1)', '{KP,"",=X,"a,b"}', 1e-7, -0.00001234,
       '{}', '{"+x","y\\"z",""}', 'un_1718', E'\\t tab start', 'published', false, 'hostile a_b x''y back\\slash', '2024-01-02 03:04:05.678', '2024-01-01 00:00:00.001'),
      ('hostile-unicode', '🚀 Ракета 北朝鮮 مرحبا', '', 'statement-warning', 'confirmed', '2023-07-01', NULL, 'day', NULL, false, '2023-07-01', '2023-07-01',
       '', '{}', -0, -180, '{}', '{}', NULL, NULL, 'retracted', false, 'hostile unicode', '2024-03-04 05:06:07.089', '2023-07-02 10:00:00'),
      ('hostile-quotes', '"', 'a,b', 'weird,type', 'denied', '2020-02-29', NULL, 'day', NULL, false, '2020-02-29', '2020-02-29',
       E'\\u3000－minus', '{" -KP"}', 45.123456789012, 179.99999999999997, '{}', '{}', 'other', '\\.', 'published', false, 'hostile quotes', '2024-05-06 07:08:09.1', NULL),
      ('hostile-draft', 'Draft', 'never exported', 'aid-trade', 'alleged', '2021-01-01', NULL, 'day', NULL, false, '2021-01-01', '2021-01-01',
       NULL, '{}', NULL, NULL, '{}', '{}', NULL, NULL, 'draft', false, 'hostile', now(), NULL),
      ('hostile-deleted', 'Deleted', 'never exported', 'aid-trade', 'alleged', '2021-01-01', NULL, 'day', NULL, false, '2021-01-01', '2021-01-01',
       NULL, '{}', NULL, NULL, '{}', '{}', NULL, NULL, 'published', true, 'hostile', now(), now())`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO event_actor (event_id, actor_id, role)
    SELECT e, a.id, r::"ActorRole" FROM (VALUES
      ('-hostile-formula', 'evil-corp', 'initiator'), ('-hostile-formula', 'comma-actor', 'target'), ('-hostile-formula', 'quote-actor', 'supplier'),
      ('-hostile-formula', 'nameless', 'host'), ('-hostile-formula', 'evil-corp', 'speaker'), ('hostile-quotes', 'spaced-actor', 'recipient'),
      ('hostile-unicode', 'kim-jong-un', 'speaker')) v(e, slug, r) JOIN actor a ON a.slug = v.slug`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO source (event_id, position, url, title, publisher, author, published_on, accessed_on, source_type, quote, note, stance, quote_check, archived_url, language) VALUES
      ('-hostile-formula', 0, '=http://x', '@title', '', '-Author', '2024', '2024-02-03', 'news', E'He said "yes"\\r\\nthen left', '+note', 'disputes', 'verified', NULL, ''),
      ('-hostile-formula', 3, NULL, 'plain', NULL, NULL, NULL, NULL, 'official', '', NULL, 'supports', 'no_quote', 'https://archive.example/a,b', 'en'),
      ('-hostile-formula', 7, 'https://x.example/"q"', E'tab\\tinside', 'Pub, Inc.', '', '2024-05', NULL, 'dataset', E'\\n', E'\\r', 'context', 'not_found', '', 'ko'),
      ('hostile-quotes', 1, 'https://q.example', '"', '＠at', NULL, NULL, NULL, 'analysis', '"""', '', 'supports', 'no_copy', NULL, 'en')`);
}
