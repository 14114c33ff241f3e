import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LocationPrecisionSlug } from "../events/codebook";
import { countryByAlpha2, countryName } from "./geography";
import { HALO_KM, layoutMap, MIN_HALO_PX, POINT_PX, type MapEvent } from "./marks";
import { kmToPixels, projectionFor } from "./projection";

const ev = (id: string, p: Partial<MapEvent> & { locationPrecision: LocationPrecisionSlug }): MapEvent => ({
  id,
  title: id,
  type: "summit-meeting",
  dateLabel: "13 September 2023",
  place: null,
  countryCodes: ["RU"],
  latitude: null,
  longitude: null,
  suppliers: [],
  recipients: [],
  ...p,
});
const world = projectionFor({ z: 0, c: [0, 0] });
const placed = (l: ReturnType<typeof layoutMap>) => l.clusters.flatMap((c) => c.items);

describe("precision marks", () => {
  it("shades the country of a country-precision event and places no pin for it, even with coordinates", () => {
    const layout = layoutMap(
      [ev("a", { locationPrecision: "country", countryCodes: ["KP", "RU"], latitude: 39, longitude: 125.7 })],
      world,
    );
    expect(layout.countries.map((c) => c.code).sort()).toEqual(["KP", "RU"]);
    expect(placed(layout)).toEqual([]);
  });

  it("draws an exact place as a point, a city or region as a halo, the region's wider", () => {
    const deep = projectionFor({ z: 6, c: [131.9, 43.1] });
    const at = { latitude: 43.1, longitude: 131.9 };
    const [exact, city, region] = (["exact", "city", "region"] as const).map(
      (p) => placed(layoutMap([ev(p, { locationPrecision: p, ...at })], deep))[0],
    );
    expect(exact).toMatchObject({ kind: "point", r: POINT_PX });
    expect(city.kind).toBe("halo");
    expect(region.kind).toBe("halo");
    expect(region.r).toBeGreaterThan(city.r);
    // At the deepest zoom the halo is its true size: 250 km as the projection draws it there.
    expect(region.r).toBeCloseTo(kmToPixels(deep, [131.9, 43.1], HALO_KM.region), 6);
  });

  it("never draws a halo smaller than MIN_HALO_PX, so it cannot be taken for a point", () => {
    const city = placed(layoutMap([ev("c", { locationPrecision: "city", latitude: 46.2, longitude: 6.14 })], world))[0];
    expect(kmToPixels(world, [6.14, 46.2], HALO_KM.city)).toBeLessThan(MIN_HALO_PX);
    expect(city.r).toBe(MIN_HALO_PX);
  });

  it("lists country-precision events the 1:110m map cannot draw (Singapore) instead of dropping them", () => {
    expect(countryByAlpha2("SG")).toBeUndefined();
    const layout = layoutMap(
      [
        ev("s", { locationPrecision: "country", countryCodes: ["SG"] }),
        ev("n", { locationPrecision: "country", countryCodes: [] }),
      ],
      world,
    );
    expect(layout.undrawn.map((e) => e.id)).toEqual(["s", "n"]);
  });

  it("counts events in one place as one mark that splits as the reader zooms in", () => {
    // Vladivostok and Khasan, about 100 km apart.
    const events = [
      ev("v", { locationPrecision: "exact", latitude: 43.1, longitude: 131.9 }),
      ev("k", { locationPrecision: "exact", latitude: 42.43, longitude: 130.64 }),
    ];
    expect(layoutMap(events, world).clusters).toHaveLength(1);
    expect(layoutMap(events, projectionFor({ z: 5, c: [131, 42.8] })).clusters).toHaveLength(2);
  });

  it("counts placed events outside the view rather than drawing them", () => {
    const layout = layoutMap(
      [ev("ny", { locationPrecision: "exact", latitude: 40.75, longitude: -73.97 })],
      projectionFor({ z: 4, c: [127, 40] }),
    );
    expect(layout.outside).toBe(1);
    expect(layout.clusters).toEqual([]);
  });
});

describe("transfer arrows", () => {
  it("draws supplier → recipient between the two countries for arms and technology transfers only", () => {
    const layout = layoutMap(
      [
        ev("shells", {
          type: "arms-transfer",
          locationPrecision: "country",
          countryCodes: ["KP", "RU"],
          suppliers: ["KP"],
          recipients: ["RU"],
        }),
        ev("tech", {
          type: "technology-transfer",
          locationPrecision: "country",
          suppliers: ["RU"],
          recipients: ["KP"],
        }),
        ev("more", { type: "arms-transfer", locationPrecision: "country", suppliers: ["KP"], recipients: ["RU"] }),
        ev("talk", { type: "summit-meeting", locationPrecision: "country", suppliers: ["RU"], recipients: ["CN"] }),
        ev("self", { type: "arms-transfer", locationPrecision: "country", suppliers: ["RU"], recipients: ["RU"] }),
      ],
      world,
    );
    expect(layout.arrows.map((a) => [a.from, a.to, a.events.map((e) => e.id)])).toEqual([
      ["KP", "RU", ["shells", "more"]],
      ["RU", "KP", ["tech"]],
    ]);
    expect(countryName("KP")).toBe("North Korea");
    expect(countryName("KR")).toBe("South Korea");
  });
});

const precision = fc.constantFrom<LocationPrecisionSlug>("exact", "city", "region", "country");
const randomEvent = fc.record({
  id: fc.uuid(),
  locationPrecision: precision,
  latitude: fc.double({ min: -85, max: 85, noNaN: true }),
  longitude: fc.double({ min: -180, max: 180, noNaN: true }),
  countryCodes: fc.array(fc.constantFrom("KP", "RU", "US", "CN", "UA", "IR", "SG", "FR", "BR"), { maxLength: 3 }),
});

describe("layout properties", () => {
  it("accounts for every event once: placed, outside the view, or shaded/listed by country", () => {
    fc.assert(
      fc.property(fc.array(randomEvent, { maxLength: 300 }), fc.integer({ min: 0, max: 6 }), (raw, z) => {
        const events = raw.map((r, i) => ev(`${i}`, r));
        const layout = layoutMap(events, projectionFor({ z, c: [127, 40] }));
        const shaded = new Set(layout.countries.flatMap((c) => c.events.map((e) => e.id)));
        const ids = placed(layout).map((m) => m.event.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length + layout.outside + shaded.size + layout.undrawn.length).toBe(events.length);
      }),
      { numRuns: 60 },
    );
  });
});
