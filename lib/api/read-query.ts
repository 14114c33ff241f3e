import "server-only";
// The API list's statements run on the node-postgres pool behind readDb() (the replica's when
// DATABASE_READ_URL is set): the page is one statement whose answer is one text, so Prisma's
// raw-query layer only adds work, measured at 1–2 ms of CPU per query on this machine kind. They
// run as named (prepared) statements, parsed once per connection (lib/statement-names.ts).
import { readPool, reportReadError } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { statementName } from "../statement-names";

/** A read that failed because its database is unreachable (already reported to its breaker): a 503. */
export class ReadUnavailable extends Error {
  constructor(cause: unknown) {
    super("The database for public reads cannot be reached.", { cause });
  }
}

export async function readQuery<T extends object>(sql: Prisma.Sql): Promise<T[]> {
  try {
    return (await readPool().query<T>({ name: statementName(sql.text), text: sql.text, values: sql.values })).rows;
  } catch (err) {
    // node-postgres' errors do not say which server failed: reportReadError sends them to the
    // replica's breaker when one is configured, so a replica outage never sends the desk to 503.
    if (reportReadError(err)) throw new ReadUnavailable(err);
    throw err;
  }
}
