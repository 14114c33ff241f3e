import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/roles";
import { SUPPLIER_AND_RECIPIENT, testEventInput, testSource } from "../testing/event-input";
import { setUpTestDatabase } from "../testing/test-database";
import { ConflictError, InvalidInputError } from "./errors";
import { createEvent, deleteEvent, restoreRevision, transitionEvent, updateEvent } from "./mutations";
import type { EventInput } from "./schemas";

const t = setUpTestDatabase({ seed: true });
const users: Record<"contributor" | "contributor2" | "editor" | "admin", SessionUser> = {} as never;

const draft = (id: string, extra: Partial<EventInput> = {}): EventInput =>
  testEventInput(id, {
    title: "Test event about a shipment",
    itemCategories: ["artillery-ammunition"],
    actors: SUPPLIER_AND_RECIPIENT,
    sources: [
      testSource(),
      testSource({
        url: "https://example.org/b",
        title: "Report B",
        publisher: "Agency B",
        sourceType: "official",
        quote: "We confirm the shipment.",
      }),
    ],
    ...extra,
  });

beforeAll(async () => {
  for (const [key, role] of [
    ["contributor", "contributor"],
    ["contributor2", "contributor"],
    ["editor", "editor"],
    ["admin", "admin"],
  ] as const) {
    const u = await t.prisma.user.create({ data: { email: `${key}@example.org`, name: key, role } });
    users[key] = { id: u.id, email: u.email, name: u.name, role };
  }
});

const revisions = (id: string) => t.prisma.revision.findMany({ where: { eventId: id }, orderBy: { id: "asc" } });

describe("the editorial workflow", () => {
  it("takes a contributor's draft through review to publication, with a revision for each step", async () => {
    const { version } = await createEvent(
      t.prisma,
      users.contributor,
      draft("2024-01-shipment-a", { status: "published" }),
    );
    const created = await t.prisma.event.findUniqueOrThrow({ where: { id: "2024-01-shipment-a" } });
    expect(created.status).toBe("draft"); // a contributor cannot publish
    const v2 = await transitionEvent(t.prisma, users.contributor, created.id, version, "submit");
    await expect(transitionEvent(t.prisma, users.contributor, created.id, v2.version, "publish")).rejects.toThrow(
      /permission/,
    );
    const v3 = await transitionEvent(t.prisma, users.editor, created.id, v2.version, "publish");
    const published = await t.prisma.event.findUniqueOrThrow({ where: { id: created.id } });
    expect([published.status, published.version, published.publishedAt !== null]).toEqual([
      "published",
      v3.version,
      true,
    ]);
    expect((await revisions(created.id)).map((r) => r.kind)).toEqual(["create", "submit", "publish"]);
  });

  it("asks for a kind and a note when a published event changes, and records field changes", async () => {
    const id = "2024-01-shipment-a";
    const { version } = await t.prisma.event.findUniqueOrThrow({ where: { id } });
    const edited = draft(id, { title: "Test event about a larger shipment" });
    await expect(updateEvent(t.prisma, users.editor, id, version, edited)).rejects.toThrow(InvalidInputError);
    await updateEvent(t.prisma, users.editor, id, version, edited, {
      kind: "correction",
      note: "The shipment was larger.",
    });
    const last = (await revisions(id)).at(-1)!;
    expect(last.kind).toBe("correction");
    expect(last.note).toBe("The shipment was larger.");
    expect(last.changes).toEqual([
      { field: "title", from: "Test event about a shipment", to: "Test event about a larger shipment" },
    ]);
  });

  it("restores an earlier revision as a new revision", async () => {
    const id = "2024-01-shipment-a";
    const first = (await revisions(id))[0];
    const { version } = await t.prisma.event.findUniqueOrThrow({ where: { id } });
    await restoreRevision(t.prisma, users.editor, id, version, first.id);
    const e = await t.prisma.event.findUniqueOrThrow({ where: { id } });
    expect([e.title, e.status]).toEqual(["Test event about a shipment", "published"]);
    expect((await revisions(id)).at(-1)!.kind).toBe("restore");
  });

  it("retracts with a reason, and an admin soft-deletes", async () => {
    const id = "2024-01-shipment-a";
    let { version } = await t.prisma.event.findUniqueOrThrow({ where: { id } });
    await expect(transitionEvent(t.prisma, users.editor, id, version, "retract")).rejects.toThrow(/reason/);
    ({ version } = await transitionEvent(
      t.prisma,
      users.editor,
      id,
      version,
      "retract",
      "The reports were withdrawn.",
    ));
    expect((await t.prisma.event.findUniqueOrThrow({ where: { id } })).retractionReason).toBe(
      "The reports were withdrawn.",
    );
    await expect(deleteEvent(t.prisma, users.editor, id, version)).rejects.toThrow(/permission/);
    await deleteEvent(t.prisma, users.admin, id, version);
    const e = await t.prisma.event.findUniqueOrThrow({ where: { id } });
    expect(e.deleted).toBe(true);
    await expect(createEvent(t.prisma, users.editor, draft(id))).rejects.toThrow(/taken/); // ids are never reused
  });
});

