// Readers' history of an event (its page and the Atom feed) starts at its first publication:
// edits and restores made while it was a draft are the desk's business.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/roles";
import { atomFeed } from "../export/atom";
import { SUPPLIER_AND_RECIPIENT, testEventInput, testSource } from "../testing/event-input";
import { createSessionUser, setUpTestDatabase } from "../testing/test-database";
import { createEvent, restoreRevision, transitionEvent, updateEvent } from "./mutations";
import { getPublicHistory } from "./queries";
import type { EventInput } from "./schemas";

const t = setUpTestDatabase({ seed: true });
let editor: SessionUser;
const ID = "2024-03-public-history-test";

const draft = (summary: string): EventInput =>
  testEventInput(ID, {
    title: "Public history test shipment",
    summary,
    startDate: "2024-03-01",
    actors: SUPPLIER_AND_RECIPIENT,
    sources: [testSource({ url: "https://example.org/ph", title: "Report", publisher: "Agency" })],
  });

beforeAll(async () => {
  editor = await createSessionUser(t.prisma, "editor", "history-editor@example.org", "Ed");
  // As a draft: two edits with working notes and a restore, then review and publication.
  let { version } = await createEvent(t.prisma, editor, draft("First draft."));
  ({ version } = await updateEvent(t.prisma, editor, ID, version, draft("Second draft: DRAFT-ONLY wording."), {
    note: "DRAFT-ONLY working note",
  }));
  const first = await t.prisma.revision.findFirstOrThrow({ where: { eventId: ID, kind: "create" } });
  ({ version } = await restoreRevision(t.prisma, editor, ID, version, first.id));
  ({ version } = await transitionEvent(t.prisma, editor, ID, version, "submit"));
  ({ version } = await transitionEvent(t.prisma, editor, ID, version, "publish"));
  await updateEvent(t.prisma, editor, ID, version, draft("Published, then corrected."), {
    kind: "correction",
    note: "The month was right; the summary was not.",
  });
});

describe("an event's public history", () => {
  it("starts at its first publication on the event's page", async () => {
    const history = await getPublicHistory(ID);
    expect(history.map((h) => [h.kind, h.note])).toEqual([
      ["publish", null],
      ["correction", "The month was right; the summary was not."],
    ]);
  });

  it("starts at its first publication in the Atom feed", async () => {
    const feed = await atomFeed("https://tracker.example.org");
    const entries = feed.split("<entry>").filter((e) => e.includes(`event/${ID}/`));
    expect(entries.map((e) => /<category term="(\w+)"\/>/.exec(e)?.[1])).toEqual(["correction", "publish"]);
    expect(feed).not.toContain("DRAFT-ONLY");
  });

  it("starts with the creation of an event published at once", async () => {
    const id = "2024-03-public-at-once";
    const { version } = await createEvent(t.prisma, editor, {
      ...draft("Published at once."),
      id,
      status: "published",
    });
    await updateEvent(
      t.prisma,
      editor,
      id,
      version,
      { ...draft("Updated in public."), id },
      { kind: "update", note: "A second source named the port." },
    );
    expect((await getPublicHistory(id)).map((h) => h.kind)).toEqual(["update"]);
  });
});
