import { describe, expect, it } from "vitest";
import { parseEventQuery } from "../events/query-params";
import { neighbours, parseTimelineView, selectionHref, timelineHref, windowFor } from "./params";

const t = (d: string) => Date.parse(`${d}T00:00:00Z`);

describe("timeline parameters", () => {
  it("reads the window, lanes and selection", () => {
    const { view, notices } = parseTimelineView(
      new URLSearchParams("start=2023-09&end=2023-09-30&lanes=actor&selected=2023-09-13-kim-putin-vostochny-summit"),
    );
    expect(view).toEqual({
      start: "2023-09",
      end: "2023-09-30",
      lanes: "actor",
      selected: "2023-09-13-kim-putin-vostochny-summit",
    });
    expect(notices).toEqual([]);
  });

  it("ignores bad values with a notice instead of failing", () => {
    const { view, notices } = parseTimelineView({
      start: "2023-02-30",
      end: "soon",
      lanes: "colour",
      selected: "<script>",
    });
    expect(view).toEqual({ lanes: "type" });
    expect(notices).toHaveLength(2);
  });

  it("keeps the filters and leaves defaults and the page out of the URL", () => {
    const { query } = parseEventQuery({ type: "summit-meeting", page: "3", pageSize: "50" });
    expect(timelineHref("/timeline", query, { lanes: "type", start: "2023" })).toBe(
      "/timeline?type=summit-meeting&start=2023",
    );
  });

  it("builds an item's link as timelineHref would, with or without other parameters", () => {
    const { query } = parseEventQuery({ type: "summit-meeting" });
    for (const [q, view] of [
      [query, { lanes: "actor", start: "2023-09-01", end: "2023-09-30" }],
      [parseEventQuery({}).query, { lanes: "type" }],
    ] as const) {
      expect(selectionHref("/timeline", q, view)("e-1")).toBe(
        timelineHref("/timeline", q, { ...view, selected: "e-1" }),
      );
    }
  });

  it("zooms around the middle, pans by half a window, and names the last day shown", () => {
    const n = neighbours(t("2023-09-01"), t("2023-10-01"));
    expect(n.zoomIn).toEqual({ start: "2023-09-08", end: "2023-09-22" });
    expect(n.zoomOut).toEqual({ start: "2023-08-17", end: "2023-10-15" });
    expect(n.later).toEqual({ start: "2023-09-16", end: "2023-10-15" });
    expect(n.earlier).toEqual({ start: "2023-08-17", end: "2023-09-15" });
  });

  it("never leaves four-digit years", () => {
    expect(neighbours(t("0001-01-01"), t("0501-01-01")).zoomOut.start).toBe("0001-01-01");
  });

  it("shows the URL's window, else all filtered events with room either side, and a week at the least", () => {
    expect(windowFor({ first: null, last: null }, { start: "2023-09", end: "2023-09" })).toEqual([
      t("2023-09-01"),
      t("2023-10-01"),
    ]);
    const [s, e] = windowFor({ first: t("2020-01-01"), last: t("2024-01-01") }, {});
    expect(s).toBeLessThan(t("2020-01-01"));
    expect(e).toBeGreaterThan(t("2024-01-01"));
    expect(windowFor({ first: null, last: null }, { start: "2023-09-13", end: "2023-09-10" })).toEqual([
      t("2023-09-13"),
      t("2023-09-20"),
    ]);
  });
});