describe("no lost updates", () => {
  it("lets exactly one of 20 concurrent saves from the same version through", async () => {
    const id = "2024-01-shipment-race";
    const { version } = await createEvent(t.prisma, users.editor, draft(id));
    const before = (await revisions(id)).length;
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        updateEvent(t.prisma, users.editor, id, version, draft(id, { summary: `Edit number ${i}.` })),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(r.reason).toBeInstanceOf(ConflictError);
    expect((await revisions(id)).length).toBe(before + 1);
    const saved = await t.prisma.event.findUniqueOrThrow({ where: { id } });
    expect(saved.version).toBe(version + 1);
  });

  it("shows the stale editor what is there now", async () => {
    const id = "2024-01-shipment-race";
    const err = await updateEvent(t.prisma, users.editor, id, 1, draft(id, { summary: "Stale." })).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).current.summary).toMatch(/^Edit number \d+\.$/);
    expect((err as ConflictError).currentVersion).toBe(2);
  });
});

describe("authorisation matrix", () => {
  type Who = keyof typeof users | "anonymous";
  const who: Who[] = ["anonymous", "contributor", "contributor2", "editor", "admin"];
  let n = 0;
  // Each operation gets a fresh event owned by `contributor`, so outcomes do not depend on order.
  const fresh = async () => {
    const id = `2024-01-authz-${++n}`;
    const { version } = await createEvent(t.prisma, users.contributor, draft(id));
    return { id, version };
  };
  const as = (w: Who) => (w === "anonymous" ? null : users[w]);
  const ops: Record<string, (u: SessionUser | null) => Promise<unknown>> = {
    create: (u) => createEvent(t.prisma, u, draft(`2024-01-authz-new-${++n}`)),
    "edit own draft": async (u) => {
      const e = await fresh();
      return updateEvent(t.prisma, u, e.id, e.version, draft(e.id, { summary: "Changed." }));
    },
    submit: async (u) => {
      const e = await fresh();
      return transitionEvent(t.prisma, u, e.id, e.version, "submit");
    },
    publish: async (u) => {
      const e = await fresh();
      return transitionEvent(t.prisma, u, e.id, e.version, "publish");
    },
    retract: async (u) => {
      const e = await fresh();
      const p = await transitionEvent(t.prisma, users.editor, e.id, e.version, "publish");
      return transitionEvent(t.prisma, u, e.id, p.version, "retract", "Withdrawn.");
    },
    restore: async (u) => {
      const e = await fresh();
      const rev = (await revisions(e.id))[0];
      return restoreRevision(t.prisma, u, e.id, e.version, rev.id);
    },
    delete: async (u) => {
      const e = await fresh();
      return deleteEvent(t.prisma, u, e.id, e.version);
    },
  };
  const allowed: Record<string, Who[]> = {
    create: ["contributor", "contributor2", "editor", "admin"],
    "edit own draft": ["contributor", "editor", "admin"], // contributor2 does not own it
    submit: ["contributor", "editor", "admin"],
    publish: ["editor", "admin"],
    retract: ["editor", "admin"],
    restore: ["editor", "admin"],
    delete: ["admin"],
  };
  for (const [op, run] of Object.entries(ops)) {
    it(`allows "${op}" to exactly ${allowed[op].join(", ")}`, async () => {
      const outcome: Record<string, boolean> = {};
      for (const w of who)
        outcome[w] = await run(as(w)).then(
          () => true,
          () => false,
        );
      expect(outcome).toEqual(Object.fromEntries(who.map((w) => [w, allowed[op].includes(w)])));
    });
  }
});

describe("hostile input", () => {
  it("refuses javascript: URLs and a 1 MB summary", async () => {
    const bad = draft("2024-01-hostile-1", {
      sources: [
        { url: "javascript:alert(1)", title: "x", sourceType: "news", stance: "supports", quote: "q", language: "en" },
      ],
    });
    await expect(createEvent(t.prisma, users.editor, bad)).rejects.toMatchObject({
      fieldErrors: { "sources.0.url": expect.anything() },
    });
    await expect(
      createEvent(t.prisma, users.editor, draft("2024-01-hostile-2", { summary: "x".repeat(1_000_000) })),
    ).rejects.toThrow(InvalidInputError);
    expect(await t.prisma.event.count({ where: { id: { startsWith: "2024-01-hostile" } } })).toBe(0);
  });

  it("stores markup and odd Unicode as plain text", async () => {
    const title = "<script>alert('x')</script> Ünïcödé \u202e test";
    await createEvent(t.prisma, users.editor, draft("2024-01-hostile-3", { title }));
    expect((await t.prisma.event.findUniqueOrThrow({ where: { id: "2024-01-hostile-3" } })).title).toBe(title);
  });
});

