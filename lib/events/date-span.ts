// Dates with honest precision. An event is stored as start (+ optional end) + precision; the
// span is every day the event may cover: "January 2020" covers 2020-01-01..2020-01-31. Range
// filters compare spans, so a month-precision event matches any range touching that month.
// The end of a range may be known more or less precisely than its start (endPrecision):
// "September 2022 – 2 November 2022" covers 2022-09-01..2022-11-02.
import { MONTH_NAMES } from "../day";
import type { DatePrecisionSlug } from "./codebook";

export interface EventDate {
  /** YYYY-MM-DD */
  startDate: string;
  /** YYYY-MM-DD, inclusive */
  endDate?: string | null;
  precision: DatePrecisionSlug;
  /** How precisely the end is known; null or absent: as precisely as the start. */
  endPrecision?: DatePrecisionSlug | null;
  approximate?: boolean;
}

export interface Span {
  start: string;
  end: string;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A real calendar day from 0001-01-01 to 9999-12-31. Year 0000 is refused: PostgreSQL has no
 * year 0 and would fail the query. (setUTCFullYear, unlike Date.UTC, does not map years 0–99
 * to 1900–1999.)
 */
export function isIsoDay(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m || +m[1] < 1) return false;
  const d = new Date(0);
  d.setUTCFullYear(+m[1], +m[2] - 1, +m[3]);
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function lastDayOfMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** First and last day of the period `date` names at `precision`. */
export function periodOf(date: string, precision: DatePrecisionSlug): Span {
  const [y, m] = date.split("-").map(Number);
  if (precision === "year") return { start: `${pad(y, 4)}-01-01`, end: `${pad(y, 4)}-12-31` };
  if (precision === "month")
    return { start: `${pad(y, 4)}-${pad(m)}-01`, end: `${pad(y, 4)}-${pad(m)}-${pad(lastDayOfMonth(y, m))}` };
  return { start: date, end: date };
}

/** The precision of the date's last day: the end's own when it has one, else the start's. */
export function endPrecisionOf(date: Pick<EventDate, "endDate" | "precision" | "endPrecision">): DatePrecisionSlug {
  return (date.endDate && date.endPrecision) || date.precision;
}

export function spanOf(date: EventDate): Span {
  const start = periodOf(date.startDate, date.precision).start;
  const end = periodOf(date.endDate ?? date.startDate, endPrecisionOf(date)).end;
  return { start, end };
}

/**
 * Inclusive overlap of an event's span with a filter range; either bound may be open. The
 * where-builder applies the same rule in SQL; a property test checks the two agree.
 */
export function overlaps(span: Span, from?: string, to?: string): boolean {
  return (!from || span.end >= from) && (!to || span.start <= to);
}

/**
 * A filter bound typed by a person: YYYY, YYYY-MM or YYYY-MM-DD. `from` takes the first day of
 * the period and `to` the last, so `to=2020` includes all of 2020. Null when not a real date.
 */
export function parseDateBound(value: string, bound: "from" | "to"): string | null {
  let precision: DatePrecisionSlug;
  let date: string;
  if (/^\d{4}$/.test(value)) [precision, date] = ["year", `${value}-01-01`];
  else if (/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) [precision, date] = ["month", `${value}-01`];
  else if (isIsoDay(value)) [precision, date] = ["day", value];
  else return null;
  if (value.startsWith("0000")) return null; // no year 0 in PostgreSQL (see isIsoDay)
  const period = periodOf(date, precision);
  return bound === "from" ? period.start : period.end;
}

function formatOne(date: string, precision: DatePrecisionSlug): string {
  const [y, m, d] = date.split("-").map(Number);
  if (precision === "year") return String(y);
  if (precision === "month") return `${MONTH_NAMES[m - 1]} ${y}`;
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/** "13 September 2023", "January 2020", "27–28 February 2019", "c. 1994", "September 2022 – 2 November 2022". */
export function formatEventDate(date: EventDate): string {
  const prefix = date.approximate ? "c. " : "";
  const start = formatOne(date.startDate, date.precision);
  const endPrecision = endPrecisionOf(date);
  if (!date.endDate || (date.endDate === date.startDate && endPrecision === date.precision)) return prefix + start;
  const end = formatOne(date.endDate, endPrecision);
  // Ends known to different precisions are each written in full at their own precision: the
  // shortening below ("27–28 February 2019") is for two days.
  if (endPrecision !== date.precision) return `${prefix}${start} – ${end}`;
  const [sy, sm] = date.startDate.split("-");
  const [ey, em] = date.endDate.split("-");
  if (date.precision === "day" && sy === ey && sm === em) {
    return `${prefix}${Number(date.startDate.slice(8))}–${end}`;
  }
  if (date.precision === "day" && sy === ey) return `${prefix}${start.replace(` ${sy}`, "")} – ${end}`;
  return `${prefix}${start} – ${end}`;
}

/**
 * What a reader is told beside the date about its precision: "known to the month", or for a
 * range whose ends are known differently "start known to the month, end to the day"; null when
 * every day shown is known.
 */
export function precisionNote(date: Pick<EventDate, "endDate" | "precision" | "endPrecision">): string | null {
  const end = endPrecisionOf(date);
  if (end !== date.precision) return `start known to the ${date.precision}, end to the ${end}`;
  return date.precision === "day" ? null : `known to the ${date.precision}`;
}

const cutTo = (d: string, precision: DatePrecisionSlug) =>
  precision === "year" ? d.slice(0, 4) : precision === "month" ? d.slice(0, 7) : d;

/** The same date in machine form for <time datetime> and exports: 2020-01, 2023-09-13/2023-09-15, 2022-09/2022-11-02. */
export function isoEventDate(date: EventDate): string {
  const start = cutTo(date.startDate, date.precision);
  const end = date.endDate ? cutTo(date.endDate, endPrecisionOf(date)) : start;
  return end === start ? start : `${start}/${end}`;
}

export function toIsoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
