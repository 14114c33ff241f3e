// fast-check parameters for the vitest fuzz suites. Each property's seed is printed (and
// FUZZ_SEED replays one, see ./seed.ts). With FUZZ_STATS_FILE set (the benchmark sets it), each
// property also records its file, name and runs there, one JSON line each, so the benchmark can
// report properties and runs per suite without parsing test output.
import { appendFileSync } from "node:fs";
import path from "node:path";
import type fc from "fast-check";
import { expect } from "vitest";
import { FUZZ_RUNS } from "./arbitraries";
import { announcedSeed } from "./seed";

/** FUZZ_RUNS runs unless a property says otherwise; call once per fc.assert, inside the test. */
export function fuzzParams<T>(over: fc.Parameters<T> = {}): fc.Parameters<T> {
  const { testPath, currentTestName } = expect.getState();
  const params = {
    numRuns: FUZZ_RUNS,
    seed: announcedSeed(`${path.relative(process.cwd(), testPath ?? "")} › ${currentTestName}`),
    ...over,
  };
  const stats = process.env.FUZZ_STATS_FILE;
  if (stats) {
    appendFileSync(
      stats,
      `${JSON.stringify({ file: path.relative(process.cwd(), testPath ?? ""), property: currentTestName, runs: params.numRuns })}\n`,
    );
  }
  return params;
}
