// Every fast-check run prints its seed, so a failure seen once (on a clean machine, in CI) can
// be replayed exactly: FUZZ_SEED=<seed> reruns every property with that seed.
import { randomInt } from "node:crypto";

/** The seed for one property: FUZZ_SEED when set (to replay a failure), else a fresh random one. */
export function fuzzSeed(): number {
  const given = process.env.FUZZ_SEED;
  if (given !== undefined && given !== "") {
    const n = Number(given);
    if (!Number.isSafeInteger(n))
      throw new Error(`FUZZ_SEED must be an integer (a seed printed by an earlier run), not “${given}”.`);
    return n;
  }
  return randomInt(-(2 ** 31), 2 ** 31 - 1);
}

/** Picks the seed, prints it with how to replay it, and returns it for fc.assert's parameters. */
export function announcedSeed(property: string): number {
  const seed = fuzzSeed();
  console.log(`fuzz seed ${seed} for ${property} (replay with FUZZ_SEED=${seed})`);
  return seed;
}
