// Finds and runs PostgreSQL's own client tools (pg_dump, pg_restore) for a given server.
// A pg_dump refuses servers newer than itself, and a dump is only as trustworthy as the tool that
// wrote it, so we insist on the server's major version (see docs/decisions/0008-…).
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { adminQuery } from "../../tooling/database";
import { UserFacingError } from "../../tooling/user-facing-error";

export type PgTool = "pg_dump" | "pg_restore";

const ENV_NAME: Record<PgTool, string> = { pg_dump: "PG_DUMP", pg_restore: "PG_RESTORE" };

/** The server's major version, e.g. 15 (server_version_num is 150020 for 15.20). */
export async function serverMajorVersion(url: string): Promise<number> {
  const { rows } = await adminQuery(url, "SHOW server_version_num");
  return Math.floor(Number(rows[0].server_version_num) / 10000);
}

/** The major version a tool reports (`pg_dump (PostgreSQL) 15.20 (Debian …)`), or null if it does not run. */
export function toolMajorVersion(file: string): number | null {
  const out = spawnSync(file, ["--version"], { encoding: "utf8", timeout: 10_000 });
  if (out.status !== 0) return null;
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(out.stdout ?? "");
  return match ? Number(match[1]) : null;
}

/**
 * The tool of the server's major version: $PG_DUMP / $PG_RESTORE when set, else Debian's
 * /usr/lib/postgresql/<major>/bin, else the one on PATH if its version matches.
 */
export function findPgTool(tool: PgTool, major: number, env: Record<string, string | undefined> = process.env): string {
  const fromEnv = env[ENV_NAME[tool]];
  if (fromEnv) {
    const found = toolMajorVersion(fromEnv);
    if (found === major) return fromEnv;
    throw new UserFacingError(
      found === null
        ? `${ENV_NAME[tool]}=${fromEnv} does not run as ${tool}; point it at a PostgreSQL ${major} ${tool} or unset it.`
        : `${ENV_NAME[tool]}=${fromEnv} is ${tool} ${found}, but the server runs PostgreSQL ${major}; point it at a PostgreSQL ${major} ${tool} or unset it.`,
    );
  }
  const debian = `/usr/lib/postgresql/${major}/bin/${tool}`;
  if (existsSync(debian) && toolMajorVersion(debian) === major) return debian;
  if (toolMajorVersion(tool) === major) return tool;
  throw new UserFacingError(
    `No ${tool} for PostgreSQL ${major} was found: install Debian's postgresql-client-${major} package (apt-get install postgresql-client-${major}), or set ${ENV_NAME[tool]} to a PostgreSQL ${major} ${tool}.`,
  );
}

// libpq connection settings that a URL may carry and that the tools should honour; anything
// else in the query string (Prisma's `schema`, `connection_limit`…) would make libpq refuse the URL.
const URL_PARAMS: Record<string, string> = {
  host: "PGHOST",
  port: "PGPORT",
  sslmode: "PGSSLMODE",
  sslrootcert: "PGSSLROOTCERT",
  sslcert: "PGSSLCERT",
  sslkey: "PGSSLKEY",
  application_name: "PGAPPNAME",
};

/**
 * Environment for a libpq tool to reach `url`. The connection goes through PG* variables rather
 * than the command line, where a password would show in `ps` to every user of the machine.
 */
export function connectionEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  // Inherited PG* settings (PGSERVICE, PGOPTIONS…) must not send the tool somewhere else.
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (/^PG[A-Z]/.test(key) && key !== "PGPASSFILE") delete env[key];
  if (u.hostname) env.PGHOST = u.hostname.replace(/^\[|\]$/g, "");
  if (u.port) env.PGPORT = u.port;
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  env.PGDATABASE = decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres";
  for (const [param, name] of Object.entries(URL_PARAMS)) {
    const value = u.searchParams.get(param);
    if (value) env[name] = value;
  }
  env.PGCONNECT_TIMEOUT = "10";
  return env;
}

/** host:port/database, for messages: never the user or password. */
export function describeDatabase(url: string): string {
  const u = new URL(url);
  return `${u.host || "localhost"}/${decodeURIComponent(u.pathname.replace(/^\//, ""))}`;
}

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a tool against `url` (no prompt ever: -w is the caller's job); the password is blanked from its output. */
export function runPgTool(file: string, args: string[], url: string): Promise<ToolResult> {
  const env = connectionEnv(url);
  const secret = env.PGPASSWORD;
  const redact = (s: string) => (secret ? s.split(secret).join("***") : s);
  return new Promise((resolve) => {
    const child = spawn(file, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", (err) => resolve({ code: 127, stdout, stderr: redact(err.message) }));
    child.on("close", (code) => resolve({ code: code ?? 1, stdout: redact(stdout), stderr: redact(stderr) }));
  });
}

/** The first error line a tool printed, without its "pg_dump: error:" prefix. */
export function firstError(stderr: string): string {
  const lines = stderr
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const line = lines.find((l) => /error|fatal/i.test(l)) ?? lines[0] ?? "no message";
  return line.replace(/^pg_(dump|restore): (error: )?/, "").slice(0, 300);
}
