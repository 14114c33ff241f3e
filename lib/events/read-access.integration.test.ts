// The authorisation matrix for reading (next to the one for writing in mutations.integration.test.ts).
// The rule (lib/events/visibility.ts): contributors see the public record and their own events;
// editors and admins see everything. Checked on every desk read against a real PostgreSQL: the
// editor's event page, the duplicate hints, the desk's queues, and the history's emails.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/roles";
import { SUPPLIER_AND_RECIPIENT, testEventInput, testSource } from "../testing/event-input";
import { setUpTestDatabase } from "../testing/test-database";
import { findPossibleDuplicates } from "./duplicates";
import { getEventForEdit, listDeskQueues } from "./editor-queries";
import { createEvent, deleteEvent, transitionEvent } from "./mutations";
import type { EventInput } from "./schemas";
import { eventsVisibleTo, mayReadEvent } from "./visibility";

const t = setUpTestDatabase({ seed: true });
type Reader = "contributor" | "contributor2" | "editor" | "admin";
const users = {} as Record<Reader, SessionUser>;
const SHARED_URL = "https://example.org/read-matrix";

const draft = (id: string): EventInput =>
  testEventInput(id, {
    title: `Read matrix ${id}`,
    startDate: "2024-02-01",
    itemCategories: ["artillery-ammunition"],
    actors: SUPPLIER_AND_RECIPIENT,
    sources: [testSource({ url: SHARED_URL, title: "Report", publisher: "Agency" })],
  });

// One event per stage; "own" ones belong to `contributor`, the others to `contributor2`.
const EVENTS = ["own-draft", "own-review", "other-draft", "other-review", "published", "retracted", "deleted"] as const;
type Stage = (typeof EVENTS)[number];
const idOf = (s: Stage) => `2024-02-read-${s}`;
const allowed: Record<Reader, Stage[]> = {
  contributor: ["own-draft", "own-review", "published", "retracted"],
  contributor2: ["other-draft", "other-review", "published", "retracted"], // published and retracted are contributor2's too
  editor: [...EVENTS],
  admin: [...EVENTS],
};

beforeAll(async () => {
  for (const [key, role] of [
    ["contributor", "contributor"],
    ["contributor2", "contributor"],
    ["editor", "editor"],
    ["admin", "admin"],
  ] as const) {
    const u = await t.prisma.user.create({ data: { email: `${key}@read.example`, name: `Reader ${key}`, role } });
    users[key] = { id: u.id, email: u.email, name: u.name, role };
  }
  for (const stage of EVENTS) {
    const owner = stage.startsWith("own") ? users.contributor : users.contributor2;
    const id = idOf(stage);
    let { version } = await createEvent(t.prisma, owner, draft(id));
    if (stage.endsWith("review")) await transitionEvent(t.prisma, owner, id, version, "submit");
    if (["published", "retracted", "deleted"].includes(stage))
      ({ version } = await transitionEvent(t.prisma, users.editor, id, version, "publish"));
    if (stage === "retracted") await transitionEvent(t.prisma, users.editor, id, version, "retract", "Withdrawn.");
    if (stage === "deleted") await deleteEvent(t.prisma, users.admin, id, version);
  }
});

const seen = (ids: string[]) => EVENTS.filter((s) => ids.includes(idOf(s)));

describe("read authorisation matrix", () => {
  for (const reader of Object.keys(allowed) as Reader[]) {
    it(`the editor's event page opens for a ${reader} exactly: ${allowed[reader].join(", ")}`, async () => {
      const opened: string[] = [];
      for (const s of EVENTS) if (await getEventForEdit(idOf(s), users[reader])) opened.push(idOf(s));
      expect(seen(opened)).toEqual(allowed[reader]);
    });

    it(`duplicate hints for a ${reader} name exactly: ${allowed[reader].join(", ")}`, async () => {
      const hints = await findPossibleDuplicates(t.prisma, users[reader], {
        startDate: "2024-02-01",
        title: "Something else entirely",
        urls: [SHARED_URL],
      });
      expect(seen(hints.map((h) => h.id))).toEqual(allowed[reader]);
    });

    it(`the desk's queues show a ${reader} only events they may read`, async () => {
      const q = await listDeskQueues(users[reader]);
      const listed = [...q.myDrafts, ...q.inReview, ...q.recentlyPublished].map((e) => e.id);
      expect(seen(listed).every((s) => allowed[reader].includes(s))).toBe(true);
      expect(seen(q.inReview.map((e) => e.id))).toEqual(allowed[reader].filter((s) => s.endsWith("review")));
    });
  }

  it("shows nothing to no one", async () => {
    expect(await getEventForEdit(idOf("published"), null)).toBeNull();
  });

  it("gives the same answer in Prisma's filter and for one event read", async () => {
    const all = await t.prisma.event.findMany({ where: { id: { in: EVENTS.map(idOf) } } });
    for (const reader of Object.keys(allowed) as Reader[]) {
      const filtered = await t.prisma.event.findMany({
        where: { id: { in: EVENTS.map(idOf) }, ...eventsVisibleTo(users[reader]) },
        select: { id: true },
      });
      expect(seen(filtered.map((e) => e.id)), reader).toEqual(
        seen(all.filter((e) => mayReadEvent(users[reader], e)).map((e) => e.id)),
      );
    }
  });

  it("shows other users' emails in an event's history to editors only", async () => {
    const byLines = async (reader: Reader) =>
      (await getEventForEdit(idOf("published"), users[reader]))!.revisions.map((r) => r.by).join("\n");
    expect(await byLines("editor")).toContain(users.contributor2.email);
    const forContributor = await byLines("contributor");
    expect(forContributor).toContain(users.contributor2.name); // who, by name
    expect(forContributor).not.toContain("@");
    // Their own email is theirs to see.
    expect((await getEventForEdit(idOf("own-draft"), users.contributor))!.revisions[0].by).toBe(
      `${users.contributor.name} <${users.contributor.email}>`,
    );
  });
});
