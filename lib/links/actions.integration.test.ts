// The "Check links" server action: a public endpoint, so the role is checked inside it. Only the
// request context is replaced (the session user and Next's cache).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "../auth/roles";
import { setUpTestDatabase } from "../testing/test-database";
import { checkEventLinksAction } from "./actions";
import { startLocalLinkServer, type LocalLinkServer } from "./local-link-server";
import { addEvent, makeUser } from "./test-fixtures";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("../authz", () => ({ currentUser: async () => session.user, requireUser: async () => session.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const t = setUpTestDatabase();
let server: LocalLinkServer;
let base: string;
const users: Record<string, SessionUser | null> = { anonymous: null };
const previous = { url: process.env.DATABASE_URL, hosts: process.env.FETCH_ALLOW_PRIVATE_HOSTS };

beforeAll(async () => {
  process.env.FETCH_ALLOW_PRIVATE_HOSTS = "127.0.0.1"; // the setting that lets the checker reach the test's server
  server = await startLocalLinkServer(["127.0.0.1"]);
  base = server.base("127.0.0.1");
  for (const role of ["contributor", "editor", "admin"] as const) users[role] = await makeUser(t.prisma, role);
  await addEvent(t.prisma, users.editor!, "checked", "draft", [
    { url: `${base}/ok`, archivedUrl: `${base}/gone` },
    { url: `${base}/moved` },
  ]);
});
afterAll(async () => {
  process.env.DATABASE_URL = previous.url;
  process.env.FETCH_ALLOW_PRIVATE_HOSTS = previous.hosts;
  await server.close();
});

const form = (eventId: string) => {
  const f = new FormData();
  f.set("eventId", eventId);
  return f;
};
const callAs = (who: string, eventId = "checked") => {
  session.user = users[who];
  return checkEventLinksAction({}, form(eventId));
};

describe("checkEventLinksAction", () => {
  it("refuses anonymous callers and contributors, sending no request and writing nothing", async () => {
    expect(await callAs("anonymous")).toEqual({ message: "Sign in first." });
    expect(await callAs("contributor")).toEqual({ message: "You do not have permission to do that." });
    expect(await callAs("anonymous", "<script>")).toEqual({ message: "Sign in first." });
    expect(server.requests).toEqual([]);
    expect(await t.prisma.linkCheck.count()).toBe(0);
  });

  it("checks the event's addresses for an editor and shows each result", async () => {
    const state = await callAs("editor");
    expect(state.message).toBeUndefined();
    expect(state.results).toEqual([
      expect.objectContaining({ url: `${base}/ok`, status: "ok", httpStatus: 200, dead: false, failingSince: null }),
      expect.objectContaining({
        url: `${base}/gone`,
        status: "gone",
        httpStatus: 410,
        dead: false,
        failingSince: expect.any(String),
      }),
      expect.objectContaining({ url: `${base}/moved`, status: "redirected", redirectedTo: `${base}/ok` }),
    ]);
    expect(state.skipped).toEqual([]);
    expect(await t.prisma.linkCheck.count()).toBe(3);
  });

  it("answers an admin too, and says so plainly when the event is unknown or the id unreadable", async () => {
    expect(await callAs("admin", "no-such-event")).toEqual({ message: "There is no such event." });
    expect(await callAs("editor", "<script>")).toEqual({
      message: "The event could not be identified; reload the page and try again.",
    });
  });
});
