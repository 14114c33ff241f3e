// The actor pages' reads and the editor's writes on a real PostgreSQL: what readers see (public
// events only), edits with revisions, merges that keep every link and redirect the old slug, the
// role checks, and bad input refused with nothing written.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/roles";
import { setUpTestDatabase } from "../testing/test-database";
import { actorsCsv } from "./csv";
import { handleActorDetail } from "./detail-handler";
import { ActorConflictError, ActorInputError } from "./errors";
import { lookupActors } from "./lookup";
import { mergeActors, updateActor } from "./mutations";
import { currentActorSlugs, getActor, listActors, resolveActorRedirect } from "./queries";

const t = setUpTestDatabase({ seed: true });
let editor: SessionUser, admin: SessionUser, contributor: SessionUser;

type Role = "initiator" | "target" | "supplier" | "recipient" | "speaker" | "addressee" | "participant" | "host";
async function addEvent(
  id: string,
  type: string,
  date: string,
  links: [string, Role][],
  status: "published" | "draft" = "published",
) {
  const actors = await t.prisma.actor.findMany({
    where: { slug: { in: links.map(([s]) => s) } },
    select: { id: true, slug: true },
  });
  const idOf = (slug: string) => actors.find((a) => a.slug === slug)!.id;
  await t.prisma.event.create({
    data: {
      id,
      title: `Actor fixture ${id}`,
      summary: "Fixture",
      type,
      claimStatus: "confirmed",
      startDate: new Date(date),
      precision: "day",
      spanStart: new Date(date),
      spanEnd: new Date(date),
      status,
      actors: { create: links.map(([slug, role]) => ({ actorId: idOf(slug), role })) },
    },
  });
}
const publicVersion = async () => (await t.prisma.publicChange.findUnique({ where: { id: 1 } }))?.version ?? 0n;
const user = async (role: SessionUser["role"]): Promise<SessionUser> => {
  const u = await t.prisma.user.create({
    data: { email: `${role}-actors@example.org`, name: `${role} of actors`, role },
  });
  return { id: u.id, email: u.email, name: u.name, role };
};
const form = (over: Record<string, string> = {}) => ({
  name: "Zeta Arms Works",
  kind: "company",
  countryCode: "by",
  aliases: "ZAW\nZeta Works\nZAW",
  description: "Maker of shells.",
  ...over,
});

beforeAll(async () => {
  [editor, admin, contributor] = [await user("editor"), await user("admin"), await user("contributor")];
  await t.prisma.actor.createMany({
    data: [
      { slug: "zeta-arms", name: "Zeta Arms", kind: "company", countryCode: "BY", aliases: ["Zeta Arsenal"] },
      {
        slug: "zeta-arms-plant",
        name: "Zeta Arms Plant No. 1",
        kind: "company",
        countryCode: "BY",
        aliases: ["ZAP-1"],
      },
      { slug: "omicron-state", name: "Republic of Omicron", kind: "state", countryCode: "OM", aliases: [] },
      { slug: "kappa-minister", name: "Kappa Minister", kind: "person", countryCode: "OM", aliases: [] },
      { slug: "draft-only-actor", name: "Draftonly Actor", kind: "person", aliases: [] },
    ],
  });
  await addEvent("2021-03-01-zeta-shells", "arms-transfer", "2021-03-01", [
    ["zeta-arms", "supplier"],
    ["omicron-state", "recipient"],
  ]);
  await addEvent("2022-05-01-zeta-shells-2", "arms-transfer", "2022-05-01", [
    ["zeta-arms", "supplier"],
    ["omicron-state", "recipient"],
  ]);
  await addEvent("2022-06-01-kappa-warns", "statement-warning", "2022-06-01", [
    ["kappa-minister", "speaker"],
    ["zeta-arms", "addressee"],
  ]);
  // The plant shares one event and role with the company (a duplicate once merged) and has one of its own.
  await addEvent("2023-01-01-plant-shells", "arms-transfer", "2023-01-01", [
    ["zeta-arms-plant", "supplier"],
    ["zeta-arms", "supplier"],
    ["omicron-state", "recipient"],
  ]);
  await addEvent("2023-02-01-plant-only", "arms-transfer", "2023-02-01", [
    ["zeta-arms-plant", "supplier"],
    ["omicron-state", "recipient"],
  ]);
  await addEvent(
    "2023-03-01-draft",
    "arms-transfer",
    "2023-03-01",
    [
      ["zeta-arms", "supplier"],
      ["draft-only-actor", "recipient"],
    ],
    "draft",
  );
});

