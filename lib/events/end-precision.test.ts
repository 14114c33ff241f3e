// An end known to another precision than the start (issue 12, E14): what the event schema
// accepts, how it stores "the same precision", and the editor form's conversion.
import { describe, expect, it } from "vitest";
import { emptyForm, fromInput, toRawInput } from "./form-values";
import { eventInputSchema, fieldErrorsOf } from "./schemas";

const base = {
  id: "2022-09-us-says-shells",
  title: "US says shells were shipped",
  summary: "It said so.",
  type: "arms-transfer",
  claimStatus: "alleged",
  startDate: "2022-09-01",
  endDate: "2022-11-02",
  precision: "month",
  endPrecision: "day",
};
const errorsOf = (input: Record<string, unknown>) => {
  const r = eventInputSchema.safeParse(input);
  return r.success ? {} : fieldErrorsOf(r.error);
};

describe("the end's own precision in the event schema", () => {
  it("accepts a month start with an exact end and keeps the end's precision", () => {
    expect(eventInputSchema.parse(base)).toMatchObject({
      precision: "month",
      endPrecision: "day",
      endDate: "2022-11-02",
    });
  });
  it("stores an end as precise as the start as 'the same' (no endPrecision)", () => {
    const parsed = eventInputSchema.parse({ ...base, endDate: "2022-11-01", endPrecision: "month" });
    expect(parsed).not.toHaveProperty("endPrecision");
    expect(parsed).toEqual(eventInputSchema.parse({ ...base, endDate: "2022-11-01", endPrecision: undefined }));
  });
  it("refuses an end precision with no end date", () => {
    expect(errorsOf({ ...base, endDate: undefined })).toEqual({
      endPrecision: ["Give an end date, or leave the end known as precisely as the start"],
    });
  });
  it("asks for the first day of the end's period", () => {
    expect(
      errorsOf({ ...base, startDate: "2022-09-13", precision: "day", endDate: "2022-11-02", endPrecision: "month" }),
    ).toEqual({
      endDate: ["With the end known to the month, give the first day of the month"],
    });
    expect(errorsOf({ ...base, endDate: "2023-02-01", endPrecision: "year" })).toEqual({
      endDate: ["With the end known to the year, give the first day of the year"],
    });
  });
  it("compares the span's ends, not the stored days", () => {
    // Ends within September, after the 15th: the stored 1 September is before the start, the span is not.
    expect(
      errorsOf({ ...base, startDate: "2022-09-15", precision: "day", endDate: "2022-09-01", endPrecision: "month" }),
    ).toEqual({});
    expect(errorsOf({ ...base, endDate: "2022-08-31" })).toEqual({
      endDate: ["The end date is before the start date"],
    });
    expect(errorsOf({ ...base, startDate: "2022-10-01", endDate: "2022-09-30" })).toEqual({
      endDate: ["The end date is before the start date"],
    });
  });
  it("keeps the existing rules when no end precision is given", () => {
    expect(errorsOf({ ...base, endPrecision: undefined, endDate: "2022-08-01" })).toEqual({
      endDate: ["The end date is before the start date"],
    });
    expect(errorsOf({ ...base, endPrecision: undefined, startDate: "2022-09-02" })).toEqual({
      startDate: ["With month precision, give the first day of the month"],
    });
    expect(errorsOf({ ...base, endPrecision: undefined, endDate: "2022-11-01" })).toEqual({});
  });
});

describe("the editor form's end precision", () => {
  const filled = {
    ...emptyForm(),
    id: base.id,
    title: base.title,
    summary: base.summary,
    type: base.type,
    claimStatus: base.claimStatus,
  };

  it("reads the end at its own precision", () => {
    const raw = toRawInput(
      { ...filled, precision: "month", start: "2022-09", end: "2022-11-02", endPrecision: "day" },
      "draft",
    );
    expect(raw).toMatchObject({
      startDate: "2022-09-01",
      endDate: "2022-11-02",
      precision: "month",
      endPrecision: "day",
    });
    expect(
      toRawInput({ ...filled, precision: "day", start: "2022-09-15", end: "2022-11", endPrecision: "month" }, "draft"),
    ).toMatchObject({ endDate: "2022-11-01", endPrecision: "month" });
  });
  it("sends no end precision without an end, or when it is the start's", () => {
    expect(
      toRawInput({ ...filled, precision: "month", start: "2022-09", end: "", endPrecision: "day" }, "draft")
        .endPrecision,
    ).toBeUndefined();
    expect(
      toRawInput({ ...filled, precision: "month", start: "2022-09", end: "2022-11", endPrecision: "" }, "draft"),
    ).toMatchObject({ endDate: "2022-11-01", endPrecision: undefined });
  });
  it("shows a stored mixed range as it was typed, and round-trips", () => {
    const parsed = eventInputSchema.parse(base);
    expect(fromInput(parsed)).toMatchObject({
      precision: "month",
      start: "2022-09",
      end: "2022-11-02",
      endPrecision: "day",
    });
    expect(eventInputSchema.parse(toRawInput(fromInput(parsed), "draft"))).toEqual(parsed);
    expect(
      fromInput(eventInputSchema.parse({ ...base, endDate: "2022-11-01", endPrecision: undefined })),
    ).toMatchObject({ end: "2022-11", endPrecision: "" });
  });
});
