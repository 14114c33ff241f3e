import "server-only";
import type pg from "pg";
import type { PrismaClient } from "./generated/prisma/client";
import { reportDatabaseError, reportReplicaError } from "./database-breaker";
import { createPrismaClient, poolOf } from "./prisma-client";
import { markReplicaError } from "./replica-errors";
import { readReplicaUrl } from "./replica-url";

// One client per server process, created on first use: `next build` imports route modules
// without a DATABASE_URL, and dev reloads must not open a new pool each time.
const globalForDb = globalThis as unknown as {
  prisma?: PrismaClient;
  prismaUrl?: string;
  replica?: PrismaClient;
  replicaPool?: pg.Pool;
  replicaUrl?: string;
};

export function db(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set; start the app with `npm start`, which provides it.");
  // Keyed by URL so integration tests, which point each file at its own database, never share one.
  if (!globalForDb.prisma || globalForDb.prismaUrl !== url) {
    // Connection errors open the breaker, so the proxy answers 503 at once while the database is down.
    globalForDb.prisma = createPrismaClient(url, undefined, false, { onError: reportDatabaseError });
    globalForDb.prismaUrl = url;
  }
  return globalForDb.prisma;
}

/**
 * The client for public reads (pages, API, feeds, exports): the streaming replica in
 * DATABASE_READ_URL when one is set, else the primary. Editors' pages and every write use db(),
 * so an editor always sees their own change. Never write through it: a replica refuses writes.
 */
export function readDb(): PrismaClient {
  const url = readReplicaUrl();
  if (!url) return db();
  if (!globalForDb.replica || globalForDb.replicaUrl !== url) {
    const previous = globalForDb.replica;
    // A pool of its own, watched by the replica's own breaker: its outage sends the public reads
    // to 503 (lib/availability.ts) and leaves the desk on the primary alone.
    const client = createPrismaClient(url, undefined, false, { onError: reportReplicaError });
    globalForDb.replicaPool = poolOf(client);
    // Every error this client throws is marked, so the route or page that catches it and calls
    // reportDatabaseError reaches the replica's breaker, not the primary's (lib/replica-errors.ts).
    globalForDb.replica = client.$extends({
      query: {
        async $allOperations({ args, query }) {
          try {
            return await query(args);
          } catch (err) {
            markReplicaError(err);
            throw err;
          }
        },
      },
    }) as unknown as PrismaClient;
    globalForDb.replicaUrl = url;
    previous?.$disconnect().catch(() => {}); // a test moved to another replica
  }
  return globalForDb.replica;
}

/**
 * The node-postgres pool behind readDb(), for what Prisma cannot run (COPY … TO STDOUT streams).
 * Report its errors with reportReadError: node-postgres' own errors carry no mark of the server.
 */
export function readPool(): pg.Pool {
  const client = readDb();
  return readReplicaUrl() ? globalForDb.replicaPool! : poolOf(client);
}

/** reportDatabaseError for an error of readPool(): the replica's breaker when one is configured. */
export function reportReadError(err: unknown): boolean {
  return readReplicaUrl() ? reportReplicaError(err) : reportDatabaseError(err);
}
