// npm run chaos [-- --outage-seconds 10 --readers 6 --editors 3 --verbose]: a database outage drill.
// Starts its own app (scratch embedded PostgreSQL, migrated and seeded, `next start`), puts it
// under steady load (readers of pages and the API, editors saving events through the real server
// action), stops PostgreSQL (fast shutdown) for the outage, starts it again on the same data,
// keeps going, then prints the figures and exits non-zero when a target is missed.
import { buildIsCurrent, markBuildCurrent } from "./lib/build-stamp";
import { runDrill, type DrillOptions } from "../tooling/chaos-drill";
import { bin, run } from "../tooling/processes";
import { BENCH_DIST_DIR } from "../tooling/dist-dir";
import { runCli } from "./lib/run-cli";
import { UserFacingError } from "../tooling/user-facing-error";

function numberOption(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0 || value > 600)
    throw new UserFacingError(`--${name} needs a number of at most 600, not “${process.argv[i + 1] ?? ""}”.`);
  return value;
}

await runCli(async () => {
  const options: DrillOptions = {
    outageSeconds: numberOption("outage-seconds", 10),
    afterSeconds: numberOption("after-seconds", 10),
    beforeSeconds: numberOption("before-seconds", 5),
    readers: numberOption("readers", 6),
    editors: numberOption("editors", 3),
    log: (line) => console.log(line),
    verbose: process.argv.includes("--verbose"),
  };
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  process.env.NEXT_DIST_DIR ||= BENCH_DIST_DIR; // never the .next a running `npm start` serves
  if (!(await buildIsCurrent())) {
    console.log("Building the app (no current build found)…");
    if ((await run(bin("next"), ["build"])) !== 0)
      throw new UserFacingError("The build failed; see the messages above.");
    await markBuildCurrent();
  }
  const result = await runDrill(options);
  console.log("");
  for (const line of result.report) console.log(line);
  console.log("");
  if (result.missed.length) {
    console.log(`MISSED: ${result.missed.join("; ")}`);
    process.exitCode = 1;
  } else {
    console.log("All targets met.");
  }
});
