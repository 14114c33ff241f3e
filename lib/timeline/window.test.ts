import { expect, it } from "vitest";
import { DAY_MS } from "../day";
import { MIN_WINDOW_MS, windowBounds } from "./window";

const t = (d: string) => Date.parse(`${d}T00:00:00Z`);

it("names the window's first day and its last day shown (the end is exclusive in ms, inclusive in the URL)", () => {
  expect(windowBounds(t("2023-09-01"), t("2023-10-01"))).toEqual({ start: "2023-09-01", end: "2023-09-30" });
  expect(windowBounds(t("2023-09-13"), t("2023-09-13") + MIN_WINDOW_MS)).toEqual({
    start: "2023-09-13",
    end: "2023-09-19",
  });
});

it("keeps both bounds within the years 1 to 9999, which is all the parameters accept", () => {
  expect(windowBounds(t("0001-01-01") - 400 * DAY_MS, t("9999-12-31") + 400 * DAY_MS)).toEqual({
    start: "0001-01-01",
    end: "9999-12-31",
  });
});

it("a day is 24 hours and the narrowest window a week", () => {
  expect(DAY_MS).toBe(t("2023-01-02") - t("2023-01-01"));
  expect(MIN_WINDOW_MS).toBe(7 * DAY_MS);
});
