// The provenance migration's data step on a database from before it: editors' notes stored as
// quotes ("Confirms: …") move to `note`, and each affected event records it as a revision.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { adminQuery, withDatabase } from "../../tooling/database";
import { applyMigrations, readMigrationList, withSchemaEngine } from "../../tooling/schema-engine";
import { NOTE_MOVED_NOTE } from "../seed-data/corrections";

const PROVENANCE = "20261201000552_provenance";
const NOTE =
  "Confirms: the date (Tuesday 8 Aug 2017), the wording, and that he spoke at an opioid briefing in Bedminster, NJ.";
const QUOTE =
  "Then came the violent swings of President Donald Trump from “fire and fury” to “love letters” with Kim Jong-un.";

/** Applies the migrations that came before `PROVENANCE`: a database as it was before it. */
async function migrateUpTo(url: string) {
  const list = await readMigrationList();
  await withSchemaEngine(url, (engine) =>
    engine.applyMigrations({
      migrationsList: { ...list, migrationDirectories: list.migrationDirectories.filter((d) => d.path < PROVENANCE) },
      filters: { externalTables: [], externalEnums: [] },
    }),
  );
}

const oldSource = (position: number, title: string, quote: string) => ({
  url: `https://example.org/${position}`,
  title,
  sourceType: "news",
  quote,
  language: "en",
  position,
});

/** An event as the seed wrote it before the migration: its sources, and its one revision. */
async function insertOldEvent(
  db: pg.Client,
  id: string,
  status: string,
  sources: ReturnType<typeof oldSource>[],
  withRevision = true,
) {
  await db.query(
    `INSERT INTO "event" ("id", "title", "summary", "type", "claim_status", "start_date", "precision", "span_start", "span_end", "status", "updated_at")
     VALUES ($1, 'Trump warns North Korea of “fire and fury”', 'A warning.', 'statement-warning', 'confirmed', '2017-08-08', 'day', '2017-08-08', '2017-08-08', $2, '2026-11-28')`,
    [id, status],
  );
  for (const s of sources) {
    await db.query(
      `INSERT INTO "source" ("event_id", "position", "url", "title", "source_type", "quote", "language") VALUES ($1, $2, $3, $4, 'news', $5, 'en')`,
      [id, s.position, s.url, s.title, s.quote],
    );
  }
  const snapshot = {
    id,
    title: "Trump warns North Korea of “fire and fury”",
    status,
    sources: sources.map((s) => ({
      url: s.url,
      title: s.title,
      sourceType: s.sourceType,
      quote: s.quote,
      language: s.language,
    })),
  };
  if (withRevision)
    await db.query(
      `INSERT INTO "revision" ("event_id", "kind", "version", "changes", "snapshot") VALUES ($1, 'publish', 1, '[]', $2)`,
      [id, JSON.stringify(snapshot)],
    );
}

describe("migration 20261201000552_provenance", () => {
  const serverUrl = inject("serverUrl");
  const name = `tracker_provenance_${process.pid}`;
  const url = withDatabase(serverUrl, name);
  let db: pg.Client;
  const rows = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows;

  beforeAll(async () => {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    await migrateUpTo(url);
    db = new pg.Client({ connectionString: url });
    await db.connect();
    await insertOldEvent(db, "published-with-note", "published", [
      oldSource(0, "The article", QUOTE),
      oldSource(1, "CBS Denver", NOTE),
    ]);
    await insertOldEvent(db, "draft-with-note", "draft", [oldSource(0, "CBS Denver", NOTE)]);
    await insertOldEvent(db, "quotes-only", "published", [oldSource(0, "The article", QUOTE)]);
    // Written before the revision table existed: nothing to record the move in, so it waits for
    // npm run db:seed, whose correction records it (never a silent change).
    await insertOldEvent(db, "no-revision", "published", [oldSource(0, "CBS Denver", NOTE)], false);
    // This one first; later migrations (e.g. end_precision) follow it.
    expect((await applyMigrations(url))[0]).toBe(PROVENANCE);
  });
  afterAll(async () => {
    await db?.end();
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it("moves the note out of the quote field and leaves a real quote where it was", async () => {
    const sources = await rows(
      `SELECT "event_id", "quote", "note", "quote_check", "stance" FROM "source" ORDER BY "event_id", "position"`,
    );
    expect(sources).toEqual([
      { event_id: "draft-with-note", quote: null, note: NOTE, quote_check: "no_quote", stance: "supports" },
      { event_id: "no-revision", quote: NOTE, note: null, quote_check: "no_copy", stance: "supports" },
      { event_id: "published-with-note", quote: QUOTE, note: null, quote_check: "no_copy", stance: "supports" },
      { event_id: "published-with-note", quote: null, note: NOTE, quote_check: "no_quote", stance: "supports" },
      { event_id: "quotes-only", quote: QUOTE, note: null, quote_check: "no_copy", stance: "supports" },
    ]);
  });

  it("records it on each affected event: a public correction, or an update on a draft, with from → to", async () => {
    const events = await rows(`SELECT "id", "version", "updated_at" FROM "event" ORDER BY "id"`);
    expect(events.map((e) => [e.id, e.version])).toEqual([
      ["draft-with-note", 2],
      ["no-revision", 1],
      ["published-with-note", 2],
      ["quotes-only", 1],
    ]);
    expect(await rows(`SELECT 1 FROM "revision" WHERE "event_id" = 'no-revision'`)).toEqual([]);
    expect(events.find((e) => e.id === "published-with-note")!.updated_at.getTime()).toBeGreaterThan(
      Date.parse("2026-11-28"),
    );
    const [fix] = await rows(`SELECT * FROM "revision" WHERE "event_id" = 'published-with-note' AND "version" = 2`);
    // The seed's correction of an earlier database tells readers the same thing in the same words.
    expect(fix).toMatchObject({ kind: "correction", user_id: null, note: NOTE_MOVED_NOTE });
    const cbs = { url: "https://example.org/1", title: "CBS Denver", sourceType: "news", language: "en" };
    expect(fix.changes).toEqual([{ field: "sources[2]", from: { ...cbs, quote: NOTE }, to: { ...cbs, note: NOTE } }]);
    expect(fix.snapshot.sources).toEqual([
      { url: "https://example.org/0", title: "The article", sourceType: "news", language: "en", quote: QUOTE },
      { ...cbs, note: NOTE },
    ]);
    expect(
      await rows(`SELECT "kind", "version" FROM "revision" WHERE "event_id" = 'draft-with-note' ORDER BY "id"`),
    ).toEqual([
      { kind: "publish", version: 1 },
      { kind: "update", version: 2 },
    ]);
    expect(await rows(`SELECT count(*)::int AS n FROM "revision" WHERE "event_id" = 'quotes-only'`)).toEqual([
      { n: 1 },
    ]);
  });

  it("bumps the public version once, so cached public pages are rendered again", async () => {
    expect(await rows(`SELECT "version"::int FROM "public_change"`)).toEqual([{ version: 1 }]);
  });
});
