// Writing check outcomes to LinkCheck, one row per address. The row keeps the start of the
// current run of failures (firstFailureAt), which the dead-link rule (./health.ts) measures from;
// a working answer clears it. When a link turns dead or comes back as readers see it, the public
// version is bumped in the same transaction, so cached public pages show the change at once.
import type { PrismaClient } from "../generated/prisma/client";
import { bumpPublicVersion } from "../page-cache/public-version";
import type { LinkOutcome, LinkStatus } from "./check";
import { FAILING_LINK_STATUSES, isDeadLink } from "./health";

export interface LinkState {
  status: LinkStatus;
  httpStatus: number | null;
  redirectedTo: string | null;
  detail: string | null;
  firstFailureAt: Date | null;
  lastCheckedAt: Date;
  lastOkAt: Date | null;
}

const isFailure = (status: string) => (FAILING_LINK_STATUSES as readonly string[]).includes(status);

/** The row after one more check. */
export function nextLinkState(previous: LinkState | null, outcome: LinkOutcome): LinkState {
  const failed = isFailure(outcome.status);
  return {
    status: outcome.status,
    httpStatus: outcome.httpStatus,
    redirectedTo: outcome.redirectedTo,
    detail: outcome.detail,
    // A failure after a failure keeps the first one's time; gone → failing is still one run of failures.
    firstFailureAt: failed ? (previous?.firstFailureAt ?? outcome.checkedAt) : null,
    lastCheckedAt: outcome.checkedAt,
    lastOkAt: failed ? (previous?.lastOkAt ?? null) : outcome.checkedAt,
  };
}

export interface RecordResult {
  /** The row of each address written, after this run. */
  states: Map<string, LinkState>;
  /** Addresses that turned dead or came back, as readers see it. */
  visibilityChanged: string[];
}

// Rows per transaction: short transactions, so the editor's button never waits long behind a
// scheduled run recording its batch (both lock the rows they write).
const BATCH = 100;

export async function recordLinkOutcomes(
  prisma: PrismaClient,
  outcomes: readonly LinkOutcome[],
): Promise<RecordResult> {
  const states = new Map<string, LinkState>();
  const visibilityChanged: string[] = [];
  // One order for every writer, so two runs locking the same rows never deadlock.
  const sorted = [...outcomes].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  for (let i = 0; i < sorted.length; i += BATCH) {
    const batch = sorted.slice(i, i + BATCH);
    await prisma.$transaction(async (tx) => {
      const urls = batch.map((o) => o.url);
      const rows = await tx.$queryRaw<(LinkState & { url: string })[]>`
        SELECT url, status::text AS status, http_status AS "httpStatus", redirected_to AS "redirectedTo", detail,
               first_failure_at AS "firstFailureAt", last_checked_at AS "lastCheckedAt", last_ok_at AS "lastOkAt"
        FROM link_check WHERE url = ANY(${urls}::text[]) ORDER BY url FOR UPDATE`;
      const previous = new Map(rows.map((r) => [r.url, r]));
      let changed = false;
      for (const outcome of batch) {
        const before = previous.get(outcome.url) ?? null;
        // Two runs can overlap (the schedule and an editor's button): never let an older answer
        // overwrite a newer one.
        if (before && before.lastCheckedAt > outcome.checkedAt) {
          states.set(outcome.url, before);
          continue;
        }
        const after = nextLinkState(before, outcome);
        await tx.linkCheck.upsert({
          where: { url: outcome.url },
          create: { url: outcome.url, ...after },
          update: after,
        });
        states.set(outcome.url, after);
        if (isDeadLink(before) !== isDeadLink(after)) {
          visibilityChanged.push(outcome.url);
          changed = true;
        }
      }
      if (changed) await bumpPublicVersion(tx);
    });
  }
  return { states, visibilityChanged };
}
