// The map's query on the seed data and on events an editor writes: the same events as the table
// for the same filters, each with its location's precision, and the transfers' arrows from the
// actors' roles and countries.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/roles";
import { listEvents } from "../events/queries";
import { parseEventQuery } from "../events/query-params";
import { InvalidInputError } from "../events/errors";
import { createEvent, updateEvent } from "../events/mutations";
import type { EventInput } from "../events/schemas";
import { snapshotInclude, toSnapshot } from "../events/snapshot";
import { createSessionUser, setUpTestDatabase } from "../testing/test-database";
import { layoutMap } from "./marks";
import { projectionFor } from "./projection";
import { listMapEvents } from "./queries";

const params = (qs: string) => new URLSearchParams(qs);
const tableIds = async (qs: string) =>
  (await listEvents(parseEventQuery(params(`${qs}&pageSize=100`)).query)).rows.map((r) => r.id).sort();
const map = (qs: string) => listMapEvents(parseEventQuery(params(qs)).query);
const t = setUpTestDatabase({ seed: true });
let editor: SessionUser;

beforeAll(async () => {
  editor = await createSessionUser(t.prisma, "editor", "ed@example.org", "Ed");
});

describe("the map's events", () => {
  it.each(["", "type=arms-transfer", "actor=russia&from=2023", "q=Kim", "claim=alleged&retracted=include"])(
    "are exactly the events the table lists for “%s”",
    async (qs) => {
      const { events, total } = await map(qs);
      const ids = await tableIds(qs);
      expect(events.map((e) => e.id).sort()).toEqual(ids);
      expect(total).toBe(ids.length);
    },
  );

  it("carry the precision the seed gives each place", async () => {
    const { events } = await map("");
    const by = new Map(events.map((e) => [e.id, e]));
    expect(by.get("2023-09-13-kim-putin-vostochny-summit")).toMatchObject({
      locationPrecision: "exact",
      latitude: 51.88,
    });
    expect(by.get("2024-06-putin-visits-pyongyang-signs-partnership-treaty")?.locationPrecision).toBe("city");
    expect(by.get("2020-01-north-korea-closes-borders")?.locationPrecision).toBe("region");
    expect(by.get("2023-10-13-white-house-dprk-munitions-containers-to-russia")?.locationPrecision).toBe("country");
  });

  it("draw North Korea → Russia for the seed's arms transfers, from the supplier and recipient actors", async () => {
    const { events } = await map("type=arms-transfer");
    const layout = layoutMap(events, projectionFor({ z: 0, c: [0, 0] }));
    expect(layout.arrows.map((a) => `${a.from}>${a.to}`)).toContain("KP>RU");
    expect(layout.arrows.find((a) => a.from === "KP" && a.to === "RU")?.events.map((e) => e.id)).toEqual(
      expect.arrayContaining([
        "2022-09-us-says-north-korea-ships-artillery-shells-to-russia",
        "2023-10-13-white-house-dprk-munitions-containers-to-russia",
      ]),
    );
    // Speakers (the United States) are no end of an arrow.
    expect(layout.arrows.some((a) => a.from === "US" || a.to === "US")).toBe(false);
  });
});

describe("an editor setting the precision", () => {
  const input = (p: Partial<EventInput>): EventInput => ({
    id: "2023-09-17-kim-leaves-artyom",
    title: "Kim leaves Russia from Artyom station",
    summary: "Kim's train left Artyom.",
    type: "summit-meeting",
    claimStatus: "confirmed",
    startDate: "2023-09-17",
    precision: "day",
    approximate: false,
    countryCodes: ["RU"],
    tags: [],
    itemCategories: [],
    status: "published",
    actors: [],
    sources: [
      {
        url: "https://example.org/artyom",
        title: "Report",
        sourceType: "news",
        stance: "supports",
        quote: "The train left Artyom.",
        language: "en",
      },
    ],
    ...p,
  });
  const stored = () =>
    t.prisma.event.findUniqueOrThrow({ where: { id: "2023-09-17-kim-leaves-artyom" }, include: snapshotInclude });

  it("stores it, keeps it in the revision, and the map reads it", async () => {
    await createEvent(
      t.prisma,
      editor,
      input({ locationPrecision: "exact", latitude: 43.36, longitude: 132.19, place: "Artyom station" }),
    );
    expect((await stored()).locationPrecision).toBe("exact");
    expect(
      (await t.prisma.revision.findFirstOrThrow({ where: { eventId: "2023-09-17-kim-leaves-artyom" } })).snapshot,
    ).toMatchObject({ locationPrecision: "exact" });
    expect((await map("q=Artyom")).events.find((e) => e.id === "2023-09-17-kim-leaves-artyom")?.locationPrecision).toBe(
      "exact",
    );
  });

  it("refuses a city or a spot without a position, saving nothing", async () => {
    const before = await stored();
    const err = await updateEvent(
      t.prisma,
      editor,
      before.id,
      before.version,
      { ...toSnapshot(before), locationPrecision: "city", latitude: undefined, longitude: undefined },
      { kind: "update", note: "Moved." },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as InvalidInputError).fieldErrors.latitude).toEqual([
      "With the place known to the city, give its latitude and longitude",
    ]);
    expect((await stored()).version).toBe(before.version);
  });

  it("lowers it to the country, which leaves no key in the snapshot (the form of rows written before it)", async () => {
    const before = await stored();
    await updateEvent(
      t.prisma,
      editor,
      before.id,
      before.version,
      { ...toSnapshot(before), locationPrecision: "country" },
      { kind: "update", note: "Only the country is sure." },
    );
    const after = await stored();
    expect(after.locationPrecision).toBe("country");
    expect(toSnapshot(after)).not.toHaveProperty("locationPrecision");
  });
});