describe("reading actors", () => {
  it("lists public actors found by alias, kind and country, counting public events only", async () => {
    const byAlias = await listActors({ q: "arsenal", page: 1 }, { client: t.prisma });
    expect(byAlias.rows.map((a) => [a.slug, a.eventCount])).toEqual([["zeta-arms", 4]]); // the draft is not counted
    const companies = await listActors({ kind: "company", country: "BY", page: 1 }, { client: t.prisma });
    expect(companies.rows.map((a) => a.slug)).toEqual(["zeta-arms", "zeta-arms-plant"]);
    const all = await listActors({ page: 1 }, { pageSize: null, client: t.prisma });
    expect(all.rows.map((a) => a.slug)).not.toContain("draft-only-actor");
  });

  it("gives an actor's events by year and role, and its counterparties with how they relate", async () => {
    const a = (await getActor("zeta-arms", t.prisma))!;
    expect(a.byYear).toEqual([
      { year: 2021, role: "supplier", count: 1 },
      { year: 2022, role: "addressee", count: 1 },
      { year: 2022, role: "supplier", count: 1 },
      { year: 2023, role: "supplier", count: 1 },
    ]);
    const omicron = a.counterparties.find((c) => c.slug === "omicron-state")!;
    expect(omicron.relations).toEqual([{ label: "supplied to", count: 3 }]);
    expect(a.counterparties.find((c) => c.slug === "kappa-minister")!.relations).toEqual([
      { label: "was warned by", count: 1 },
    ]);
    expect(a.counterparties.map((c) => c.slug)).not.toContain("draft-only-actor");
    const state = (await getActor("omicron-state", t.prisma))!;
    expect(state.counterparties.find((c) => c.slug === "zeta-arms")!.relations).toEqual([
      { label: "received from", count: 3 },
    ]);
    expect(await getActor("draft-only-actor", t.prisma)).toBeNull();
  });

  it("writes the CSV with lists joined and formulas neutralised", () => {
    const csv = actorsCsv([
      {
        slug: "x",
        name: '=HYPERLINK("http://evil")',
        kind: "person",
        country: null,
        aliases: ["A, B", "C"],
        description: "+1",
        eventCount: 2,
      },
    ]);
    expect(csv).toBe(
      'slug,name,kind,country_code,aliases,description,event_count\r\nx,"\'=HYPERLINK(""http://evil"")",person,,"A, B | C",\'+1,2\r\n',
    );
  });
});

describe("editing an actor", () => {
  it("refuses a contributor, bad input and a stale version, writing nothing", async () => {
    const before = await t.prisma.actor.findUnique({ where: { slug: "zeta-arms" } });
    await expect(updateActor(t.prisma, contributor, "zeta-arms", 1, form())).rejects.toThrow(
      "You do not have permission",
    );
    await expect(updateActor(t.prisma, null, "zeta-arms", 1, form())).rejects.toThrow("Sign in first");
    const bad = await updateActor(
      t.prisma,
      editor,
      "zeta-arms",
      1,
      form({ name: " ", countryCode: "Belarus", kind: "planet" }),
    ).catch((e) => e);
    expect(bad).toBeInstanceOf(ActorInputError);
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["countryCode", "kind", "name"]);
    expect(bad.fieldErrors.countryCode[0]).toMatch(/two-letter country code/);
    await expect(updateActor(t.prisma, editor, "zeta-arms", 7, form())).rejects.toBeInstanceOf(ActorConflictError);
    await expect(updateActor(t.prisma, editor, "no-such-actor", 1, form())).rejects.toThrow(
      "There is no actor “no-such-actor”",
    );
    expect(await t.prisma.actor.findUnique({ where: { slug: "zeta-arms" } })).toEqual(before);
    expect(await t.prisma.actorRevision.count()).toBe(0);
  });

  it("saves an editor's change with a revision of what changed, and tells readers", async () => {
    const version = await publicVersion();
    const saved = await updateActor(t.prisma, editor, "zeta-arms", 1, form());
    expect(saved).toEqual({ slug: "zeta-arms", version: 2, unchanged: false });
    const a = await t.prisma.actor.findUnique({ where: { slug: "zeta-arms" } });
    expect(a).toMatchObject({
      name: "Zeta Arms Works",
      countryCode: "BY",
      aliases: ["ZAW", "Zeta Works"],
      description: "Maker of shells.",
      version: 2,
    });
    const [rev] = await t.prisma.actorRevision.findMany({ where: { actorId: a!.id } });
    expect(rev).toMatchObject({ kind: "edit", userId: editor.id });
    expect(rev.changes).toEqual({
      name: { from: "Zeta Arms", to: "Zeta Arms Works" },
      aliases: { from: ["Zeta Arsenal"], to: ["ZAW", "Zeta Works"] },
      description: { from: null, to: "Maker of shells." },
    });
    expect(await publicVersion()).toBeGreaterThan(version);
    // The same values again: no new version, no empty revision.
    expect(await updateActor(t.prisma, editor, "zeta-arms", 2, form())).toMatchObject({ unchanged: true, version: 2 });
    expect(await t.prisma.actorRevision.count()).toBe(1);
    expect((await lookupActors("zeta works", 5, t.prisma)).map((x) => x.slug)).toEqual(["zeta-arms"]);
  });
});

