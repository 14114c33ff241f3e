// npm run sources:check [-- --max 5000 --minutes 10 --per-host 2 --pause-ms 1000 --timeout-seconds 10 --concurrency 10]
// Checks every cited address and archive address of the events readers can see, on DATABASE_URL
// (or the embedded database), records the outcomes and prints a summary. Exits 0 whatever the
// links say; 1 only when it cannot do its work (no database, bad flags).
import { parseArgs } from "node:util";
import { createPrismaClient } from "../lib/prisma-client";
import { LINK_CHECK_DEFAULTS, type LinkCheckOptions } from "../lib/links/check";
import { DEAD_LINK_MIN_FAILING_MS } from "../lib/links/health";
import { DEFAULT_HOST_PAUSE_MS, DEFAULT_PER_HOST } from "../lib/links/host-gate";
import { withLinkCheckLock } from "../lib/links/lock";
import { runLinkCheck, type LinkCheckSummary } from "../lib/links/run";
import { adminQuery, openAppDatabase } from "../tooling/database";
import { runCli } from "./lib/run-cli";
import { UserFacingError } from "../tooling/user-facing-error";

const FLAGS = {
  max: { type: "string", default: String(LINK_CHECK_DEFAULTS.maxUrls) },
  minutes: { type: "string", default: String(LINK_CHECK_DEFAULTS.timeLimitMs / 60_000) },
  "per-host": { type: "string", default: String(DEFAULT_PER_HOST) },
  "pause-ms": { type: "string", default: String(DEFAULT_HOST_PAUSE_MS) },
  "timeout-seconds": { type: "string", default: String(LINK_CHECK_DEFAULTS.timeoutMs / 1000) },
  concurrency: { type: "string", default: String(LINK_CHECK_DEFAULTS.concurrency) },
} as const;

function readOptions(): LinkCheckOptions {
  let values: Record<keyof typeof FLAGS, string>;
  try {
    // A bare "--" (tsx run directly rather than through npm, which drops it) is no flag.
    const args = process.argv.slice(2).filter((a) => a !== "--");
    values = parseArgs({ args, options: FLAGS, allowPositionals: false }).values as typeof values;
  } catch (err) {
    throw new UserFacingError(
      `${(err as Error).message}. Flags: ${Object.keys(FLAGS)
        .map((f) => `--${f} <number>`)
        .join(", ")}.`,
    );
  }
  const number = (flag: keyof typeof FLAGS, min: number, whole: boolean) => {
    const n = Number(values[flag]);
    if (!Number.isFinite(n) || n < min || (whole && !Number.isInteger(n))) {
      throw new UserFacingError(
        `--${flag} must be ${whole ? "a whole number" : "a number"} of at least ${min}, not "${values[flag]}".`,
      );
    }
    return n;
  };
  return {
    maxUrls: number("max", 1, true),
    timeLimitMs: number("minutes", 0.1, false) * 60_000,
    perHost: number("per-host", 1, true),
    hostPauseMs: number("pause-ms", 0, true),
    timeoutMs: number("timeout-seconds", 1, false) * 1000,
    concurrency: number("concurrency", 1, true),
  };
}

const when = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

function printSummary(s: LinkCheckSummary) {
  const overLimit = s.skipped.filter((k) => k.reason === "over_limit").length;
  const late = s.skipped.length - overLimit;
  console.log(
    `Link check: ${s.results.length} of ${s.inScope} addresses checked in ${(s.elapsedMs / 1000).toFixed(1)} s.`,
  );
  if (s.skipped.length)
    console.log(
      `  Left for the next run: ${s.skipped.length} (${overLimit} over --max, ${late} after the --minutes limit).`,
    );
  for (const [status, n] of Object.entries(s.counts)) console.log(`  ${status.padEnd(11)}${String(n).padStart(6)}`);
  const dead = s.results.filter((r) => r.dead);
  const notYet = s.results.filter((r) => !r.dead && (r.status === "gone" || r.status === "failing")).length;
  console.log(
    `Dead links (failing on checks at least ${DEAD_LINK_MIN_FAILING_MS / 3_600_000} h apart): ${dead.length}`,
  );
  for (const r of dead.slice(0, 50)) {
    console.log(
      `  ${r.url}\n    ${r.status}${r.httpStatus ? ` (${r.httpStatus})` : ""} since ${when(r.firstFailureAt!)}${r.detail ? `: ${r.detail}` : ""}`,
    );
  }
  if (dead.length > 50) console.log(`  … and ${dead.length - 50} more (listed on /editor).`);
  if (notYet) console.log(`Failing but not yet dead (first failure less than a day before this check): ${notYet}`);
  if (s.visibilityChanged.length)
    console.log(`Readers now see a change for ${s.visibilityChanged.length} address(es) (dead, or back).`);
}

await runCli(async () => {
  const options = readOptions();
  const database = await openAppDatabase();
  try {
    const table = await adminQuery(database.url, "SELECT to_regclass('link_check') IS NOT NULL AS present");
    if (!table.rows[0]?.present)
      throw new UserFacingError("This database has no link_check table yet: run `npm run db:migrate` first.");
    const prisma = createPrismaClient(database.url, 2);
    try {
      const run = await withLinkCheckLock(database.url, () => runLinkCheck(prisma, { kind: "public" }, options));
      if (!run.ran)
        console.log(
          "Another link check is running (the app's schedule or another sources:check); nothing was checked. Try again when it ends.",
        );
      else if (run.value.offline) {
        throw new UserFacingError(
          `None of the ${run.value.results.length} addresses answered at all (${run.value.results[0]?.detail ?? "no answer"}): this machine seems to have no outside network or DNS. Nothing was recorded, so no source is reported dead because of it.`,
        );
      } else printSummary(run.value);
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await database.stop();
  }
});
