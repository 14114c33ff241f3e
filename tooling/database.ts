// Where the database comes from: DATABASE_URL when set, otherwise the embedded PostgreSQL with
// its data kept in .data/ (git-ignored, mode 700) across restarts, and its password beside it.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, postgresUserIds, startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";
import { DATA_DIR, privateFolder } from "./secret-file";
import { UserFacingError } from "./user-facing-error";

const APP_DATABASE = "tracker";

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(serverUrl: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (err) {
    const host = new URL(serverUrl).host;
    throw new UserFacingError(
      `Cannot reach the PostgreSQL server at ${host} (${(err as Error).message}): check DATABASE_URL and that the server is running.`,
    );
  }
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createDatabaseIfMissing(serverUrl: string, name: string) {
  const found = await adminQuery(serverUrl, `SELECT 1 FROM pg_database WHERE datname = '${name}'`);
  if (found.rowCount === 0) await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
}

/** The app's database URL, starting the embedded PostgreSQL when DATABASE_URL is not set. */
export async function openAppDatabase(): Promise<{ url: string; embedded: boolean; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    await adminQuery(process.env.DATABASE_URL, "SELECT 1"); // fail early, in plain words
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  // Run by root, PostgreSQL runs as the postgres user, which must pass through .data/ to reach
  // .data/postgres: its group may (mode 710), without listing .data/ or reading the secrets.
  const ids = postgresUserIds();
  await privateFolder(DATA_DIR, "gid" in ids ? ids.gid : undefined);
  const server = await startEmbeddedPostgres({
    dataDir: path.join(DATA_DIR, "postgres"),
    port: Number(process.env.EMBEDDED_PG_PORT ?? 5433),
    passwordFile: path.join(DATA_DIR, "postgres-password"),
  });
  await createDatabaseIfMissing(server.url, APP_DATABASE);
  return { url: withDatabase(server.url, APP_DATABASE), embedded: true, stop: server.stop };
}

/**
 * A PostgreSQL server for throw-away databases: the one in TEST_DATABASE_URL when set,
 * otherwise a fresh embedded server in a temp folder, removed by `stop()`.
 */
export async function openScratchServer(): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.TEST_DATABASE_URL) return { url: process.env.TEST_DATABASE_URL, stop: async () => {} };
  const dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), "tracker-scratch-")), "pg");
  await chmod(path.dirname(dataDir), 0o755); // mkdtemp's 0700 would shut out the postgres user; the password file in it is 600
  let server: EmbeddedPostgres;
  try {
    server = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  } catch (err) {
    await rm(path.dirname(dataDir), { recursive: true, force: true });
    throw err;
  }
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      await rm(path.dirname(dataDir), { recursive: true, force: true });
      await rm(server.dataDir, { recursive: true, force: true });
      await rm(`${server.dataDir}.log`, { force: true });
    },
  };
}

/** Creates a database with a unique name on `serverUrl` and drops it when `fn` is done. */
export async function withTemporaryDatabase<T>(serverUrl: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `tracker_tmp_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  try {
    return await fn(withDatabase(serverUrl, name));
  } finally {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

export async function withScratchDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const server = await openScratchServer();
  try {
    return await withTemporaryDatabase(server.url, fn);
  } finally {
    await server.stop();
  }
}