describe("quotes checked against captured copies", () => {
  let copy: number;
  beforeAll(async () => {
    const text = "Officials said on Monday that shells were shipped by rail to the border.";
    await t.prisma.captureContent.create({
      data: {
        sha256: "a".repeat(64),
        bytes: Buffer.from(text),
        size: text.length,
        contentType: "text/plain",
        text,
        fullText: text,
      },
    });
    copy = (await t.prisma.capture.create({ data: { sha256: "a".repeat(64), method: "uploaded" } })).id;
  });
  const withCopy = (quote: string) => ({
    url: "https://example.org/c",
    title: "Report C",
    sourceType: "news" as const,
    stance: "supports" as const,
    quote,
    language: "en",
    captureId: copy,
  });
  const checks = async (id: string) =>
    (await t.prisma.source.findMany({ where: { eventId: id }, orderBy: { position: "asc" } })).map((s) => s.quoteCheck);

  it("records each quote's check on save, and re-checks it when the quote changes", async () => {
    const id = "2024-01-checked-1";
    const { version } = await createEvent(
      t.prisma,
      users.editor,
      draft(id, { sources: [withCopy("shells were  shipped by rail"), withCopy("shells were flown")] }),
    );
    expect(await checks(id)).toEqual(["verified", "not_found"]);
    const match = await t.prisma.source.findFirstOrThrow({ where: { eventId: id, position: 0 } });
    expect(match.quoteMatch).toContain("[shells were shipped by rail]");
    await updateEvent(
      t.prisma,
      users.editor,
      id,
      version,
      draft(id, {
        sources: [
          withCopy("shells were shipped by road"),
          { ...withCopy("x"), quote: undefined, note: "Says shells moved.", captureId: undefined },
        ],
      }),
    );
    expect(await checks(id)).toEqual(["not_found", "no_quote"]);
  });

  it("publishes a quote not found in its copy only with a confirmed reason, kept in the revision", async () => {
    const id = "2024-01-checked-2";
    const { version } = await createEvent(
      t.prisma,
      users.editor,
      draft(id, { sources: [withCopy("shells were shipped by rail"), withCopy("shells were flown")] }),
    );
    const refused = await transitionEvent(t.prisma, users.editor, id, version, "publish").catch((e) => e);
    expect(refused).toBeInstanceOf(InvalidInputError);
    expect(refused.message).toContain("source 2");
    expect(refused.fieldErrors.confirmNotFound).toBeDefined();
    expect((await t.prisma.event.findUniqueOrThrow({ where: { id } })).status).toBe("draft");
    expect(await revisions(id)).toHaveLength(1);

    const published = await transitionEvent(
      t.prisma,
      users.editor,
      id,
      version,
      "publish",
      undefined,
      "The copy is the print edition; the web page says flown.",
    );
    expect((await t.prisma.event.findUniqueOrThrow({ where: { id } })).status).toBe("published");
    expect((await revisions(id)).at(-1)!.note).toMatch(/not found in the captured copy: The copy is the print edition/);

    // A later change that keeps the confirmed quote needs no new confirmation; a new one does.
    const base = draft(id, { sources: [withCopy("shells were shipped by rail"), withCopy("shells were flown")] });
    const v3 = await updateEvent(
      t.prisma,
      users.editor,
      id,
      published.version,
      { ...base, summary: "Shells moved." },
      { kind: "update", note: "Summary" },
    );
    const changed = { ...base, sources: [withCopy("shells were driven"), withCopy("shells were flown")] };
    await expect(
      updateEvent(t.prisma, users.editor, id, v3.version, changed, { kind: "correction", note: "Quote" }),
    ).rejects.toMatchObject({ fieldErrors: { confirmNotFound: expect.anything() } });
    await updateEvent(t.prisma, users.editor, id, v3.version, changed, {
      kind: "correction",
      note: "Quote",
      confirmNotFound: "Checked by phone.",
    });
    expect(await checks(id)).toEqual(["not_found", "not_found"]);
  });

  it("restores a version readers saw without asking again, but not a never-confirmed draft's not-found quote", async () => {
    const id = "2024-01-checked-4";
    const first = await createEvent(t.prisma, users.editor, draft(id, { sources: [withCopy("shells were flown")] }));
    const fixed = await updateEvent(
      t.prisma,
      users.editor,
      id,
      first.version,
      draft(id, { sources: [withCopy("shells were shipped by rail")] }),
    );
    const published = await transitionEvent(t.prisma, users.editor, id, fixed.version, "publish");
    const [draftRevision, , publishRevision] = await revisions(id);
    await expect(
      restoreRevision(t.prisma, users.editor, id, published.version, draftRevision.id),
    ).rejects.toMatchObject({ fieldErrors: { confirmNotFound: expect.anything() } });
    expect(await checks(id)).toEqual(["verified"]);
    await restoreRevision(t.prisma, users.editor, id, published.version, publishRevision.id);
  });

  it("refuses a copy that does not exist, writing nothing", async () => {
    const bad = draft("2024-01-checked-3", { sources: [{ ...withCopy("shells"), captureId: 999_999 }] });
    await expect(createEvent(t.prisma, users.editor, bad)).rejects.toMatchObject({
      fieldErrors: { "sources.0.captureId": expect.anything() },
    });
    expect(await t.prisma.event.count({ where: { id: "2024-01-checked-3" } })).toBe(0);
  });
});
