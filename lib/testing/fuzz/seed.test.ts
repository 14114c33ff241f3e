// A fuzz failure seen once must be replayable: every run prints its seed, and FUZZ_SEED makes a
// property generate exactly the inputs of the run that printed it.
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fuzzParams } from "./params";

function firstInputs(params: fc.Parameters<[string]>): string[] {
  const seen: string[] = [];
  fc.assert(
    fc.property(fc.string(), (s) => void seen.push(s)),
    { ...params, numRuns: 20 },
  );
  return seen;
}

describe("fuzz seeds", () => {
  const saved = process.env.FUZZ_SEED;
  afterEach(() => {
    vi.restoreAllMocks();
    if (saved === undefined) delete process.env.FUZZ_SEED;
    else process.env.FUZZ_SEED = saved;
  });

  it("prints the seed of every run, naming the test", () => {
    delete process.env.FUZZ_SEED;
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const { seed } = fuzzParams();
    expect(Number.isInteger(seed)).toBe(true);
    expect(log).toHaveBeenCalledWith(
      expect.stringContaining(`fuzz seed ${seed} for lib/testing/fuzz/seed.test.ts › fuzz seeds > prints the seed`),
    );
    expect(log).toHaveBeenCalledWith(expect.stringContaining(`FUZZ_SEED=${seed}`));
  });

  it("replays a printed seed: FUZZ_SEED gives the same inputs again", () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    process.env.FUZZ_SEED = "-1068802839";
    const first = fuzzParams<[string]>();
    expect(first.seed).toBe(-1068802839);
    expect(firstInputs(first)).toEqual(firstInputs(fuzzParams<[string]>()));
  });

  it("refuses a FUZZ_SEED that is not a seed", () => {
    process.env.FUZZ_SEED = "yesterday's";
    expect(() => fuzzParams()).toThrow(/FUZZ_SEED must be an integer/);
  });
});
