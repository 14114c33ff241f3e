// Links between events through the editor's server actions, against a real PostgreSQL; only the
// request context is replaced (the session user, Next's cache). What an editor, a contributor and
// a reader would observe: who may link, the messages for a refused link, the revisions written,
// and which links readers see.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { seedDatabase } from "../../prisma/seed";
import type { SessionUser } from "../auth/roles";
import { SIGN_IN_FIRST } from "../auth/guard";
import { createEvent, deleteEvent, transitionEvent } from "../events/mutations";
import type { EventInput } from "../events/schemas";
import { formData, session, tableFingerprints } from "../testing/fuzz/actions";
import { setUpTestDatabase } from "../testing/test-database";
import { addRelationAction, removeRelationAction, searchEventsToLinkAction } from "./actions";
import { listPublicRelated, listRelationsForEdit } from "./queries";

vi.mock("../authz", async () => {
  const { session } = await import("../testing/fuzz/actions");
  return { currentUser: async () => session.user, requireUser: async () => session.user };
});
vi.mock("../auth", () => ({ signIn: async () => {}, signOut: async () => {} }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const t = setUpTestDatabase({ seed: true });
const users: Record<"contributor" | "contributor2" | "editor", SessionUser> = {} as never;
const SUMMIT = "2023-09-13-kim-putin-vostochny-summit";
const VETO_2022 = "2022-05-26-russia-china-veto-dprk-sanctions";
const LAVROV = "2023-09-13-lavrov-un-sanctions-veto-threat";
const BORDERS = "2020-01-north-korea-closes-borders";
const HANOI = "2019-02-27-trump-kim-hanoi-summit";

const draft = (id: string): EventInput => ({
  id,
  title: `Relations test ${id}`,
  summary: "Something happened.",
  type: "summit-meeting",
  claimStatus: "confirmed",
  startDate: "2024-02-01",
  precision: "day",
  approximate: false,
  countryCodes: ["KP"],
  tags: [],
  itemCategories: [],
  status: "draft",
  actors: [{ actor: "north-korea", role: "participant" }],
  sources: [
    {
      url: "https://example.org/relations",
      title: "Report",
      publisher: "Agency",
      sourceType: "news",
      stance: "supports",
      quote: "It happened.",
      language: "en",
    },
  ],
});

const version = async (id: string) => (await t.prisma.event.findUniqueOrThrow({ where: { id } })).version;
const publicVersion = async () => (await t.prisma.publicChange.findUniqueOrThrow({ where: { id: 1 } })).version;
async function link(
  who: SessionUser | null,
  from: string,
  kind: string,
  to: string,
  op: "add" | "remove" = "add",
  v?: number,
) {
  session.user = who;
  const form = formData({ from, kind, to, version: String(v ?? (await version(from).catch(() => 1))) });
  return (op === "add" ? addRelationAction : removeRelationAction)({}, form);
}

beforeAll(async () => {
  for (const [key, role] of [
    ["contributor", "contributor"],
    ["contributor2", "contributor"],
    ["editor", "editor"],
  ] as const) {
    const u = await t.prisma.user.create({ data: { email: `${key}@relations.example`, name: key, role } });
    users[key] = { id: u.id, email: u.email, name: u.name, role };
  }
});

describe("the seed's links", () => {
  it("links what the research sheet says, shown from both sides", async () => {
    const veto = await listPublicRelated(VETO_2022, t.prisma);
    expect(veto.map((r) => [r.label, r.id])).toEqual([["precedent for", LAVROV]]);
    const lavrov = await listPublicRelated(LAVROV, t.prisma);
    expect(lavrov.map((r) => [r.label, r.id])).toContainEqual(["has precedent", VETO_2022]);
    const summit = (await listPublicRelated(SUMMIT, t.prisma)).map((r) => `${r.label}: ${r.id}`);
    expect(summit).toEqual(
      expect.arrayContaining([
        "responded to by: 2023-09-05-sullivan-pay-a-price-warning",
        "followed up by: 2023-10-13-white-house-dprk-munitions-containers-to-russia",
        "followed up by: 2024-06-putin-visits-pyongyang-signs-partnership-treaty",
      ]),
    );
  });

  it("does not add them again when the seed runs again", async () => {
    const before = await t.prisma.eventRelation.count();
    await seedDatabase(t.prisma);
    expect(await t.prisma.eventRelation.count()).toBe(before);
  });
});

describe("linking events in the editor", () => {
  it("refuses a caller who is not signed in, and a contributor on a published event, writing nothing", async () => {
    const before = await tableFingerprints(t.prisma);
    expect((await link(null, BORDERS, "precedent-for", HANOI)).message).toBe(SIGN_IN_FIRST);
    expect((await link(users.contributor, BORDERS, "precedent-for", HANOI)).message).toMatch(/only their own drafts/);
    expect(await tableFingerprints(t.prisma)).toEqual(before);
  });

  it("links two published events with a revision on the subject, and readers see it from both sides", async () => {
    const [v, pv] = [await version(HANOI), await publicVersion()];
    const state = await link(users.editor, HANOI, "follows-up", "2018-06-12-trump-kim-singapore-summit");
    expect(state).toMatchObject({ ok: true, message: expect.stringMatching(/follows up/) });
    expect(await version(HANOI)).toBe(v + 1);
    expect(await publicVersion()).toBeGreaterThan(pv);
    const last = await t.prisma.revision.findFirstOrThrow({ where: { eventId: HANOI }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({
      kind: "update",
      version: v + 1,
      userId: users.editor.id,
      note: "Linked to a related event (follows up)",
    });
    expect(last.changes).toEqual([
      { field: "related", from: [], to: ["follows-up:2018-06-12-trump-kim-singapore-summit"] },
    ]);
    expect((await listPublicRelated(HANOI, t.prisma)).map((r) => `${r.label}: ${r.id}`)).toEqual([
      "follows up: 2018-06-12-trump-kim-singapore-summit",
    ]);
    expect(
      (await listPublicRelated("2018-06-12-trump-kim-singapore-summit", t.prisma)).map((r) => `${r.label}: ${r.id}`),
    ).toEqual([`followed up by: ${HANOI}`]);
  });

  it("refuses a link to the event itself, to no event, and one that exists, with a message and nothing written", async () => {
    const before = await tableFingerprints(t.prisma);
    const self = await link(users.editor, HANOI, "part-of", HANOI);
    expect(self.message).toBe("An event cannot be related to itself; choose another event.");
    expect(self.fieldErrors?.to).toBeDefined();
    expect((await link(users.editor, HANOI, "part-of", "no-such-event")).message).toBe(
      "There is no event with the id no-such-event.",
    );
    const again = await link(users.editor, HANOI, "follows-up", "2018-06-12-trump-kim-singapore-summit");
    expect(again.message).toMatch(/^This event is already linked: it follows up “.*Singapore.*”\.$/i);
    expect((await link(users.editor, HANOI, "is-like", BORDERS)).message).toBe(
      "Choose the kind of relation from the list.",
    );
    expect((await link(users.editor, HANOI, "part-of", BORDERS, "add", 1)).message).toMatch(
      /changed this event after you opened it/,
    );
    expect(await tableFingerprints(t.prisma)).toEqual(before);
  });

  it("the database refuses a link to itself whatever the caller", async () => {
    await expect(
      t.prisma.eventRelation.create({ data: { fromEventId: HANOI, toEventId: HANOI, kind: "part_of" } }),
    ).rejects.toThrow(/event_relation_not_self|check constraint/i);
  });

  it("another kind between the same two events is a second link; removing one leaves the other", async () => {
    expect((await link(users.editor, HANOI, "responds-to", "2018-06-12-trump-kim-singapore-summit")).ok).toBe(true);
    const removed = await link(users.editor, HANOI, "follows-up", "2018-06-12-trump-kim-singapore-summit", "remove");
    expect(removed).toMatchObject({ ok: true });
    const last = await t.prisma.revision.findFirstOrThrow({ where: { eventId: HANOI }, orderBy: { id: "desc" } });
    expect(last.changes).toEqual([
      {
        field: "related",
        from: ["responds-to:2018-06-12-trump-kim-singapore-summit", "follows-up:2018-06-12-trump-kim-singapore-summit"],
        to: ["responds-to:2018-06-12-trump-kim-singapore-summit"],
      },
    ]);
    expect(
      (await link(users.editor, HANOI, "follows-up", "2018-06-12-trump-kim-singapore-summit", "remove")).message,
    ).toMatch(/not there any more/);
  });

  it("shows readers only links between public events; a contributor links their own draft and sees only what they may read", async () => {
    await createEvent(t.prisma, users.contributor, draft("2024-02-01-relations-draft"));
    await createEvent(t.prisma, users.contributor2, draft("2024-02-01-relations-other-draft"));
    // Someone else's draft is not there for this contributor, in the words used for a missing event.
    expect(
      (await link(users.contributor, "2024-02-01-relations-draft", "part-of", "2024-02-01-relations-other-draft"))
        .message,
    ).toBe("There is no event with the id 2024-02-01-relations-other-draft.");
    const pv = await publicVersion();
    expect((await link(users.contributor, "2024-02-01-relations-draft", "responds-to", BORDERS)).ok).toBe(true);
    expect(await publicVersion()).toBeGreaterThan(pv); // BORDERS is public: its cached pages are retired
    expect((await listPublicRelated(BORDERS, t.prisma)).map((r) => r.id)).not.toContain("2024-02-01-relations-draft");
    expect((await listRelationsForEdit(BORDERS, users.editor)).incoming.map((r) => r.id)).toContain(
      "2024-02-01-relations-draft",
    );
    expect((await listRelationsForEdit(BORDERS, users.contributor2)).incoming.map((r) => r.id)).not.toContain(
      "2024-02-01-relations-draft",
    );

    // Published, it shows; retracted or deleted, it goes.
    const v = (
      await transitionEvent(
        t.prisma,
        users.editor,
        "2024-02-01-relations-draft",
        await version("2024-02-01-relations-draft"),
        "publish",
      )
    ).version;
    expect((await listPublicRelated(BORDERS, t.prisma)).map((r) => `${r.label}: ${r.id}`)).toContain(
      "responded to by: 2024-02-01-relations-draft",
    );
    await transitionEvent(t.prisma, users.editor, "2024-02-01-relations-draft", v, "retract", "Test retraction");
    expect((await listPublicRelated(BORDERS, t.prisma)).map((r) => r.id)).not.toContain("2024-02-01-relations-draft");
    expect(await listPublicRelated("2024-02-01-relations-draft", t.prisma)).toEqual([]);
  });

  it("finds events to link by title or id, for signed-in callers only", async () => {
    session.user = users.editor;
    const found = await searchEventsToLinkAction("hanoi", SUMMIT);
    expect(found.map((c) => c.id)).toContain(HANOI);
    expect((await searchEventsToLinkAction("2019-02-27")).map((c) => c.id)).toContain(HANOI);
    expect((await searchEventsToLinkAction("Six-Party talks")).map((c) => c.id)).toContain(
      "2003-08-27-six-party-talks",
    );
    expect((await searchEventsToLinkAction("hanoi", HANOI)).map((c) => c.id)).not.toContain(HANOI);
    session.user = null;
    expect(await searchEventsToLinkAction("hanoi")).toEqual([]);
  });

  it("a deleted event's links go with it from every public view", async () => {
    const admin = await t.prisma.user.create({
      data: { email: "admin@relations.example", name: "admin", role: "admin" },
    });
    const adminUser: SessionUser = { id: admin.id, email: admin.email, name: admin.name, role: "admin" };
    expect((await link(users.editor, BORDERS, "precedent-for", HANOI)).ok).toBe(true);
    await deleteEvent(t.prisma, adminUser, BORDERS, await version(BORDERS), "Test");
    expect((await listPublicRelated(HANOI, t.prisma)).map((r) => r.id)).not.toContain(BORDERS);
    expect((await link(users.editor, HANOI, "part-of", BORDERS)).message).toBe(
      `There is no event with the id ${BORDERS}.`,
    );
  });
});
