/** One day in milliseconds. Dates here are UTC days, which are all exactly this long. */
export const DAY_MS = 86_400_000;

/** English month names, January first (index = UTC month, 0–11). */
export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;
