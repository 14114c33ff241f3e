import { describe, expect, it } from "vitest";
import { parseAsOf, parseAsOfValue } from "./parse";

const now = new Date("2026-12-01T12:00:00.000Z");

describe("as_of", () => {
  it("reads a date alone as the end of that day, UTC", () => {
    const r = parseAsOfValue("2026-11-30", now);
    expect(r.asOf?.at.toISOString()).toBe("2026-11-30T23:59:59.999Z");
    expect(r.asOf?.label).toBe("30 November 2026");
    expect(r.asOf?.dateOnly).toBe(true);
  });

  it("reads today's date as now, since the day is not over", () => {
    expect(parseAsOfValue("2026-12-01", now).asOf?.at.toISOString()).toBe(now.toISOString());
  });

  it("reads a time with or without a zone (none means UTC)", () => {
    expect(parseAsOfValue("2026-11-30T14:30Z", now).asOf?.at.toISOString()).toBe("2026-11-30T14:30:00.000Z");
    expect(parseAsOfValue("2026-11-30T14:30:05", now).asOf?.at.toISOString()).toBe("2026-11-30T14:30:05.000Z");
    expect(parseAsOfValue("2026-11-30T14:30:00.250+02:00", now).asOf?.at.toISOString()).toBe(
      "2026-11-30T12:30:00.250Z",
    );
    expect(parseAsOfValue("2026-11-30T14:30Z", now).asOf?.label).toBe("30 November 2026, 14:30 UTC");
  });

  it("refuses the future and what is not a date, naming the parameter", () => {
    expect(parseAsOfValue("2026-12-02", now).error).toMatch(/^as_of “2026-12-02” is in the future/);
    expect(parseAsOfValue("2026-12-01T12:00:01Z", now).error).toMatch(/in the future/);
    for (const bad of [
      "yesterday",
      "2026-02-30",
      "2026-13-01",
      "2026-11-30T25:00",
      "2026-11-30T10:00+99:99",
      "2026-11-30T10:00+15:00",
      "0000-01-01",
      "2026-11",
    ])
      expect(parseAsOfValue(bad, now).error, bad).toMatch(/^as_of “.*” is not a date/);
  });

  it("is absent without the parameter, and refused when empty", () => {
    expect(parseAsOf({}, now)).toEqual({ asOf: null });
    expect(parseAsOf(new URLSearchParams("as_of="), now).error).toMatch(/empty/);
    expect(parseAsOf({ as_of: ["2026-11-30", "2020-01-01"] }, now).asOf?.raw).toBe("2026-11-30");
  });
});
