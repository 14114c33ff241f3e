import { describe, expect, it } from "vitest";
import {
  formatEventDate,
  isIsoDay,
  isoEventDate,
  overlaps,
  parseDateBound,
  precisionNote,
  spanOf,
  type EventDate,
} from "./date-span";

describe("spanOf", () => {
  it("covers the single day of a day-precision event", () => {
    expect(spanOf({ startDate: "2023-09-13", precision: "day" })).toEqual({ start: "2023-09-13", end: "2023-09-13" });
  });
  it("covers the whole month of a month-precision event", () => {
    expect(spanOf({ startDate: "2020-01-01", precision: "month" })).toEqual({ start: "2020-01-01", end: "2020-01-31" });
  });
  it("knows February in leap and common years", () => {
    expect(spanOf({ startDate: "2024-02-01", precision: "month" }).end).toBe("2024-02-29");
    expect(spanOf({ startDate: "2023-02-01", precision: "month" }).end).toBe("2023-02-28");
    expect(spanOf({ startDate: "1900-02-01", precision: "month" }).end).toBe("1900-02-28");
  });
  it("covers the whole year of a year-precision event", () => {
    expect(spanOf({ startDate: "1994-01-01", precision: "year" })).toEqual({ start: "1994-01-01", end: "1994-12-31" });
  });
  it("runs a range from its start to its end", () => {
    expect(spanOf({ startDate: "2003-08-27", endDate: "2009-04-14", precision: "day" })).toEqual({
      start: "2003-08-27",
      end: "2009-04-14",
    });
  });
  it("widens a month-precision range to whole months", () => {
    expect(spanOf({ startDate: "2022-09-01", endDate: "2022-11-01", precision: "month" })).toEqual({
      start: "2022-09-01",
      end: "2022-11-30",
    });
  });
});

describe("overlaps", () => {
  const january2020 = spanOf({ startDate: "2020-01-01", precision: "month" });
  it("matches a month-precision event to a day inside that month", () => {
    expect(overlaps(january2020, "2020-01-15", "2020-01-15")).toBe(true);
  });
  it("matches ranges that touch the span's first or last day", () => {
    expect(overlaps(january2020, "2019-12-01", "2020-01-01")).toBe(true);
    expect(overlaps(january2020, "2020-01-31", "2020-02-10")).toBe(true);
  });
  it("rejects ranges wholly before or after", () => {
    expect(overlaps(january2020, "2019-01-01", "2019-12-31")).toBe(false);
    expect(overlaps(january2020, "2020-02-01", undefined)).toBe(false);
  });
  it("treats a missing bound as open", () => {
    expect(overlaps(january2020, undefined, "2020-01-01")).toBe(true);
    expect(overlaps(january2020, undefined, undefined)).toBe(true);
  });
});

describe("parseDateBound", () => {
  it("expands a year, month or day to the start for `from` and the end for `to`", () => {
    expect(parseDateBound("2023", "from")).toBe("2023-01-01");
    expect(parseDateBound("2023", "to")).toBe("2023-12-31");
    expect(parseDateBound("2023-09", "to")).toBe("2023-09-30");
    expect(parseDateBound("2024-02", "to")).toBe("2024-02-29");
    expect(parseDateBound("2023-09-13", "from")).toBe("2023-09-13");
  });
  it("refuses what is not a real date", () => {
    for (const bad of ["notadate", "2023-13", "2023-02-30", "23-09-13", "2023-9-1", "", "2023-09-13T00:00"]) {
      expect(parseDateBound(bad, "from")).toBeNull();
    }
  });
});

describe("formatting", () => {
  it("shows a date only as precisely as it is known", () => {
    expect(formatEventDate({ startDate: "2023-09-13", precision: "day" })).toBe("13 September 2023");
    expect(formatEventDate({ startDate: "2020-01-01", precision: "month" })).toBe("January 2020");
    expect(formatEventDate({ startDate: "1994-01-01", precision: "year" })).toBe("1994");
    expect(formatEventDate({ startDate: "1994-10-01", precision: "month", approximate: true })).toBe("c. October 1994");
  });
  it("shortens ranges within a month or a year", () => {
    expect(formatEventDate({ startDate: "2019-02-27", endDate: "2019-02-28", precision: "day" })).toBe(
      "27–28 February 2019",
    );
    expect(formatEventDate({ startDate: "2023-07-25", endDate: "2023-08-02", precision: "day" })).toBe(
      "25 July – 2 August 2023",
    );
    expect(formatEventDate({ startDate: "2003-08-27", endDate: "2009-04-14", precision: "day" })).toBe(
      "27 August 2003 – 14 April 2009",
    );
  });
  it("gives machine-readable dates cut to their precision", () => {
    expect(isoEventDate({ startDate: "2020-01-01", precision: "month" })).toBe("2020-01");
    expect(isoEventDate({ startDate: "2019-02-27", endDate: "2019-02-28", precision: "day" })).toBe(
      "2019-02-27/2019-02-28",
    );
  });
  it("validates calendar days", () => {
    expect(isIsoDay("2024-02-29")).toBe(true);
    expect(isIsoDay("2023-02-29")).toBe(false);
  });
});

