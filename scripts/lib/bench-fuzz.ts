// npm run bench -- --fuzz: every fuzz suite at FUZZ_RUNS=10,000 (npm test runs 1,000), then a
// table per suite: properties, runs, failures and time. Unit and integration suites run under
// vitest (integration ones on a throw-away PostgreSQL); the HTTP suite runs Playwright against
// the production build, as npm test does.
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildIsCurrent, markBuildCurrent } from "./build-stamp";
import { adminQuery, openScratchServer } from "../../tooling/database";
import { freePort } from "../../tooling/embedded-postgres";
import { bin, run } from "../../tooling/processes";
import { createSeededDatabase } from "./seeded-database";

export interface FuzzSuiteResult {
  suite: string;
  properties: number;
  runs: number;
  failures: number;
  seconds: number;
}

interface StatLine {
  file: string;
  property: string;
  runs: number;
}

async function readJson(file: string) {
  return JSON.parse(await readFile(file, "utf8").catch(() => "{}"));
}

/** Runs every fuzz suite with `runs` runs per property; prints and returns one row per suite. */
export async function benchFuzz({ runs = 10_000 }: { runs?: number } = {}): Promise<FuzzSuiteResult[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tracker-bench-fuzz-"));
  const statsFile = path.join(dir, "stats.jsonl");
  const server = await openScratchServer();
  const env = { ...process.env, FUZZ_RUNS: String(runs), FUZZ_STATS_FILE: statsFile, TEST_DATABASE_URL: server.url };
  const results: FuzzSuiteResult[] = [];
  const e2eDb = `tracker_fuzz_${process.pid}`;
  try {
    // vitest: every *.fuzz.test.ts and *.fuzz.integration.test.ts, one file at a time so the
    // times are the suites' own and not shared with a neighbour on 2 cores.
    const vitestJson = path.join(dir, "vitest.json");
    await run(
      bin("vitest"),
      [
        "run",
        ".fuzz.",
        "--no-file-parallelism",
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${vitestJson}`,
      ],
      { env },
    );
    for (const file of (await readJson(vitestJson)).testResults ?? []) {
      const tests = (file.assertionResults ?? []) as { status: string; duration?: number }[];
      results.push({
        suite: path.relative(process.cwd(), file.name),
        properties: 0,
        runs: 0,
        failures: tests.filter((t) => t.status === "failed").length,
        seconds: tests.reduce((s, t) => s + (t.duration ?? 0), 0) / 1000,
      });
    }

    // Playwright: the routes of the production build over HTTP, on a seeded database.
    if (!(await buildIsCurrent())) {
      if ((await run(bin("next"), ["build"])) !== 0) throw new Error("The build failed; see the messages above.");
      await markBuildCurrent();
    }
    const e2eUrl = await createSeededDatabase(server.url, e2eDb);
    const pwJson = path.join(dir, "playwright.json");
    const t0 = performance.now();
    await run(bin("playwright"), ["test", "e2e/fuzz-routes.spec.ts", "--project=chromium", "--reporter=list,json"], {
      env: {
        ...env,
        E2E_DATABASE_URL: e2eUrl,
        E2E_AUTH_SECRET: randomBytes(32).toString("base64url"),
        E2E_PORT: String(await freePort()),
        PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
      },
    });
    const stats = (await readJson(pwJson)).stats ?? {};
    results.push({
      suite: "e2e/fuzz-routes.spec.ts (HTTP)",
      properties: 0,
      runs: 0,
      failures: (stats.unexpected ?? 0) + (stats.flaky ?? 0),
      seconds: (performance.now() - t0) / 1000,
    });

    // Properties and runs as the suites recorded them (lib/testing/fuzz/params.ts, the spec).
    const lines = (await readFile(statsFile, "utf8").catch(() => ""))
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as StatLine);
    for (const line of lines) {
      const row = results.find((r) => r.suite.startsWith(line.file));
      if (row) {
        row.properties++;
        row.runs += line.runs;
      }
    }
  } finally {
    await adminQuery(server.url, `DROP DATABASE IF EXISTS "${e2eDb}" WITH (FORCE)`).catch(() => {});
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
  const total = results.reduce(
    (t, r) => ({
      suite: "total",
      properties: t.properties + r.properties,
      runs: t.runs + r.runs,
      failures: t.failures + r.failures,
      seconds: t.seconds + r.seconds,
    }),
    { suite: "total", properties: 0, runs: 0, failures: 0, seconds: 0 },
  );
  console.log(`\nFuzzing, ${runs.toLocaleString("en")} runs per property (fewer where a suite says why)`);
  console.table([...results, total].map((r) => ({ ...r, seconds: Number(r.seconds.toFixed(1)) })));
  return results;
}
