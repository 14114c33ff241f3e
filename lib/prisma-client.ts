import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { logger } from "./log";

// How long a request may wait for a connection (a new one, or a turn in the pool's queue) before
// it fails. Without a limit, node-postgres waits forever, so while PostgreSQL is unreachable
// every request would hang instead of getting its 503. Well above any normal wait under load.
export const CONNECT_TIMEOUT_MS = Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 3000);

export interface PoolObserver {
  /** Called with every error the pool or its connections raise: idle connections dropped, failed queries, failed connects. */
  onError?: (err: unknown) => void;
}

// The Prisma adapter queries through pool.query and opens transactions through pool.connect;
// watching both is how a failed query reaches the breaker (lib/database-breaker.ts) without
// wrapping every call site. The caller still receives the rejection unchanged.
function observeFailures(pool: pg.Pool, onError: (err: unknown) => void) {
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  const watch = (result: unknown) => {
    if (result && typeof (result as Promise<unknown>).then === "function") (result as Promise<unknown>).catch(onError);
    return result;
  };
  pool.query = ((...args: unknown[]) => watch(query(...args))) as typeof pool.query;
  pool.connect = ((...args: unknown[]) => watch(connect(...args))) as typeof pool.connect;
}

// Each client's pool, for code that must talk to node-postgres itself (COPY streams, which Prisma
// cannot run) on the same server, with the same limits and breaker observers (lib/db.ts, readPool).
// Kept on globalThis like the clients themselves (lib/db.ts): Next.js bundles this module more
// than once (instrumentation, proxy, each route), and a client made through one copy is used
// through the others, whose own WeakMap would not know it (the API and CSV answered 500).
const globalForPools = globalThis as unknown as { trackerPools?: WeakMap<object, pg.Pool> };
const pools = (globalForPools.trackerPools ??= new WeakMap<object, pg.Pool>());

/** The node-postgres pool behind a client made by createPrismaClient. */
export function poolOf(client: object): pg.Pool {
  const pool = pools.get(client);
  if (!pool) throw new Error("This Prisma client was not made by createPrismaClient, so it has no pool of ours.");
  return pool;
}

// Every connection plans each execution of a named statement for its own values: the API's
// statements are named (lib/statement-names.ts), and a plan made once for any values read the
// wrong index. Prisma's own statements are unnamed, which this setting does not touch.
const CUSTOM_PLANS = "-c plan_cache_mode=force_custom_plan";

/**
 * node-postgres takes the startup options of a connection string over its own `options` setting,
 * so an address that has options gets CUSTOM_PLANS added to them; any other stays as it is.
 */
export function withCustomPlans(connectionString: string): string {
  if (!URL.canParse(connectionString)) return connectionString;
  const url = new URL(connectionString);
  const own = url.searchParams.get("options");
  if (!own) return connectionString;
  url.searchParams.set("options", `${own} ${CUSTOM_PLANS}`);
  return url.toString();
}

export function createPrismaClient(
  connectionString: string,
  poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10),
  logQueries = false,
  observer: PoolObserver = {},
) {
  const pool = new pg.Pool({
    connectionString: withCustomPlans(connectionString),
    options: CUSTOM_PLANS,
    max: poolSize,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
    // The app's pool (the one observed) keeps one connection open even when idle: PostgreSQL
    // tells every open connection when it shuts down, so the breaker opens at that moment
    // instead of on the first request after it, which would fail as a 500 page. Scripts keep
    // none, so they never stay alive on an idle connection.
    min: observer.onError ? 1 : 0,
  });
  // Without a listener, an idle connection dropped by the server (a restart, a failover) emits
  // an 'error' that kills the whole process (node-postgres #2386, prisma #27641).
  pool.on("error", (err) => {
    logger.warn({ err: err.message }, "idle database connection lost");
    observer.onError?.(err);
  });
  if (observer.onError) observeFailures(pool, observer.onError);
  const client = new PrismaClient({
    // A connection that breaks inside a transaction reports here (the adapter's own listener).
    // The pool is ours, so $disconnect() must end it (the adapter leaves a pool it was given open).
    adapter: new PrismaPg(pool, { onConnectionError: observer.onError, disposeExternalPool: true }),
    log: logQueries ? [{ emit: "event", level: "query" }] : [],
  });
  pools.set(client, pool);
  return client;
}
