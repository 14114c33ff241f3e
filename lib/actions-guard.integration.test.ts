// Every server action answers the three refusals in the same words (lib/auth/guard.ts): a caller
// who is not signed in, a role that is too low, and a database known to be unavailable. Each
// refusal leaves every table as it was. Against a real PostgreSQL; only the request context is
// replaced (the session user, Next's redirect and cache). The outage is the breaker opened the
// way an unreachable database opens it (lib/breaker-state.ts), with the session either gone
// (how Auth.js reports a session it could not read) or still there.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { NOT_ALLOWED, SIGN_IN_FIRST } from "./auth/guard";
import type { SessionUser } from "./auth/roles";
import { breakerState } from "./breaker-state";
import { NOTHING_SAVED_MESSAGE } from "./db-errors";
import {
  deleteEventAction,
  findDuplicatesAction,
  restoreRevisionAction,
  saveEventAction,
  transitionEventAction,
} from "./events/actions";
import { signOutEverywhereAction } from "./auth/actions";
import { captureSourceAction, checkQuoteAction } from "./captures/actions";
import { uploadCopyRequest } from "./captures/upload-copy";
import { importUpload } from "./import/run-import";
import { checkEventLinksAction } from "./links/actions";
import { addRelationAction, removeRelationAction } from "./relations/actions";
import { formData, outcomeOf, session, tableFingerprints } from "./testing/fuzz/actions";
import { createSessionUser, setUpTestDatabase } from "./testing/test-database";
import { changeOwnPasswordAction, createUserAction, manageUserAction } from "./users/actions";

