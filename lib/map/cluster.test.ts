import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clusterByGrid } from "./cluster";
import { HEIGHT, WIDTH } from "./projection";

const point = fc.record({
  id: fc.nat(),
  x: fc.double({ min: 0, max: WIDTH, noNaN: true }),
  y: fc.double({ min: 0, max: HEIGHT, noNaN: true }),
});

describe("clusterByGrid", () => {
  it("puts every item in exactly one cluster: none lost, none drawn twice", () => {
    fc.assert(
      fc.property(fc.array(point, { maxLength: 400 }), (items) => {
        const clustered = clusterByGrid(items).flatMap((c) => c.items);
        expect(clustered).toHaveLength(items.length);
        expect(new Set(clustered)).toEqual(new Set(items));
      }),
    );
  });

  it("groups only items of the same cell, and draws each count at its items' mean position", () => {
    fc.assert(
      fc.property(fc.array(point, { maxLength: 200 }), fc.integer({ min: 10, max: 100 }), (items, cell) => {
        for (const c of clusterByGrid(items, cell)) {
          const cells = new Set(c.items.map((i) => `${Math.floor(i.x / cell)}:${Math.floor(i.y / cell)}`));
          expect(cells.size).toBe(1);
          expect(c.x).toBeCloseTo(c.items.reduce((s, i) => s + i.x, 0) / c.items.length, 6);
        }
      }),
    );
  });

  it("never makes more counts than the drawing has cells, however many items", () => {
    const items = Array.from({ length: 10_000 }, (_, i) => ({ x: (i * 7.31) % WIDTH, y: (i * 3.17) % HEIGHT }));
    expect(clusterByGrid(items).length).toBeLessThanOrEqual(Math.ceil(WIDTH / 44 + 1) * Math.ceil(HEIGHT / 44 + 1));
  });
});
