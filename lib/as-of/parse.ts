// The `as_of` parameter: the moment whose published record a view shows. A date alone means the
// end of that day in UTC (the record as it stood when the day was over); a time without a zone is
// UTC. A future moment or a value that is not a date is refused in words, never guessed at.
import { MONTH_NAMES } from "../day";
import { rawValues, type RawParams } from "../events/query-params";

export interface AsOf {
  /** The moment, to the millisecond. */
  at: Date;
  /** The value as given (kept in links). */
  raw: string;
  dateOnly: boolean;
  /** "1 December 2026" or "1 December 2026, 14:30 UTC". */
  label: string;
}

export type AsOfParse = { asOf: AsOf | null; error?: undefined } | { asOf?: undefined; error: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

export const AS_OF_HELP =
  "Use a date (YYYY-MM-DD, meaning the end of that day, UTC) or a date and time (e.g. 2026-12-01T14:30Z).";

function validDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= 1 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export function dayLabel(d: Date): string {
  return `${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function timeLabel(d: Date): string {
  const hh = String(d.getUTCHours()).padStart(2, "0");
  const mm = String(d.getUTCMinutes()).padStart(2, "0");
  const ss = d.getUTCSeconds() || d.getUTCMilliseconds() ? `:${String(d.getUTCSeconds()).padStart(2, "0")}` : "";
  return `${dayLabel(d)}, ${hh}:${mm}${ss} UTC`;
}

/** One value of `as_of`; `now` is for tests. */
export function parseAsOfValue(value: string, now: Date = new Date()): AsOfParse {
  const raw = value.trim();
  const shown = `“${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}”`;
  let at: Date | null = null;
  let dateOnly = false;
  const d = DATE.exec(raw);
  const t = d ? null : TIME.exec(raw);
  if (d) {
    const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
    if (validDay(y, m, day)) {
      at = new Date(Date.UTC(y, m - 1, day, 23, 59, 59, 999));
      at.setUTCFullYear(y);
      dateOnly = true;
    }
  } else if (t) {
    const [y, m, day, hh, mi, ss] = [1, 2, 3, 4, 5, 6].map((i) => Number(t[i] ?? 0));
    if (validDay(y, m, day) && hh <= 23 && mi <= 59 && ss <= 59) {
      const ms = t[7] ? Math.floor(Number(t[7]) * 1000) : 0;
      let offset = 0;
      const zone = t[8];
      if (zone && zone.toUpperCase() !== "Z") {
        const zm = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
        // Offsets in use run from -12:00 to +14:00; anything else is not a zone.
        if (Number(zm[2]) > 14 || Number(zm[3]) > 59) return { error: `as_of ${shown} is not a date. ${AS_OF_HELP}` };
        offset = (zm[1] === "-" ? -1 : 1) * (Number(zm[2]) * 60 + Number(zm[3]));
      }
      const base = new Date(Date.UTC(2000, m - 1, day, hh, mi, ss, ms));
      base.setUTCFullYear(y);
      at = new Date(base.getTime() - offset * 60_000);
    }
  }
  if (!at || Number.isNaN(at.getTime()) || at.getUTCFullYear() < 1)
    return { error: `as_of ${shown} is not a date. ${AS_OF_HELP}` };
  if (dateOnly ? raw > now.toISOString().slice(0, 10) : at.getTime() > now.getTime()) {
    return { error: `as_of ${shown} is in the future: the record can be shown only as it stood up to now.` };
  }
  // Today's date alone means "so far today": the end of the day has not come yet.
  if (dateOnly && at.getTime() > now.getTime()) at = new Date(now.getTime());
  return { asOf: { at, raw, dateOnly, label: dateOnly ? dayLabel(at) : timeLabel(at) } };
}

/** `as_of` in a page's or request's parameters: null when absent (today's record). */
export function parseAsOf(params: RawParams, now?: Date): AsOfParse {
  const values = rawValues(params, "as_of");
  if (!values.length || !values[0].trim())
    return values.length ? { error: `as_of is empty. ${AS_OF_HELP}` } : { asOf: null };
  return parseAsOfValue(values[0], now);
}

/** The moment as PostgreSQL reads a `timestamp` (UTC, as the columns are stored). */
export function sqlTimestamp(d: Date): string {
  const iso = d.toISOString();
  return `${String(d.getUTCFullYear()).padStart(4, "0")}${iso.slice(iso.indexOf("-", 1))}`;
}
