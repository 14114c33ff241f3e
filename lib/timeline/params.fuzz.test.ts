// Fuzzing the timeline's own parameters and the windows built from them: any query gives a view
// the page can draw, every zoom and pan link reads back without a notice, and no window is
// empty, reversed or made of NaN.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDateBound } from "../events/date-span";
import { parseEventQuery } from "../events/query-params";
import { FUZZ_TIMEOUT } from "../testing/fuzz/arbitraries";
import { fuzzParams } from "../testing/fuzz/params";
import { expectHumanMessage } from "../testing/fuzz/messages";
import { searchParams, searchParamsRecord } from "../testing/fuzz/query-strings";
import { neighbours, parseTimelineView, timelineHref, windowFor } from "./params";

const DAY = 86_400_000;
const extentMs = fc.option(fc.integer({ min: Date.UTC(1, 0, 1), max: Date.UTC(9999, 11, 31) }), { nil: null });

describe("timeline parameters under fuzzing", { timeout: FUZZ_TIMEOUT }, () => {
  it("turn any query into a drawable view with readable notices", () => {
    fc.assert(
      fc.property(fc.oneof(searchParams, searchParamsRecord), (raw) => {
        const { view, notices } = parseTimelineView(raw);
        expect(["type", "actor"]).toContain(view.lanes);
        for (const d of [view.start, view.end]) if (d !== undefined) expect(parseDateBound(d, "from")).not.toBeNull();
        if (view.selected !== undefined) expect(view.selected).toMatch(/^[a-z0-9-]{1,200}$/);
        for (const n of notices) expectHumanMessage(n, raw);
      }),
      fuzzParams(),
    );
  });

  it("give a window of at least a week, and zoom/pan links that read back cleanly", () => {
    fc.assert(
      fc.property(searchParams, extentMs, extentMs, (params, a, b) => {
        const { view } = parseTimelineView(params);
        const [first, last] = a !== null && b !== null && a > b ? [b, a] : [a, b];
        const [start, end] = windowFor({ first, last }, view);
        expect(Number.isFinite(start) && Number.isFinite(end)).toBe(true);
        expect(end - start).toBeGreaterThanOrEqual(7 * DAY);
        for (const link of Object.values(neighbours(start, end))) {
          const href = timelineHref("/timeline", parseEventQuery(params).query, { ...view, ...link });
          const back = parseTimelineView(new URL(href, "http://x").searchParams);
          expect(back.notices, href).toEqual([]);
          expect(back.view.start! <= back.view.end!, href).toBe(true);
        }
      }),
      fuzzParams(),
    );
  });
});
