// Signing out ends the session on the server too: the session cookie is a signed token that
// stays valid until it expires, so a copy of it (a shared computer, a stolen cookie) must stop
// working when its owner signs out. Real PostgreSQL; only the request context is replaced (the
// session user, Auth.js's signOut that clears the cookie, Next's cache).
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { breakerState } from "../breaker-state";
import { setUpTestDatabase } from "../testing/test-database";
import type { SessionUser } from "./roles";

const context = vi.hoisted(() => ({ user: null as unknown, cookieCleared: 0 }));
vi.mock("../authz", () => ({ currentUser: async () => context.user, requireUser: async () => context.user }));
vi.mock("../auth", () => ({
  signIn: async () => {},
  signOut: async () => {
    context.cookieCleared++;
  },
}));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} })); // only its error class is used here
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const t = setUpTestDatabase();
let me: SessionUser;
let other: SessionUser;
beforeAll(async () => {
  for (const [email, role] of [
    ["signs-out@example.org", "editor"],
    ["stays@example.org", "contributor"],
  ] as const) {
    const u = await t.prisma.user.create({ data: { email, name: email, role } });
    const s = { id: u.id, email: u.email, name: u.name, role };
    if (role === "editor") me = s;
    else other = s;
  }
});
afterEach(() => {
  breakerState.openSince = null;
  context.cookieCleared = 0;
});

/** Whether a session cookie issued before now (with this session version) is still honoured. */
async function stillSignedIn(user: SessionUser, version: number) {
  const { loadSessionUser } = await import("./sign-in");
  return (await loadSessionUser(user.id, version)) !== null;
}
const versionOf = async (user: SessionUser) =>
  (await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;

describe("signing out", () => {
  it("ends the session on the server, not only this browser's cookie", async () => {
    const { signOutAction } = await import("./actions");
    const mine = await versionOf(me);
    const theirs = await versionOf(other);
    expect(await stillSignedIn(me, mine)).toBe(true);
    context.user = me;
    await signOutAction();
    expect(context.cookieCleared).toBe(1);
    expect(await stillSignedIn(me, mine)).toBe(false); // a copy of the old cookie no longer works
    expect(await stillSignedIn(other, theirs)).toBe(true); // nobody else is signed out
  });

  it("clears the cookie of a signed-out caller, and during an outage, without failing", async () => {
    const { signOutAction } = await import("./actions");
    context.user = null;
    await signOutAction();
    breakerState.openSince = Date.now();
    context.user = me;
    await signOutAction();
    expect(context.cookieCleared).toBe(2);
  });

  it("'sign out everywhere' on the account page ends every session of the caller", async () => {
    const { signOutEverywhereAction } = await import("./actions");
    const mine = await versionOf(me);
    context.user = me;
    await signOutEverywhereAction();
    expect(context.cookieCleared).toBe(1);
    expect(await stillSignedIn(me, mine)).toBe(false);
    context.user = null;
    expect(await signOutEverywhereAction()).toEqual({ message: "Sign in first." });
  });
});
