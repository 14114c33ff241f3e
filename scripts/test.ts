// npm test: type check, lint, unit and integration tests (real PostgreSQL), then the browser
// tests against the production build. Ends with one line: "N passed, N failed".
//
// The build goes to a folder of its own (.next-test, or TEST_DIST_DIR), never to the .next that a
// running `npm start` serves; every process started from here inherits NEXT_DIST_DIR, so the
// browser tests' servers serve it too. Interrupted (SIGINT, SIGTERM) or past TEST_TIMEOUT_MINUTES
// (120 by default, 0 for none), it stops every server and database it started before exiting.
// package.json runs it as `exec node --import tsx …`: npm passes SIGTERM to its one child, which
// must be this process (not a shell, which would die and leave it running), and the `tsx`
// command's own parent process SIGKILLs its child when it does not acknowledge a signal in 30 ms.
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildIsCurrent, markBuildCurrent } from "./lib/build-stamp";
import { adminQuery, openScratchServer } from "../tooling/database";
import { TEST_DIST_DIR } from "../tooling/dist-dir";
import { freePort } from "../tooling/embedded-postgres";
import { stopDescendants } from "../tooling/process-tree";
import { bin, run } from "../tooling/processes";
import { runCli } from "./lib/run-cli";
import { createSeededDatabase } from "./lib/seeded-database";

// --integration-only: just the integration tests (CI reruns them against an older server).
const integrationOnly = process.argv.includes("--integration-only");
// --e2e-only [playwright args…]: just the browser tests, reusing a current build (for development).
const e2eOnly = process.argv.includes("--e2e-only");
const playwrightArgs = e2eOnly ? process.argv.slice(process.argv.indexOf("--e2e-only") + 1) : [];
// --build-only: just npm test's build step (the browser tests' own build, into its own folder).
const buildOnly = process.argv.includes("--build-only");
const timeoutMinutes = Number(process.env.TEST_TIMEOUT_MINUTES ?? 120);
process.env.NEXT_DIST_DIR = process.env.TEST_DIST_DIR || TEST_DIST_DIR;
const totals = { passed: 0, failed: 0 };
const failedSteps: string[] = [];

function record(step: string, passed: number, failed: number) {
  totals.passed += passed;
  totals.failed += failed;
  if (failed) failedSteps.push(step);
  console.log(`\n▶ ${step}: ${passed} passed, ${failed} failed\n`);
}

// Interrupted or out of time: stop every process this run started, however deep (the servers of
// the browser tests run in process groups of their own), then the database server, then exit.
// Meanwhile no further step starts, and the step that was running reports nothing.
const stops: (() => Promise<void>)[] = [];
let stopping = false;
const never = new Promise<never>(() => {});
const runStep: typeof run = (cmd, args, opts) =>
  stopping ? never : run(cmd, args, opts).then((code) => (stopping ? never : code));

async function abandon(reason: string, exitCode: number) {
  if (stopping) return;
  stopping = true;
  console.log(`\n▶ ${reason}: stopping every server and database this run started…`);
  await stopDescendants();
  for (const stop of stops) await stop().catch((err) => console.error(err));
  record(reason, 0, 1);
  summary();
  process.exit(exitCode);
}
process.on("SIGINT", () => void abandon("interrupted (SIGINT)", 130));
process.on("SIGTERM", () => void abandon("interrupted (SIGTERM)", 143));
if (timeoutMinutes > 0)
  setTimeout(() => void abandon(`timed out after ${timeoutMinutes} minutes`, 1), timeoutMinutes * 60_000).unref();

async function checkStep(step: string, cmd: string, args: string[]) {
  console.log(`\n▶ ${step}`);
  const code = await runStep(cmd, args);
  record(step, code === 0 ? 1 : 0, code === 0 ? 0 : 1);
}

