// Release numbers: year.month.n (2026.12.1 is the first release made in December 2026, UTC).
// Readable as a date, ordered as numbers, and a valid semantic version (major.minor.patch), which
// the Data Package specification recommends for `version`. Never reused: rows are immutable.

export interface ReleaseNumber {
  year: number;
  month: number;
  number: number;
}

export const formatVersion = (n: ReleaseNumber) => `${n.year}.${n.month}.${n.number}`;

const VERSION = /^(\d{4})\.(1[0-2]|[1-9])\.([1-9]\d{0,5})$/;

/** The parts of a version string, or null for anything that is not one (e.g. "2026.012.1"). */
export function parseVersion(text: string): ReleaseNumber | null {
  const m = VERSION.exec(text);
  return m ? { year: Number(m[1]), month: Number(m[2]), number: Number(m[3]) } : null;
}

/** The number of a release made at `at`, after `lastThisMonth` releases in that UTC month. */
export function nextNumber(at: Date, lastThisMonth: number): ReleaseNumber {
  return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, number: lastThisMonth + 1 };
}
