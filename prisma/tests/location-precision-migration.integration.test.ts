// The location-precision migration's data step on a database the seed wrote before the column
// existed: each seed event whose place is still the seed's gets the precision the seed now gives
// it, so re-running the seed has no location to correct; an event whose place an editor changed
// stays at the country, claiming no more than is known.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "../../lib/testing/test-database";
import { seedEvents } from "../seed-data/events";
import { seedAsBefore, previousSeedEvents } from "./previous-seed";

const MIGRATION = path.resolve(import.meta.dirname, "../migrations/20261201063810_location_precision/migration.sql");
const EDITED = "2023-09-13-kim-putin-vostochny-summit";

describe("migration 20261201063810_location_precision", () => {
  const t = setUpTestDatabase();
  beforeAll(async () => {
    // As the previous seed wrote them: no precision, so every row has the column's default.
    await seedAsBefore(
      t.prisma,
      previousSeedEvents.map((e) => ({ ...e, locationPrecision: undefined as never })),
    );
    await t.prisma.event.update({ where: { id: EDITED }, data: { place: "Vostochny, Amur Oblast, Russia" } });
    const sql = await readFile(MIGRATION, "utf8");
    // The data step only: the enum and column already exist in the test database.
    await t.prisma.$executeRawUnsafe(`DO $$ BEGIN ${sql.slice(sql.indexOf("UPDATE"))} END $$;`);
  });

  it("gives each seed event the seed's precision where its place is the seed's", async () => {
    const stored = new Map(
      (await t.prisma.event.findMany({ select: { id: true, locationPrecision: true } })).map((e) => [
        e.id,
        e.locationPrecision,
      ]),
    );
    for (const e of seedEvents) expect(stored.get(e.id), e.id).toBe(e.id === EDITED ? "country" : e.locationPrecision);
    expect(new Set(stored.values())).toEqual(new Set(["exact", "city", "region", "country"]));
  });
});
