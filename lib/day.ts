/** One day in milliseconds. Dates here are UTC days, which are all exactly this long. */
export const DAY_MS = 86_400_000;
