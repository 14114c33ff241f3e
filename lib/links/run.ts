// One link-check run, end to end: pick the addresses, check them, record the outcomes. Shared by
// `npm run sources:check`, the app's schedule and the editor's "Check links" button.
import { assertRole, type SessionUser } from "../auth/roles";
import { NotFoundError } from "../events/errors";
import type { PrismaClient } from "../generated/prisma/client";
import { checkUrls, type LinkCheckOptions, type LinkOutcome, type LinkStatus, type SkipReason } from "./check";
import { isDeadLink } from "./health";
import { listEventUrls, listPublicUrls } from "./queries";
import { recordLinkOutcomes } from "./record";

export type LinkCheckScope =
  /** Every address readers can see; with `dueBefore`, those not checked since. */
  { kind: "public"; dueBefore?: Date } | { kind: "event"; eventId: string };

export interface CheckedLink extends LinkOutcome {
  /** Dead as readers see it after this check (./health.ts). */
  dead: boolean;
  firstFailureAt: Date | null;
}

export interface LinkCheckSummary {
  /** Addresses in scope before the run's bounds. */
  inScope: number;
  results: CheckedLink[];
  counts: Record<LinkStatus, number>;
  skipped: { url: string; reason: SkipReason }[];
  /** Addresses whose dead-or-alive state changed for readers (each bumped the public version). */
  visibilityChanged: string[];
  /** No address answered at all: taken as the checker being offline, and nothing was recorded. */
  offline: boolean;
  elapsedMs: number;
}

// A machine whose outgoing traffic is blocked (a firewall, a broken resolver) fails every
// address the same way. Recorded, that would tell readers a day later that every source is dead.
// So a run of at least this many addresses in which not one got an HTTP answer records nothing.
const OFFLINE_MIN_URLS = 10;
const looksOffline = (results: readonly LinkOutcome[]) =>
  results.length >= OFFLINE_MIN_URLS && results.every((r) => r.httpStatus === null);

export async function runLinkCheck(
  prisma: PrismaClient,
  scope: LinkCheckScope,
  options: LinkCheckOptions = {},
): Promise<LinkCheckSummary> {
  const started = performance.now();
  const urls =
    scope.kind === "public"
      ? await listPublicUrls(prisma, scope.dueBefore)
      : await listEventUrls(prisma, scope.eventId);
  if (!urls) throw new NotFoundError();
  const run = await checkUrls(urls, options);
  const offline = looksOffline(run.results);
  const { states, visibilityChanged } = offline
    ? { states: new Map(), visibilityChanged: [] }
    : await recordLinkOutcomes(prisma, run.results);
  const counts: Record<LinkStatus, number> = { ok: 0, redirected: 0, gone: 0, failing: 0 };
  const results = run.results.map((outcome) => {
    counts[outcome.status]++;
    const state = states.get(outcome.url);
    return { ...outcome, dead: isDeadLink(state), firstFailureAt: state?.firstFailureAt ?? null };
  });
  return {
    inScope: urls.length,
    results,
    counts,
    skipped: run.skipped,
    visibilityChanged,
    offline,
    elapsedMs: performance.now() - started,
  };
}

// An editor's check of one event: small and interactive, so tighter bounds than a full run.
export const EVENT_CHECK_LIMITS = { maxUrls: 100, timeLimitMs: 30_000 } as const;

/**
 * The editor's "Check links": editors and admins only. It sends requests to outside sites from
 * the server and writes link states that change what readers are shown, which is an editor's
 * decision; contributors see the results on the desk once an editor or the schedule has checked.
 */
export async function checkEventLinks(
  prisma: PrismaClient,
  user: SessionUser | null,
  eventId: string,
  options: LinkCheckOptions = {},
) {
  assertRole(user, "editor");
  return runLinkCheck(prisma, { kind: "event", eventId }, { ...EVENT_CHECK_LIMITS, ...options });
}