describe("merging actors", () => {
  it("refuses an editor, a merge into itself and an unknown actor, writing nothing", async () => {
    const links = await t.prisma.eventActor.count();
    await expect(mergeActors(t.prisma, editor, "zeta-arms", "zeta-arms-plant", 2)).rejects.toThrow(
      "You do not have permission",
    );
    await expect(mergeActors(t.prisma, admin, "zeta-arms", "zeta-arms", 2)).rejects.toThrow(
      "cannot be merged into itself",
    );
    await expect(mergeActors(t.prisma, admin, "zeta-arms", "no-such-plant", 2)).rejects.toThrow(
      "There is no actor “no-such-plant” to merge",
    );
    await expect(mergeActors(t.prisma, admin, "zeta-arms", "Bad Slug!", 2)).rejects.toThrow("There is no actor");
    await expect(mergeActors(t.prisma, admin, "zeta-arms", "zeta-arms-plant", 1)).rejects.toBeInstanceOf(
      ActorConflictError,
    );
    expect(await t.prisma.eventActor.count()).toBe(links);
    expect(await t.prisma.actor.count({ where: { slug: "zeta-arms-plant" } })).toBe(1);
    expect(await t.prisma.actorRedirect.count()).toBe(0);
  });

  it("moves every link to the kept actor, collapses duplicates, keeps revisions and redirects the old slug", async () => {
    // The plant has a revision of its own, which must follow it.
    await updateActor(t.prisma, editor, "zeta-arms-plant", 1, {
      name: "Zeta Arms Plant No. 1",
      kind: "company",
      countryCode: "BY",
      aliases: "ZAP-1\nPlant One",
      description: "",
    });
    const kept = await t.prisma.actor.findUniqueOrThrow({ where: { slug: "zeta-arms" } });
    const result = await mergeActors(t.prisma, admin, "zeta-arms", "zeta-arms-plant", 2);
    expect(result).toEqual({ slug: "zeta-arms", version: 3, moved: 1, collapsed: 1 });

    expect(await t.prisma.actor.findUnique({ where: { slug: "zeta-arms-plant" } })).toBeNull();
    const links = await t.prisma.eventActor.findMany({
      where: { actorId: kept.id },
      orderBy: { eventId: "asc" },
      select: { eventId: true, role: true },
    });
    expect(links.filter((l) => l.eventId.startsWith("2023-0"))).toEqual([
      { eventId: "2023-01-01-plant-shells", role: "supplier" },
      { eventId: "2023-02-01-plant-only", role: "supplier" },
      { eventId: "2023-03-01-draft", role: "supplier" },
    ]);
    const after = await t.prisma.actor.findUniqueOrThrow({ where: { id: kept.id } });
    expect(after.aliases).toEqual(["ZAW", "Zeta Works", "Zeta Arms Plant No. 1", "ZAP-1", "Plant One"]);

    const revisions = await t.prisma.actorRevision.findMany({ where: { actorId: kept.id }, orderBy: { id: "asc" } });
    expect(revisions.map((r) => r.kind)).toEqual(["edit", "edit", "merge"]);
    expect(revisions[2]).toMatchObject({
      userId: admin.id,
      changes: {
        merged: { slug: "zeta-arms-plant", name: "Zeta Arms Plant No. 1" },
        links: { moved: 1, collapsed: 1 },
      },
    });

    expect(await resolveActorRedirect("zeta-arms-plant", t.prisma)).toBe("zeta-arms");
    expect(await currentActorSlugs(["omicron-state", "zeta-arms-plant"], t.prisma)).toEqual([
      "omicron-state",
      "zeta-arms",
    ]);
    expect(await currentActorSlugs(["omicron-state"], t.prisma)).toBeNull();
    expect((await getActor("zeta-arms", t.prisma))!.eventCount).toBe(5);
  });

  it("answers the API with the actor, a 308 for the merged slug and a 404 for an unknown one", async () => {
    const ok = await handleActorDetail(new Request("http://localhost/api/v1/actors/zeta-arms"), "zeta-arms");
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body.data).toMatchObject({ slug: "zeta-arms", name: "Zeta Arms Works", eventCount: 5 });
    expect(body.data.counterparties[0]).toMatchObject({
      slug: "omicron-state",
      relations: [{ label: "supplied to", count: 4 }],
    });
    const moved = await handleActorDetail(
      new Request("http://localhost/api/v1/actors/zeta-arms-plant"),
      "zeta-arms-plant",
    );
    expect(moved.status).toBe(308);
    expect(moved.headers.get("location")).toBe("/api/v1/actors/zeta-arms");
    const missing = await handleActorDetail(new Request("http://localhost/api/v1/actors/nobody"), "nobody");
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toMatch(/No public actor/);
  });
});
