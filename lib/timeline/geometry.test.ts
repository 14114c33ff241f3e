import { utcDay, utcMonth, utcYear } from "d3-time";
import { describe, expect, it } from "vitest";
import { bucketCounts, bucketInterval, inView, makeScale, markFor, placeLabels, type TimelineEvent } from "./geometry";

const ev = (
  id: string,
  spanStart: string,
  spanEnd: string,
  precision: TimelineEvent["precision"] = "day",
  isRange = false,
): TimelineEvent => ({
  id,
  title: `Event ${id}`,
  type: "summit-meeting",
  precision,
  approximate: false,
  spanStart,
  spanEnd,
  isRange,
  dateLabel: "",
  lanes: ["summit-meeting"],
});
const t = (d: string) => Date.parse(`${d}T00:00:00Z`);

describe("scale and marks", () => {
  const scale = makeScale(t("2023-09-01"), t("2023-10-01"), 300); // 10 px a day
  const x = (d: Date) => scale(d);
  it("draws a day as a point one day wide", () => {
    const m = markFor(ev("a", "2023-09-13", "2023-09-13"), x);
    expect(m.kind).toBe("point");
    expect([m.x1, m.x2]).toEqual([120, 130]);
  });
  it("draws a recorded range as a bar to the end of its last day", () => {
    const m = markFor(ev("b", "2023-09-13", "2023-09-15", "day", true), x);
    expect([m.kind, m.x1, m.x2]).toEqual(["bar", 120, 150]);
  });
  it("draws a month-precision date as an uncertain span over the whole month", () => {
    const m = markFor(ev("c", "2023-09-01", "2023-09-30", "month"), x);
    expect([m.kind, m.x1, m.x2]).toEqual(["uncertain", 0, 300]);
  });
  it("hatches a range whose start is known to the month and whose end is exact, from the month's first day to the exact end", () => {
    const m = markFor({ ...ev("f", "2023-09-01", "2023-09-15", "month", true), endPrecision: "day" }, x);
    expect([m.kind, m.x1, m.x2]).toEqual(["uncertain", 0, 150]);
    // And the other way round: an exact start with an end known to the month.
    const n = markFor({ ...ev("g", "2023-09-13", "2023-09-30", "day", true), endPrecision: "month" }, x);
    expect([n.kind, n.x1, n.x2]).toEqual(["uncertain", 120, 300]);
    // An end precision equal to the start's changes nothing.
    expect(markFor({ ...ev("b", "2023-09-13", "2023-09-15", "day", true), endPrecision: "day" }, x).kind).toBe("bar");
  });
  it("knows what overlaps the window", () => {
    expect(inView(ev("d", "2023-08-01", "2023-08-31", "month"), t("2023-09-01"), t("2023-10-01"))).toBe(false);
    expect(inView(ev("e", "2023-08-20", "2023-09-02", "day", true), t("2023-09-01"), t("2023-10-01"))).toBe(true);
  });
});

describe("bucketing", () => {
  it("chooses years for decades, months for years, days for weeks, within the bucket budget", () => {
    expect(bucketInterval(t("1990-01-01"), t("2026-01-01"))).toBe(utcYear);
    expect(bucketInterval(t("2020-01-01"), t("2023-01-01"))).toBe(utcMonth);
    expect(bucketInterval(t("2023-09-01"), t("2023-10-01"))).toBe(utcDay);
    expect(bucketInterval(t("2020-01-01"), t("2023-01-01"), 12)).toBe(utcYear); // quarters would be 12.0…: too many
  });
  it("uses decades, then centuries, for windows too wide for years", () => {
    const decades = bucketInterval(t("1900-01-01"), t("2026-01-01"), 20);
    expect(
      decades
        .floor(new Date(t("1994-10-01")))
        .toISOString()
        .slice(0, 10),
    ).toBe("1990-01-01");
    const centuries = bucketInterval(t("0001-01-01"), t("9999-01-01"), 200);
    expect(
      bucketCounts([ev("a", "2023-09-13", "2023-09-13")], t("0001-01-01"), t("9999-01-01"), centuries).length,
    ).toBeLessThanOrEqual(101);
  });
  it("counts each event once, in the bucket where its span starts", () => {
    const events = [
      ev("a", "2023-09-13", "2023-09-13"),
      ev("b", "2023-09-13", "2023-09-15", "day", true),
      ev("c", "2023-10-02", "2023-10-02"),
      ev("d", "2023-08-01", "2023-08-31", "month"),
    ];
    const buckets = bucketCounts(events, t("2023-09-01"), t("2023-11-01"), utcMonth);
    expect(buckets.map((b) => b.count)).toEqual([3, 1]); // d starts before the window: clamped into September
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(events.length);
  });
  it("splits into finer buckets as the window narrows", () => {
    const events = Array.from({ length: 30 }, (_, i) =>
      ev(String(i), `2023-09-${String(i + 1).padStart(2, "0")}`, `2023-09-${String(i + 1).padStart(2, "0")}`),
    );
    expect(bucketCounts(events, t("2023-01-01"), t("2024-01-01"), utcMonth).filter((b) => b.count).length).toBe(1);
    expect(bucketCounts(events, t("2023-09-01"), t("2023-10-01"), utcDay).filter((b) => b.count).length).toBe(30);
  });
});

describe("labels", () => {
  it("drops a label that would overlap the previous one", () => {
    const scale = makeScale(t("2023-09-01"), t("2023-10-01"), 300);
    const marks = [
      ev("a", "2023-09-10", "2023-09-10"),
      ev("b", "2023-09-11", "2023-09-11"),
      ev("c", "2023-09-28", "2023-09-28"),
    ].map((e) => markFor(e, (d) => scale(d)));
    expect([...placeLabels(marks).keys()]).toEqual(["a", "c"]);
  });
  it("shortens a label to end before the plot's right edge, and drops it when too little fits", () => {
    const scale = makeScale(t("2023-09-01"), t("2023-10-01"), 300);
    const long = {
      ...ev("a", "2023-09-20", "2023-09-20"),
      title: "Kim visits the Su-35 and Su-57 factory at Komsomolsk-on-Amur",
    };
    const labels = placeLabels(
      [markFor(long, (d) => scale(d)), markFor(ev("z", "2023-09-30", "2023-09-30"), (d) => scale(d))],
      300,
    );
    const text = labels.get("a")!;
    expect(text.endsWith("…")).toBe(true);
    expect(205 + text.length * 6.5).toBeLessThanOrEqual(300); // starts 8 right of the point's centre at 197
    expect(labels.has("z")).toBe(false);
  });
});
