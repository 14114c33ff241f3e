// Where `next build` writes the app's build and `next start` reads it: Next's distDir, which
// next.config.js takes from NEXT_DIST_DIR. npm start uses the default .next; npm test sets
// NEXT_DIST_DIR to TEST_DIST_DIR, and the bench and the chaos drill to BENCH_DIST_DIR, for
// themselves and every process they start, so that their builds never replace the one a running
// `npm start` is serving.
import path from "node:path";

export const DEFAULT_DIST_DIR = ".next";
export const TEST_DIST_DIR = ".next-test";
export const BENCH_DIST_DIR = ".next-bench";

const ROOT = path.resolve(import.meta.dirname, "..");

/** The build folder as next.config.js reads it, relative to the project. */
export const distDir = (env: NodeJS.ProcessEnv = process.env) => env.NEXT_DIST_DIR || DEFAULT_DIST_DIR;

/** A path inside the current build folder. */
export const inDistDir = (...parts: string[]) => path.join(ROOT, distDir(), ...parts);
