import "server-only";
import type { PrismaClient } from "./generated/prisma/client";
import { reportDatabaseError } from "./database-breaker";
import { createPrismaClient } from "./prisma-client";

// One client per server process, created on first use: `next build` imports route modules
// without a DATABASE_URL, and dev reloads must not open a new pool each time.
const globalForDb = globalThis as unknown as { prisma?: PrismaClient; prismaUrl?: string };

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
 * The client for public reads (pages, API, feeds, exports). Today the primary; with
 * DATABASE_READ_URL it becomes a streaming replica (issue 13). Editors' pages and every write use db().
 */
export function readDb(): PrismaClient {
  return db();
}
