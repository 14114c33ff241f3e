// When a cited address counts as dead. One rule, shared by the public event page (which then
// offers the archived copy first) and the editors' dead-links list, so the two never disagree.
// Issue 12: "A link is shown as dead only after failing on two checks at least a day apart":
// one failed check is often a passing outage, and telling readers a source is gone when it is
// not would undermine the citation for nothing.

/** The failures must span at least this long (first failure → latest check) to count as dead. */
export const DEAD_LINK_MIN_FAILING_MS = 24 * 60 * 60 * 1000;

/** The statuses that are failures; `ok` and `redirected` mean the reader still reaches a page. */
export const FAILING_LINK_STATUSES = ["gone", "failing"] as const;

/** The fields of a LinkCheck row the rule reads (a Prisma row fits as it is). */
export type LinkCheckState = {
  status: string;
  firstFailureAt: Date | null;
  lastCheckedAt: Date;
};

export function isDeadLink(check: LinkCheckState | null | undefined): boolean {
  if (!check || !check.firstFailureAt) return false;
  if (!(FAILING_LINK_STATUSES as readonly string[]).includes(check.status)) return false;
  return check.lastCheckedAt.getTime() - check.firstFailureAt.getTime() >= DEAD_LINK_MIN_FAILING_MS;
}
