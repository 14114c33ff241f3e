"use client";
import { FieldError, errorProps } from "@/components/ui/field-error";
import type { FormValues } from "@/lib/events/form-values";

type Props = { values: FormValues; set: (patch: Partial<FormValues>) => void; errors: Record<string, string[]> };

// The input type follows the precision, so a month is entered as a month, never as its 1st day.
const inputFor = (precision: FormValues["precision"]) =>
  precision === "day"
    ? { type: "date" }
    : precision === "month"
      ? { type: "month", placeholder: "YYYY-MM" }
      : { type: "number", min: 1000, max: 2999, placeholder: "YYYY" };

export function DateFields({ values, set, errors }: Props) {
  // Offered once there is an end (and kept while one is chosen, since choosing clears the end
  // typed at the old precision), so a single date never shows a control about an end it lacks.
  const showEndPrecision = Boolean(values.end || values.endPrecision);
  return (
    <fieldset className="group">
      <legend>Date</legend>
      <div className="row">
        <div>
          <label htmlFor="ev-precision">Known to the</label>
          <select
            id="ev-precision"
            value={values.precision}
            onChange={(e) => set({ precision: e.target.value as FormValues["precision"], start: "", end: "" })}
          >
            <option value="day">day</option>
            <option value="month">month</option>
            <option value="year">year</option>
          </select>
        </div>
        <div>
          <label htmlFor="ev-start">{values.end ? "Starts" : "Date"}</label>
          <input
            id="ev-start"
            {...inputFor(values.precision)}
            value={values.start}
            onChange={(e) => set({ start: e.target.value })}
            {...errorProps("ev-start", errors.startDate)}
          />
          <FieldError id="ev-start-error" messages={errors.startDate} />
        </div>
        <div>
          <label htmlFor="ev-end">Ends (for a range)</label>
          <input
            id="ev-end"
            {...inputFor(values.endPrecision || values.precision)}
            value={values.end}
            onChange={(e) => set({ end: e.target.value })}
            {...errorProps("ev-end", errors.endDate)}
          />
          <FieldError id="ev-end-error" messages={errors.endDate} />
        </div>
        {showEndPrecision && (
          <div>
            <label htmlFor="ev-end-precision">End known to the</label>
            <select
              id="ev-end-precision"
              value={values.endPrecision}
              onChange={(e) => set({ endPrecision: e.target.value as FormValues["endPrecision"], end: "" })}
              {...errorProps("ev-end-precision", errors.endPrecision)}
            >
              <option value="">same as start</option>
              <option value="day">day</option>
              <option value="month">month</option>
              <option value="year">year</option>
            </select>
            <FieldError id="ev-end-precision-error" messages={errors.endPrecision} />
          </div>
        )}
        <div>
          <label className="inline">
            <input
              type="checkbox"
              checked={values.approximate}
              onChange={(e) => set({ approximate: e.target.checked })}
            />{" "}
            Approximate (sources disagree or the date is inferred)
          </label>
        </div>
      </div>
    </fieldset>
  );
}
