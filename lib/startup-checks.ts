// Settings checked once when the server process starts (instrumentation.ts), so a malformed value
// stops start-up with one sentence instead of failing requests later. Node.js only: imported by
// instrumentation.ts inside its Node.js branch.
import { httpCacheSettingsProblem } from "./http-cache/cache-control";
import { publicUrlProblem } from "./public-url";
import { readReplicaUrlProblem } from "./replica-url";

export function stopOnBadSettings(): void {
  const problem = publicUrlProblem() ?? readReplicaUrlProblem() ?? httpCacheSettingsProblem();
  if (!problem) return;
  console.error(problem);
  process.exit(1);
}
