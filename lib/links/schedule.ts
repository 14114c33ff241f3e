// The app's own link check, when LINK_CHECK_INTERVAL_HOURS is set: started from
// instrumentation.ts, so it runs in every `next start` process, and kept to one instance at a time
// by the advisory lock. Each tick checks only the addresses not checked for an interval, so a
// second instance that gets the lock just after the first finished finds nothing due, and
// restarts never cause extra runs. Nothing here may throw into the server: a failed tick logs a
// warning and the next tick tries again.
import type { PrismaClient } from "../generated/prisma/client";
import { logger } from "../log";
import { createPrismaClient } from "../prisma-client";
import type { LinkCheckOptions } from "./check";
import { sharedHostGate } from "./host-gate";
import { withLinkCheckLock } from "./lock";
import { runLinkCheck, type LinkCheckSummary } from "./run";

const HOUR_MS = 3_600_000;

/** LINK_CHECK_INTERVAL_HOURS as hours; null when unset (the schedule is off). Throws on nonsense. */
export function linkCheckIntervalHours(raw = process.env.LINK_CHECK_INTERVAL_HOURS): number | null {
  if (raw === undefined || raw.trim() === "") return null;
  const hours = Number(raw);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 366) {
    throw new RangeError(`LINK_CHECK_INTERVAL_HOURS must be a number of hours above 0 (e.g. 24), not "${raw}".`);
  }
  return hours;
}

/**
 * How often to look for due addresses: a quarter of the interval (between 1 minute and 1 hour),
 * so each address is checked between one interval and an interval and a quarter after its last check.
 */
export const tickMs = (hours: number) => Math.min(HOUR_MS, Math.max(60_000, (hours * HOUR_MS) / 4));

export interface ScheduledRun {
  databaseUrl: string;
  prisma: PrismaClient;
  intervalHours: number;
  now?: Date;
  options?: LinkCheckOptions;
}

/** One tick: the due addresses, if this process gets the lock; `ran: false` when another holds it. */
export async function runScheduledLinkCheck(
  run: ScheduledRun,
): Promise<{ ran: false } | { ran: true; summary: LinkCheckSummary }> {
  const dueBefore = new Date((run.now ?? new Date()).getTime() - run.intervalHours * HOUR_MS);
  const locked = await withLinkCheckLock(run.databaseUrl, () =>
    runLinkCheck(run.prisma, { kind: "public", dueBefore }, { gate: sharedHostGate(), ...run.options }),
  );
  return locked.ran ? { ran: true, summary: locked.value } : { ran: false };
}

/**
 * The function each timer tick calls. It never rejects: a database that is down, a lock held
 * elsewhere or a failed run are logged, and the next tick tries again.
 */
export function createLinkCheckTick(
  databaseUrl: string,
  intervalHours: number,
  options?: LinkCheckOptions,
): () => Promise<void> {
  // Its own small pool, created on the first tick: the check must never take the connections
  // pages need, and a database that is down at start-up must not stop the app from starting.
  let prisma: PrismaClient | undefined;
  let running = false;
  return async () => {
    if (running) return; // a run longer than a tick: the next tick finds its addresses no longer due
    running = true;
    try {
      prisma ??= createPrismaClient(databaseUrl, 2);
      const outcome = await runScheduledLinkCheck({ databaseUrl, prisma, intervalHours, options });
      if (!outcome.ran)
        logger.info(
          { action: "links.check", outcome: "skipped" },
          "link check skipped: another instance is running it",
        );
      else if (outcome.summary.offline)
        logger.warn(
          { action: "links.check", outcome: "failed", checked: outcome.summary.results.length },
          "link check: no address answered at all; this machine seems to have no outside network, so nothing was recorded",
        );
      else if (outcome.summary.inScope > 0) logSummary(outcome.summary);
    } catch (err) {
      logger.warn(
        { action: "links.check", outcome: "failed", err: (err as Error).message },
        "link check failed; the next tick tries again",
      );
    } finally {
      running = false;
    }
  };
}

const globalForSchedule = globalThis as unknown as { linkCheckSchedule?: { stop(): void } };

/** Starts the schedule once per process (dev reloads call register() again); a no-op when off. */
export function startLinkCheckSchedule(): void {
  if (globalForSchedule.linkCheckSchedule) return;
  let hours: number | null;
  try {
    hours = linkCheckIntervalHours();
  } catch (err) {
    logger.error({ err: (err as Error).message }, "link check schedule not started");
    return;
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (hours === null) return;
  if (!databaseUrl) {
    logger.warn("LINK_CHECK_INTERVAL_HOURS is set but DATABASE_URL is not; link check schedule not started");
    return;
  }
  const intervalHours = hours;
  const tick = createLinkCheckTick(databaseUrl, intervalHours);
  const every = tickMs(intervalHours);
  // The first tick waits a minute, so start-up (and its migrations) is not slowed by it.
  const first = setTimeout(() => void tick(), Math.min(every, 60_000));
  const timer = setInterval(() => void tick(), every);
  // Timers must not keep a process alive that is otherwise done (a script importing the app).
  first.unref();
  timer.unref();
  globalForSchedule.linkCheckSchedule = { stop: () => (clearTimeout(first), clearInterval(timer)) };
  logger.info({ intervalHours }, "link check schedule started");
}

function logSummary(s: LinkCheckSummary) {
  logger.info(
    {
      action: "links.check",
      outcome: "ok",
      checked: s.results.length,
      ...s.counts,
      skipped: s.skipped.length,
      deadChanged: s.visibilityChanged.length,
      elapsedMs: Math.round(s.elapsedMs),
    },
    `link check: ${s.results.length} addresses checked, ${s.skipped.length} left for the next run`,
  );
}
