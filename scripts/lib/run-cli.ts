import { UserFacingError } from "../../tooling/user-facing-error";

/** Runs a command-line entry point: a UserFacingError ends it with its one sentence, not a stack trace. */
export async function runCli(main: () => Promise<void>) {
  try {
    await main();
  } catch (err) {
    if (err instanceof UserFacingError) {
      console.error(`\n${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
