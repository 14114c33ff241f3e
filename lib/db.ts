import "server-only";
import type { PrismaClient } from "./generated/prisma/client";
import { createPrismaClient } from "./prisma-client";

// One client per server process, created on first use: `next build` imports route modules
// without a DATABASE_URL, and dev reloads must not open a new pool each time.
const globalForDb = globalThis as unknown as { prisma?: PrismaClient; prismaUrl?: string };

export function db(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set; start the app with `npm start`, which provides it.");
  // Keyed by URL so integration tests, which point each file at its own database, never share one.
  if (!globalForDb.prisma || globalForDb.prismaUrl !== url) {
    globalForDb.prisma = createPrismaClient(url);
    globalForDb.prismaUrl = url;
  }
  return globalForDb.prisma;
}
