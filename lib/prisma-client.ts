import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client";
import { logger } from "./log";

export function createPrismaClient(connectionString: string, poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10), logQueries = false) {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // Without a listener, an idle connection dropped by the server (a restart, a failover) emits
  // an 'error' that kills the whole process (node-postgres #2386).
  pool.on("error", (err) => logger.warn({ err: err.message }, "idle database connection lost"));
  return new PrismaClient({
    adapter: new PrismaPg(pool),
    log: logQueries ? [{ emit: "event", level: "query" }] : [],
  });
}