describe("a range whose ends are known to different precisions", () => {
  const e14: EventDate = { startDate: "2022-09-01", endDate: "2022-11-02", precision: "month", endPrecision: "day" };
  it("spans from the first day of the start's period to the end's own last day", () => {
    expect(spanOf(e14)).toEqual({ start: "2022-09-01", end: "2022-11-02" });
    expect(spanOf({ startDate: "2019-06-30", endDate: "2020-01-01", precision: "day", endPrecision: "year" })).toEqual({
      start: "2019-06-30",
      end: "2020-12-31",
    });
    expect(spanOf({ startDate: "2022-09-15", endDate: "2023-02-01", precision: "day", endPrecision: "month" })).toEqual(
      { start: "2022-09-15", end: "2023-02-28" },
    );
  });
  it("writes each end as precisely as it is known, with no c. unless the date is approximate", () => {
    expect(formatEventDate(e14)).toBe("September 2022 – 2 November 2022");
    expect(
      formatEventDate({ startDate: "2022-09-15", endDate: "2022-11-01", precision: "day", endPrecision: "month" }),
    ).toBe("15 September 2022 – November 2022");
    expect(
      formatEventDate({ startDate: "2019-01-01", endDate: "2020-03-01", precision: "year", endPrecision: "month" }),
    ).toBe("2019 – March 2020");
    expect(formatEventDate({ ...e14, approximate: true })).toBe("c. September 2022 – 2 November 2022");
  });
  it("cuts each side of the machine-readable date to its own precision", () => {
    expect(isoEventDate(e14)).toBe("2022-09/2022-11-02");
    expect(
      isoEventDate({ startDate: "2019-01-01", endDate: "2020-03-01", precision: "year", endPrecision: "month" }),
    ).toBe("2019/2020-03");
  });
  it("tells a reader how precisely each end is known", () => {
    expect(precisionNote(e14)).toBe("start known to the month, end to the day");
    expect(precisionNote({ precision: "month" })).toBe("known to the month");
    expect(precisionNote({ precision: "day" })).toBeNull();
    // An end precision without an end date says nothing about a date that is not there.
    expect(precisionNote({ precision: "day", endPrecision: "month" })).toBeNull();
  });
  it("changes nothing when the end's precision is absent, null or the start's", () => {
    const dates: EventDate[] = [
      { startDate: "2023-09-13", precision: "day" },
      { startDate: "2020-01-01", precision: "month" },
      { startDate: "1994-01-01", precision: "year", approximate: true },
      { startDate: "2019-02-27", endDate: "2019-02-28", precision: "day" },
      { startDate: "2023-07-25", endDate: "2023-08-02", precision: "day" },
      { startDate: "2003-08-27", endDate: "2009-04-14", precision: "day" },
      { startDate: "2022-09-01", endDate: "2022-11-01", precision: "month" },
      { startDate: "1990-01-01", endDate: "1994-01-01", precision: "year", approximate: true },
    ];
    const outputs = (d: EventDate) => [spanOf(d), formatEventDate(d), isoEventDate(d), precisionNote(d)];
    for (const d of dates) {
      const before = outputs(d);
      expect(outputs({ ...d, endPrecision: null }), JSON.stringify(d)).toEqual(before);
      expect(outputs({ ...d, endPrecision: d.precision }), JSON.stringify(d)).toEqual(before);
    }
    // The values the existing callers have always shown, pinned.
    expect(dates.map(formatEventDate)).toEqual([
      "13 September 2023",
      "January 2020",
      "c. 1994",
      "27–28 February 2019",
      "25 July – 2 August 2023",
      "27 August 2003 – 14 April 2009",
      "September 2022 – November 2022",
      "c. 1990 – 1994",
    ]);
    expect(dates.map(isoEventDate)).toEqual([
      "2023-09-13",
      "2020-01",
      "1994",
      "2019-02-27/2019-02-28",
      "2023-07-25/2023-08-02",
      "2003-08-27/2009-04-14",
      "2022-09/2022-11",
      "1990/1994",
    ]);
  });
});
