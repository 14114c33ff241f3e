import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEventQuery } from "../events/query-params";
import { mapHref, MAX_ZOOM, moveView, parseMapView } from "./params";

describe("map view parameters", () => {
  it("reads zoom and centre, and writes them back with the filters", () => {
    const raw = { type: "arms-transfer", z: "3", c: "127.5,40.25" };
    const { view, notices } = parseMapView(raw);
    expect(notices).toEqual([]);
    expect(view).toEqual({ z: 3, c: [127.5, 40.25] });
    expect(mapHref("/map", parseEventQuery(raw).query, view)).toBe("/map?type=arms-transfer&z=3&c=127.5%2C40.25");
  });

  it("leaves the defaults out of the address, and the whole world has no centre", () => {
    const { query } = parseEventQuery({});
    expect(mapHref("/map", query, parseMapView({ z: "0", c: "10,10" }).view)).toBe("/map");
  });

  it("ignores bad values with a notice, and clamps the zoom", () => {
    const { view, notices } = parseMapView({ z: "many", c: "north" });
    expect(view).toEqual({ z: 0, c: [0, 0] });
    expect(notices).toHaveLength(2);
    expect(parseMapView({ z: "99", c: "0,0" }).view.z).toBe(MAX_ZOOM);
    expect(parseMapView({ z: "2", c: "0,95" }).notices).toHaveLength(1);
  });

  it("never throws on any value, and always yields a view within the limits", () => {
    fc.assert(
      fc.property(
        fc.option(fc.oneof(fc.string(), fc.array(fc.string()))),
        fc.option(fc.oneof(fc.string(), fc.array(fc.string()))),
        (z, c) => {
          const raw: Record<string, string | string[] | undefined> = { z: z ?? undefined, c: c ?? undefined };
          const { view } = parseMapView(raw);
          expect(Number.isInteger(view.z) && view.z >= 0 && view.z <= MAX_ZOOM).toBe(true);
          expect(Math.abs(view.c[0]) <= 180 && Math.abs(view.c[1]) <= 80).toBe(true);
        },
      ),
    );
  });

  it("keeps every moved view within what the parser accepts (a round trip through the address)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -3, max: 12 }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: -200, max: 200, noNaN: true }),
        (z, lon, lat) => {
          const view = moveView({ z: 1, c: [0, 0] }, { z, c: [lon, lat] });
          const href = mapHref("/map", parseEventQuery({}).query, view);
          const parsed = parseMapView(Object.fromEntries(new URL(href, "http://x").searchParams));
          expect(parsed.notices).toEqual([]);
          expect(parsed.view).toEqual(view);
        },
      ),
    );
  });
});
