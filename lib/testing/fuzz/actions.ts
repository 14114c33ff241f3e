// What the server-action fuzz suites share: the request context they may replace (the session
// user and Next's redirect/revalidate, nothing else: the database is real), a fingerprint of
// every table to prove a refusal wrote nothing, hostile form data, and the set-up around them.
import fc from "fast-check";
import { beforeAll, beforeEach, vi, type MockInstance } from "vitest";
import { seedDatabase } from "../../../prisma/seed";
import { ROLES, type SessionUser } from "../../auth/roles";
import type { PrismaClient } from "../../generated/prisma/client";
import { logger } from "../../log";
import { setUpTestDatabase } from "../test-database";
import { hostileJson, hostileString } from "./arbitraries";

/** The caller the mocked `currentUser()` returns; each run sets it. */
export const session: { user: SessionUser | null } = { user: null };

/** Thrown by the mocked `redirect()`, as Next's own throws to end the action. */
export class RedirectSignal extends Error {
  constructor(public url: string) {
    super(`redirect to ${url}`);
  }
}

/** The module the action tests mock `lib/authz` with: the session's caller. */
export const authzMock = { currentUser: async () => session.user, requireUser: async () => session.user };

/** The module the action tests mock `next/navigation` with: a redirect ends the action as Next's does. */
export const navigationMock = {
  redirect: (url: string): never => {
    throw new RedirectSignal(url);
  },
  notFound: (): never => {
    throw new Error("notFound");
  },
};

/** Runs an action; a redirect (how the event actions report success) comes back as a value. */
export async function outcomeOf<S>(action: () => Promise<S>): Promise<{ redirect: string } | { state: S }> {
  try {
    return { state: await action() };
  } catch (err) {
    if (err instanceof RedirectSignal) return { redirect: err.url };
    throw err;
  }
}

let tableList: string[] | undefined;

/**
 * Row count and checksum of every table, one string per table: the count, and the sum of a
 * 64-bit hash of each row's text (order-free, so no sort; ~3× cheaper than md5 over sorted
 * rows, which matters at 10,000 runs). Equal before and after a call means it wrote nothing.
 */
export async function tableFingerprints(prisma: PrismaClient): Promise<Record<string, string>> {
  tableList ??= (
    await prisma.$queryRawUnsafe<{ name: string }[]>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
    )
  ).map((r) => r.name);
  const sql = tableList
    .map(
      (t) =>
        `SELECT '${t}' AS name, count(*)::text || ':' || coalesce(sum(hashtextextended(x::text, 0)::numeric), 0)::text AS print FROM "${t}" x`,
    )
    .join(" UNION ALL ");
  const rows = await prisma.$queryRawUnsafe<{ name: string; print: string }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.name, r.print]));
}

/**
 * Fingerprints around each call. The state after a refused call is the state before the next
 * one, so it is reused rather than read twice; a call that wrote forgets it.
 */
export class DatabaseWatch {
  private last: Record<string, string> | undefined;
  private writes = 0;
  /**
   * `restore` (optional) puts the data back to its starting point; it runs before the call
   * that follows every `restoreEvery` accepted writes, so the tables (and the cost of fingerprinting them) stay
   * small over 10,000 runs instead of growing with every accepted input.
   */
  constructor(
    private prisma: PrismaClient,
    private restore?: () => Promise<void>,
    private restoreEvery = 200,
  ) {}
  async before() {
    if (this.restore && this.writes >= this.restoreEvery) {
      this.writes = 0;
      this.last = undefined;
      await this.restore();
    }
    this.last ??= await tableFingerprints(this.prisma);
    return this.last;
  }
  async after() {
    this.last = await tableFingerprints(this.prisma);
    return this.last;
  }
  /** After a call that was allowed to write (the restore, when due, waits for the next call). */
  wrote() {
    this.last = undefined;
    this.writes++;
  }
  forget() {
    this.last = undefined;
  }
}

/** A form field's value as a browser, a script or an attacker could send it. */
export const formValue: fc.Arbitrary<string | Blob> = fc.oneof(
  { arbitrary: hostileString, weight: 6 },
  { arbitrary: hostileJson.map((j) => JSON.stringify(j) ?? "null"), weight: 2 },
  { arbitrary: hostileString.map((s) => new File([s], "x.csv", { type: "text/csv" })), weight: 1 },
);

/** FormData from pairs; a value of undefined leaves the field out. */
export function formData(
  fields: Record<string, string | Blob | undefined>,
  extra: [string, string | Blob][] = [],
): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.append(k, v);
  for (const [k, v] of extra) form.append(k, v);
  return form;
}

/** Extra form fields nobody asked for. */
export const extraFields = fc.array(
  fc.tuple(
    fc.oneof(hostileString, fc.constantFrom("__proto__", "constructor", "$ACTION_ID_x", "role", "id")),
    formValue,
  ),
  { maxLength: 3 },
);

/**
 * The set-up the server-action fuzz suites share: a database of their own (holding the sample data
 * when `seed` is set, and put back to it every few hundred accepted writes), one user per role
 * (`<role>@fuzz.example`, with `passwordHash()` when given) beside the anonymous caller, a watch on
 * every table, and in each test the logger's error level silenced and spied on (an action's
 * unexpected-error branch logs there: lib/request-log.ts logWrite). Call it at the top of the file.
 */
export function setUpActionFuzzing(options: { seed?: boolean; passwordHash?: () => Promise<string> } = {}) {
  const t = setUpTestDatabase({ seed: options.seed });
  const fuzz = {
    t,
    users: { anonymous: null } as Record<string, SessionUser | null>,
    watch: undefined as unknown as DatabaseWatch,
    errors: undefined as unknown as MockInstance,
  };
  beforeAll(async () => {
    const passwordHash = await options.passwordHash?.();
    for (const role of ROLES) {
      const u = await t.prisma.user.create({
        data: { email: `${role}@fuzz.example`, name: `Fuzz ${role}`, role, passwordHash },
      });
      fuzz.users[role] = { id: u.id, email: u.email, name: u.name, role };
    }
    const restore = async () => {
      await t.reset();
      await seedDatabase(t.prisma);
    };
    fuzz.watch = new DatabaseWatch(t.prisma, options.seed ? restore : undefined);
  });
  beforeEach(() => {
    fuzz.watch.forget();
    fuzz.errors = vi.spyOn(logger, "error").mockImplementation(() => {});
    return () => fuzz.errors.mockRestore();
  });
  return fuzz;
}
