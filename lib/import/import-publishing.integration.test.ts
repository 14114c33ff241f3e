// An import and the desk at the same time (issue 17, item 9): a long import used to lock the
// public-version row from its first published row to its end, so every publisher waited (and
// timed out) for up to 300 s; a check ("dry run") locked it too. Now an import bumps the version
// once, just before it commits, and a check never does. Against a real PostgreSQL.
import { stringify } from "csv-stringify/sync";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/roles";
import { createEvent } from "../events/mutations";
import { EVENT_COLUMNS } from "../export/csv";
import { setUpTestDatabase } from "../testing/test-database";
import { importEvents } from "./import-events";

const t = setUpTestDatabase();
let editor: SessionUser;
beforeAll(async () => {
  const u = await t.prisma.user.create({
    data: { email: "editor@import-publishing.example", name: "editor", role: "editor" },
  });
  editor = { id: u.id, email: u.email, name: u.name, role: "editor" };
  await t.prisma.actor.create({ data: { slug: "russia", name: "Russia", kind: "state", aliases: [] } });
});

/** `n` published events with one quoted source each, as the export writes them. */
function files(n: number, prefix: string) {
  const ids = Array.from({ length: n }, (_, i) => `2024-01-01-${prefix}-${i + 1}`);
  const events = ids.map((id, i) => ({
    id,
    title: `Imported event ${prefix} ${i + 1}`,
    summary: "A shipment was reported.",
    event_type: "aid-trade",
    claim_status: "alleged",
    start_date: "2024-01-01",
    date_precision: "day",
    approximate: "false",
    actors: "Russia (supplier)",
    status: "published",
  }));
  const sources = ids.map((id) => ({
    event_id: id,
    position: 1,
    title: "A report",
    quote: "The ship left port.",
    source_type: "news",
    language: "en",
    stance: "supports",
  }));
  return {
    eventsCsv: stringify(events, { header: true, columns: [...EVENT_COLUMNS] }),
    sourcesCsv: stringify(sources, {
      header: true,
      columns: ["event_id", "position", "title", "quote", "source_type", "language", "stance"],
    }),
  };
}

const version = async () =>
  (await t.prisma.$queryRaw<{ version: bigint }[]>`SELECT version FROM public_change WHERE id = 1`)[0].version;
// Revision ids come from a sequence, which moves outside the import's transaction: a way to see
// that the import is writing without waiting for it to commit.
const revisionsTaken = async () =>
  (
    await t.prisma.$queryRaw<
      { n: bigint }[]
    >`SELECT COALESCE(MAX(last_value), 0) AS n FROM pg_sequences WHERE sequencename = 'revision_id_seq'`
  )[0].n;
async function whenWriting(since: bigint, rows: number, importing: Promise<unknown>) {
  let done = false;
  void importing.finally(() => (done = true));
  while (!done && (await revisionsTaken()) < since + BigInt(rows)) await new Promise((r) => setTimeout(r, 50));
  expect(done, "the import ended before the publish was tried").toBe(false);
}
/** Whether the version row can be locked at once (the import does not hold it). */
const versionRowFree = () =>
  t.prisma
    .$transaction(async (tx) => {
      try {
        await tx.$queryRaw`SELECT version FROM public_change WHERE id = 1 FOR UPDATE NOWAIT`;
        return true;
      } catch {
        return false; // 55P03: locked by another transaction
      }
    })
    .catch(() => false);

const published = (id: string) => ({
  id,
  title: "Published during an import",
  summary: "An editor's own event.",
  type: "aid-trade",
  claimStatus: "confirmed",
  startDate: "2024-02-01",
  precision: "day",
  approximate: false,
  countryCodes: [],
  tags: [],
  itemCategories: [],
  status: "published",
  actors: [{ actor: "russia", role: "supplier" }],
  sources: [{ title: "A report", sourceType: "news", stance: "supports", quote: "It was published.", language: "en" }],
});

describe("an import while an editor publishes", () => {
  it("a check never locks the public version, nor bumps it", async () => {
    const before = await version();
    const since = await revisionsTaken();
    const checking = importEvents(t.prisma, editor, { ...files(1000, "check"), status: "file", dryRun: true });
    await whenWriting(since, 50, checking);
    expect(await versionRowFree()).toBe(true);
    expect(await checking).toMatchObject({ created: 1000, errors: [], committed: false });
    expect(await version()).toBe(before);
  }, 600_000);

  it("an editor publishes while a 10,000-row import runs; both succeed, and the import bumps the version once", async () => {
    const before = await version();
    const since = await revisionsTaken();
    const importing = importEvents(t.prisma, editor, { ...files(10_000, "big"), status: "file", dryRun: false });
    await whenWriting(since, 100, importing);
    const started = Date.now();
    // createEvent's own transaction has Prisma's 5 s limit: waiting for the import's lock failed it.
    await expect(createEvent(t.prisma, editor, published("2024-02-01-published-during-an-import"))).resolves.toEqual({
      id: "2024-02-01-published-during-an-import",
      version: 1,
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await versionRowFree()).toBe(true);
    expect(await importing).toMatchObject({ created: 10_000, errors: [], committed: true });
    expect(await t.prisma.event.count({ where: { status: "published" } })).toBe(10_001);
    expect(await version()).toBe(before + 2n); // the editor's publish, and the import's one bump
  }, 1_200_000);
});
