// DATABASE_READ_URL: the PostgreSQL streaming replica that public reads use (lib/db.ts, readDb).
// Optional; unset or blank, public reads use the primary in DATABASE_URL. A malformed value stops
// start-up (lib/startup-checks.ts) with one sentence, rather than failing every public page later.
type Env = Record<string, string | undefined>;

/** The replica's address, or undefined when none is configured. */
export function readReplicaUrl(env: Env = process.env): string | undefined {
  return env.DATABASE_READ_URL?.trim() || undefined;
}

/** The one sentence that stops start-up, or null when DATABASE_READ_URL is unset or well-formed. */
export function readReplicaUrlProblem(env: Env = process.env): string | null {
  const raw = readReplicaUrl(env);
  if (!raw) return null;
  // Never repeats the value: it may carry a password.
  const problem =
    "DATABASE_READ_URL must be a postgresql:// address with a host and a database name, such as postgresql://tracker@replica.internal:5432/tracker (the streaming replica public pages read from), or be left unset to read from DATABASE_URL.";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return problem;
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (
    (url.protocol !== "postgresql:" && url.protocol !== "postgres:") ||
    !url.hostname ||
    !database ||
    database.includes("/")
  )
    return problem;
  return null;
}
