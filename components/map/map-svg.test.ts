import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LocationPrecisionSlug } from "@/lib/events/codebook";
import { layoutMap, type MapEvent } from "@/lib/map/marks";
import { moveView } from "@/lib/map/params";
import { projectionFor } from "@/lib/map/projection";
import { mapSvg } from "./map-svg";

const CODES = [
  "KP",
  "RU",
  "US",
  "CN",
  "KR",
  "JP",
  "UA",
  "IR",
  "SY",
  "FR",
  "DE",
  "BR",
  "IN",
  "ZA",
  "AU",
  "CA",
  "MX",
  "EG",
  "TR",
  "PK",
];
const PRECISIONS: LocationPrecisionSlug[] = ["exact", "city", "region", "country"];

function manyEvents(n: number, seed: number): MapEvent[] {
  let s = seed;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: n }, (_, i) => ({
    id: `e-${i}`,
    title: `Event ${i}`,
    type: i % 7 === 0 ? "arms-transfer" : "statement-warning",
    dateLabel: "2023",
    place: "Somewhere",
    countryCodes: [CODES[i % CODES.length]],
    latitude: rnd() * 150 - 70,
    longitude: rnd() * 360 - 180,
    locationPrecision: PRECISIONS[i % 4],
    suppliers: [CODES[i % 5]],
    recipients: [CODES[(i * 3 + 1) % CODES.length]],
  }));
}

function render(events: MapEvent[], z: number, c: [number, number]) {
  const view = moveView({ z: 0, c: [0, 0] }, { z, c });
  const projection = projectionFor(view);
  return mapSvg({
    layout: layoutMap(events, projection),
    projection,
    viewKey: `${view.z}:${view.c}`,
    total: events.length,
    zoomHref: () => "/map?z=2&c=1%2C1",
    eventHref: (id) => `/events/${id}`,
  });
}
const marks = (svg: string) => (svg.match(/<a /g) ?? []).length;

describe("map SVG", () => {
  it("draws 10,000 events with at most ~500 mark elements at any zoom and centre", () => {
    const events = manyEvents(10_000, 42);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: -70, max: 70, noNaN: true }),
        (z, lon, lat) => {
          expect(marks(render(events, z, [lon, lat]))).toBeLessThanOrEqual(500);
        },
      ),
      { numRuns: 12 },
    );
  });

  it("makes every mark a named link, and escapes what editors wrote", () => {
    const svg = render(
      [
        {
          ...manyEvents(1, 1)[0],
          title: `Kim & "Putin" <script>`,
          locationPrecision: "exact",
          latitude: 51.88,
          longitude: 128.33,
        },
      ],
      0,
      [0, 0],
    );
    expect(svg).toContain('aria-label="Kim &amp; &quot;Putin&quot; &lt;script&gt;, 2023');
    expect(svg).not.toContain("<script>");
    for (const a of svg.match(/<a [^>]*>/g) ?? []) expect(a).toMatch(/href="[^"]+".*aria-label="[^"]+"/);
  });

  it("names the precision in each mark's label", () => {
    const e = {
      ...manyEvents(1, 1)[0],
      locationPrecision: "city" as const,
      latitude: 46.2,
      longitude: 6.14,
      place: "Geneva, Switzerland",
    };
    expect(render([e], 0, [0, 0])).toContain("Geneva, Switzerland, known to the city (within about 25 km)");
  });
});