async function countFromJson(file: string, kind: "vitest" | "playwright") {
  const report = JSON.parse(await readFile(file, "utf8").catch(() => "{}"));
  if (kind === "vitest") return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0 };
  const s = report.stats ?? {};
  return { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0) };
}

function summary() {
  if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(", ")}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
}

const build = () =>
  runStep(bin("next"), ["build"]).then(async (code) => (code === 0 ? (await markBuildCurrent(), 0) : code));

await runCli(async () => {
  if (buildOnly) {
    console.log(`\n▶ build into ${process.env.NEXT_DIST_DIR}`);
    const built = await build();
    record("build", built === 0 ? 1 : 0, built === 0 ? 0 : 1);
    summary();
    process.exitCode = built === 0 ? 0 : 1;
    return;
  }
  const reports = await mkdtemp(path.join(os.tmpdir(), "tracker-test-reports-"));
  stops.push(() => rm(reports, { recursive: true, force: true }));
  const server = await openScratchServer();
  stops.unshift(server.stop);
  process.env.TEST_DATABASE_URL = server.url;
  try {
    if (integrationOnly) {
      const json = path.join(reports, "vitest.json");
      const code = await runStep(bin("vitest"), [
        "run",
        "--project",
        "integration",
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${json}`,
      ]);
      const v = await countFromJson(json, "vitest");
      record(`integration tests on ${new URL(server.url).host}`, v.passed, v.failed || (code !== 0 ? 1 : 0));
      return;
    }
    if (!e2eOnly) {
      await checkStep("type check", bin("tsc"), ["--noEmit"]);
      await checkStep("lint", bin("eslint"), [".", "--max-warnings=0"]);
      await checkStep("format", bin("prettier"), ["--check", "."]);

      console.log("\n▶ unit and integration tests");
      const vitestJson = path.join(reports, "vitest.json");
      const vitestCode = await runStep(bin("vitest"), [
        "run",
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${vitestJson}`,
      ]);
      const v = await countFromJson(vitestJson, "vitest");
      record("unit and integration tests", v.passed, v.failed || (vitestCode !== 0 ? 1 : 0));
    }

    console.log(`\n▶ build into ${process.env.NEXT_DIST_DIR}`);
    const built = e2eOnly && (await buildIsCurrent()) ? 0 : await build();
    if (built !== 0) {
      record("build", 0, 1);
    } else {
      const e2eDb = `tracker_e2e_${process.pid}`;
      const e2eUrl = await createSeededDatabase(server.url, e2eDb);
      const dropE2eDb = () => adminQuery(server.url, `DROP DATABASE IF EXISTS "${e2eDb}" WITH (FORCE)`).then(() => {});
      stops.unshift(dropE2eDb); // on a server of the caller's (TEST_DATABASE_URL), it would stay behind

      console.log("\n▶ browser tests");
      const pwJson = path.join(reports, "playwright.json");
      const pwCode = await runStep(bin("playwright"), ["test", "--reporter=list,json", ...playwrightArgs], {
        env: {
          ...process.env,
          E2E_DATABASE_URL: e2eUrl,
          E2E_AUTH_SECRET: randomBytes(32).toString("base64url"),
          E2E_PORT: String(await freePort()),
          PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
          // The specs import server-only modules (lib/events/mutations.ts) to write their rows, as the
          // CLIs do (package.json runs them with tsx --conditions=react-server).
          NODE_OPTIONS: [process.env.NODE_OPTIONS, "--conditions=react-server"].filter(Boolean).join(" "),
        },
      });
      const p = await countFromJson(pwJson, "playwright");
      record("browser tests", p.passed, p.failed || (pwCode !== 0 ? 1 : 0));
      await dropE2eDb();
    }
  } catch (err) {
    console.error(err);
    record("test runner", 0, 1);
  } finally {
    if (!stopping) {
      await server.stop();
      await rm(reports, { recursive: true, force: true });
      summary();
      process.exitCode = totals.failed ? 1 : 0;
    }
  }
});