vi.mock("./authz", async () => (await import("./testing/fuzz/actions")).authzMock);
// Auth.js itself is not needed: the session comes from the mocked currentUser, and signOut (which
// clears the cookie) is never reached by a refused call.
vi.mock("./auth", () => ({ signIn: async () => {}, signOut: async () => {} }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/navigation", async () => (await import("./testing/fuzz/actions")).navigationMock);

const t = setUpTestDatabase({ seed: true });
const users: Record<string, SessionUser | null> = { anonymous: null };
let published: { id: string; version: number };

beforeAll(async () => {
  for (const role of ["contributor", "editor", "admin"] as const) {
    users[role] = await createSessionUser(t.prisma, role, `${role}@guard.example`, `Guard ${role}`);
  }
  published = await t.prisma.event.findFirstOrThrow({
    where: { status: "published", deleted: false },
    orderBy: { id: "asc" },
    select: { id: true, version: true },
  });
});
afterAll(async () => {
  breakerState.openSince = null;
  const { db } = await import("./db");
  await db().$disconnect();
});
afterEach(() => {
  breakerState.openSince = null;
});

type Call = () => Promise<{ message?: string }>;
const route = async (handler: (r: Request) => Promise<Response>, path: string, body: FormData) =>
  (await handler(new Request(`http://localhost${path}`, { method: "POST", body }))).json() as Promise<{
    message?: string;
  }>;
const draft = {
  id: "guard-new-event",
  title: "A guarded event",
  summary: "s",
  type: "summit-meeting",
  claimStatus: "confirmed",
  startDate: "2023-09-13",
  precision: "day",
  sources: [],
};
const csv = () => new File(["id,title\n"], "events.csv", { type: "text/csv" });

/**
 * Every exported server action that answers with a message, called with a form that would be
 * carried out for a caller allowed to: `min` is the least role that may, and `tooLow` the role
 * just below it (none below contributor, the least role there is).
 */
const actions: { name: string; tooLow?: string; call: () => Call }[] = [
  {
    name: "saveEventAction",
    call: () => () => saveEventAction({}, formData({ payload: JSON.stringify({ input: draft, newActors: [] }) })),
  },
  {
    name: "transitionEventAction (retract)",
    tooLow: "contributor",
    call: () => () =>
      transitionEventAction(
        {},
        formData({ id: published.id, version: String(published.version), action: "retract", reason: "Guard test" }),
      ),
  },
  {
    name: "restoreRevisionAction",
    tooLow: "contributor",
    call: () => () =>
      restoreRevisionAction({}, formData({ id: published.id, version: String(published.version), revision: "1" })),
  },
  {
    name: "deleteEventAction",
    tooLow: "editor",
    call: () => () =>
      deleteEventAction({}, formData({ id: published.id, version: String(published.version), reason: "Guard test" })),
  },
  // The uploads are route handlers (their own body limits) that ask the same guard; their JSON carries the message.
  {
    name: "POST /editor/uploads/import",
    call: () => () =>
      route(importUpload, "/editor/uploads/import", formData({ mode: "commit", status: "draft", events: csv() })),
  },
  {
    name: "POST /editor/uploads/copy",
    call: () => () =>
      route(
        uploadCopyRequest,
        "/editor/uploads/copy",
        formData({ file: new File(["A saved page."], "page.txt", { type: "text/plain" }) }),
      ),
  },
  {
    name: "captureSourceAction",
    call: () => () => captureSourceAction("https://example.org/page") as Promise<{ message?: string }>,
  },
  { name: "checkQuoteAction", call: () => () => checkQuoteAction(1, "A quote.") as Promise<{ message?: string }> },
  { name: "signOutEverywhereAction", call: () => () => signOutEverywhereAction() },
  {
    name: "createUserAction",
    tooLow: "editor",
    call: () => () =>
      createUserAction(
        {},
        formData({ email: "new@guard.example", name: "New", role: "admin", password: "a long enough password 1" }),
      ),
  },
  {
    name: "manageUserAction",
    tooLow: "editor",
    call: () => () =>
      manageUserAction({}, formData({ op: "role", userId: String(users.contributor!.id), role: "admin" })),
  },
  {
    name: "changeOwnPasswordAction",
    call: () => () => changeOwnPasswordAction({}, formData({ current: "", next: "a long enough password 2" })),
  },
  {
    name: "checkEventLinksAction",
    tooLow: "contributor",
    call: () => () => checkEventLinksAction({}, formData({ eventId: published.id })),
  },
  {
    name: "addRelationAction",
    call: () => () =>
      addRelationAction(
        {},
        formData({
          from: published.id,
          version: String(published.version),
          kind: "part-of",
          to: "2023-09-13-kim-putin-vostochny-summit",
        }),
      ),
  },
  {
    name: "removeRelationAction",
    call: () => () =>
      removeRelationAction(
        {},
        formData({
          from: published.id,
          version: String(published.version),
          kind: "part-of",
          to: "2023-09-13-kim-putin-vostochny-summit",
        }),
      ),
  },
];

async function refusal(who: string, call: Call): Promise<string | undefined> {
  session.user = users[who];
  const before = await tableFingerprints(t.prisma);
  const out = await outcomeOf(call);
  expect(out, `${who} was let through`).toHaveProperty("state");
  expect(await tableFingerprints(t.prisma), "a refusal changed the database").toEqual(before);
  return "state" in out ? out.state.message : undefined;
}

describe("every server action refuses in the same words", () => {
  for (const a of actions) {
    it(`${a.name}: "${SIGN_IN_FIRST}" to a caller who is not signed in`, async () => {
      expect(await refusal("anonymous", a.call())).toBe(SIGN_IN_FIRST);
    });
    if (a.tooLow) {
      it(`${a.name}: "${NOT_ALLOWED}" to a ${a.tooLow}`, async () => {
        expect(await refusal(a.tooLow!, a.call())).toBe(NOT_ALLOWED);
      });
    }
    it(`${a.name}: nothing saved while the database is unavailable, signed in or not`, async () => {
      breakerState.openSince = Date.now();
      expect(await refusal("anonymous", a.call())).toBe(NOTHING_SAVED_MESSAGE); // the session could not be read
      expect(await refusal("admin", a.call())).toBe(NOTHING_SAVED_MESSAGE);
    });
  }

  it("a session lost while a probe is still deciding whether the database is down is not read as signed out", async () => {
    breakerState.confirming = true; // a request ran out of time waiting for a busy pool
    try {
      expect(await refusal("anonymous", actions[0].call())).toBe(NOTHING_SAVED_MESSAGE);
    } finally {
      breakerState.confirming = false;
    }
  });

  it("uses the messages the guard promises", () => {
    expect(SIGN_IN_FIRST).toBe("Sign in first.");
    expect(NOT_ALLOWED).toBe("You do not have permission to do that.");
  });

  it("findDuplicatesAction: no hints to a caller who is not signed in, nor during an outage", async () => {
    const query = { startDate: "2023-09-13", title: "summit", urls: [] };
    session.user = null;
    expect(await findDuplicatesAction(query)).toEqual([]);
    breakerState.openSince = Date.now();
    session.user = users.admin;
    expect(await findDuplicatesAction(query)).toEqual([]);
  });
});
