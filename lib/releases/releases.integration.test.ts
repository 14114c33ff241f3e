// Releases against a real PostgreSQL: numbering, immutability (in the database, on download and
// in the zip), the changelog across a publish, a correction, an update, a retraction and a
// deletion between two releases, the admin-only rule, the package validated by the Frictionless
// Data JavaScript implementation (datapackage-js), foreign keys included, and saves made while a
// release is being made (they do not wait for it, and are in the next release).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Package } from "datapackage";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../prisma/seed";
import { ForbiddenError, type SessionUser } from "../auth/roles";
import { createEvent, deleteEvent, transitionEvent, updateEvent } from "../events/mutations";
import type { EventInput } from "../events/schemas";
import { actorsCsvResponse } from "../actors/csv-response";
import { csvBody } from "../export/csv-response";
import { SUPPLIER_AND_RECIPIENT, testEventInput, testSource } from "../testing/event-input";
import { setUpTestDatabase } from "../testing/test-database";
import { createRelease, makeRelease, sha256 } from "./create";
import { datasetMetadata } from "./metadata";
import { getRelease, listReleases, releaseFileStream, releaseText, releasesOfEvent } from "./queries";
import { releaseZip } from "./zip";

const t = setUpTestDatabase();
let admin: SessionUser;
let editor: SessionUser;
const ORIGIN = "https://tracker.example.org";
const meta = datasetMetadata({ PUBLIC_URL: ORIGIN });

const event = (id: string, summary: string, status: EventInput["status"] = "published"): EventInput =>
  testEventInput(id, {
    title: `Release test ${id}`,
    summary,
    startDate: "2024-03-01",
    status,
    actors: SUPPLIER_AND_RECIPIENT,
    sources: [testSource({ url: "https://example.org/r", title: "Report", publisher: "Agency" })],
  });

const download = async (version: string, name: string) => {
  const f = await releaseFileStream(version, name, t.prisma);
  return new Uint8Array(await new Response(f!.body).arrayBuffer());
};
const tableChecksum = async () =>
  (
    await t.prisma.$queryRawUnsafe<{ n: string }[]>(
      "SELECT md5(string_agg(r::text, ',' ORDER BY r::text)) AS n FROM (SELECT * FROM release) r",
    )
  )[0]?.n ?? "";

beforeAll(async () => {
  process.env.PUBLIC_URL = ORIGIN;
  await seedDatabase(t.prisma);
  const a = await t.prisma.user.create({
    data: { email: "release-admin@example.org", name: "Ada Admin", role: "admin" },
  });
  admin = { id: a.id, email: a.email, name: a.name, role: "admin" };
  const e = await t.prisma.user.create({ data: { email: "release-editor@example.org", name: "Ed", role: "editor" } });
  editor = { id: e.id, email: e.email, name: e.name, role: "editor" };
}, 60_000);

describe("making a release", () => {
  it("is refused to editors and to no one, and then writes nothing", async () => {
    const before = await tableChecksum();
    await expect(createRelease(t.prisma, editor, { title: "Not mine" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createRelease(t.prisma, null, { title: "Nobody" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createRelease(t.prisma, admin, { title: "  " })).rejects.toThrow("Some fields need attention.");
    expect(await tableChecksum()).toBe(before);
    expect(await listReleases(t.prisma)).toEqual([]);
  });

  it("numbers releases year.month.n and holds the exact bytes of the public exports", async () => {
    const first = await createRelease(t.prisma, admin, { title: "First", description: "The seed." });
    const now = new Date();
    expect(first.version).toBe(`${now.getUTCFullYear()}.${now.getUTCMonth() + 1}.1`);
    const events = await download(first.version, "events.csv");
    const publicEvents = new Uint8Array(
      await new Response(
        await csvBody("events", new URLSearchParams("retracted=include"), { client: t.prisma, origin: ORIGIN }),
      ).arrayBuffer(),
    );
    expect(sha256(events)).toBe(sha256(publicEvents));
    const actorsCsvText = await (await actorsCsvResponse(new Request(`${ORIGIN}/actors.csv`))).text();
    expect(Buffer.from(await download(first.version, "actors.csv")).toString("utf8")).toBe(actorsCsvText);
    const publicSources = new Uint8Array(
      await new Response(
        await csvBody("sources", new URLSearchParams("retracted=include"), { client: t.prisma, origin: ORIGIN }),
      ).arrayBuffer(),
    );
    expect(sha256(await download(first.version, "sources.csv"))).toBe(sha256(publicSources));
    const summary = (await getRelease(first.version, t.prisma))!;
    expect(summary.files.map((f) => f.name)).toEqual([
      "events.csv",
      "sources.csv",
      "actors.csv",
      "datapackage.json",
      "CHANGELOG.md",
      "CITATION.cff",
      "SHA256SUMS",
      `${meta.name}-${first.version}.zip`,
    ]);
    expect(summary.eventCount).toBe(
      await t.prisma.event.count({ where: { status: { in: ["published", "retracted"] }, deleted: false } }),
    );
    expect(await releaseText(first.version, "CHANGELOG.md", t.prisma)).toContain("The first release");
    const cff = (await releaseText(first.version, "CITATION.cff", t.prisma))!;
    expect(cff).toContain(`version: "${first.version}"`);
    expect(cff).toContain('license: "CC-BY-4.0"');
    const sums = (await releaseText(first.version, "SHA256SUMS", t.prisma))!;
    for (const f of summary.files.slice(0, 6)) expect(sums).toContain(`${f.sha256}  ${f.name}\n`);

    const second = await createRelease(t.prisma, admin, { title: "Second" });
    expect(second.version).toBe(`${now.getUTCFullYear()}.${now.getUTCMonth() + 1}.2`);
    expect((await listReleases(t.prisma)).map((r) => r.version)).toEqual([second.version, first.version]);
  });

  it("never changes a release: the database refuses, and every download and every zip is byte-identical", async () => {
    const [latest] = await listReleases(t.prisma);
    await expect(
      t.prisma.$executeRawUnsafe("UPDATE release_file SET bytes = 'x'::bytea WHERE name = 'events.csv'"),
    ).rejects.toThrow(/Releases never change/);
    await expect(t.prisma.$executeRawUnsafe("DELETE FROM release_event")).rejects.toThrow(/Releases never change/);
    await expect(t.prisma.$executeRawUnsafe("UPDATE release SET title = 'other'")).rejects.toThrow(
      /Releases never change/,
    );
    for (const f of latest.files) {
      const a = await download(latest.version, f.name);
      const b = await download(latest.version, f.name);
      expect(sha256(a), f.name).toBe(f.sha256);
      expect(sha256(b), f.name).toBe(f.sha256);
      expect(a.length).toBe(f.size);
    }
    // The zip made again from the same files, later and in another time zone, is the same bytes.
    const zip = latest.files.at(-1)!;
    const entries = await Promise.all(
      latest.files.slice(0, -1).map(async (f) => ({ name: f.name, bytes: await download(latest.version, f.name) })),
    );
    const tz = process.env.TZ;
    try {
      process.env.TZ = "Pacific/Chatham";
      expect(sha256(releaseZip(`${meta.name}-${latest.version}`, latest.createdAt, entries))).toBe(zip.sha256);
    } finally {
      process.env.TZ = tz;
    }
    expect(sha256(releaseZip(`${meta.name}-${latest.version}`, latest.createdAt, entries))).toBe(zip.sha256);
  });
});

describe("the changelog against the previous release", () => {
  it("lists what was added, corrected, updated, retracted and deleted, by id, with the public notes", async () => {
    const ids = {
      corrected: "2024-03-release-corrected",
      updated: "2024-03-release-updated",
      retracted: "2024-03-release-retracted",
      deleted: "2024-03-release-deleted",
      added: "2024-03-release-added",
      draft: "2024-03-release-draft",
    };
    const v: Record<string, number> = {};
    for (const key of ["corrected", "updated", "retracted", "deleted"] as const)
      v[key] = (await createEvent(t.prisma, editor, event(ids[key], "Before."))).version;
    const before = await createRelease(t.prisma, admin, { title: "Before the changes" });

    await updateEvent(t.prisma, editor, ids.corrected, v.corrected, event(ids.corrected, "Corrected."), {
      kind: "correction",
      note: "The port was Rajin, not Nampo.",
    });
    await updateEvent(t.prisma, editor, ids.updated, v.updated, event(ids.updated, "More."), {
      kind: "update",
      note: "A second source named the ship.",
    });
    await transitionEvent(
      t.prisma,
      editor,
      ids.retracted,
      v.retracted,
      "retract",
      "The only source withdrew its report.",
    );
    await deleteEvent(t.prisma, admin, ids.deleted, v.deleted, "A duplicate.");
    await createEvent(t.prisma, editor, event(ids.added, "New."));
    await createEvent(t.prisma, editor, event(ids.draft, "Not public.", "draft"));
    const after = await createRelease(t.prisma, admin, { title: "After the changes" });

    const ch = after.changes!;
    expect(ch.added.map((e) => e.id)).toEqual([ids.added]);
    expect(ch.corrected).toEqual([
      {
        id: ids.corrected,
        title: `Release test ${ids.corrected}`,
        notes: ["Correction: The port was Rajin, not Nampo."],
      },
    ]);
    expect(ch.updated).toEqual([
      { id: ids.updated, title: `Release test ${ids.updated}`, notes: ["Update: A second source named the ship."] },
    ]);
    expect(ch.retracted).toEqual([
      {
        id: ids.retracted,
        title: `Release test ${ids.retracted}`,
        notes: ["Retract: The only source withdrew its report."],
      },
    ]);
    expect(ch.deleted.map((e) => e.id)).toEqual([ids.deleted]);
    expect(after.eventCount).toBe(before.eventCount); // +1 added, -1 deleted; the retracted one stays

    const md = (await releaseText(after.version, "CHANGELOG.md", t.prisma))!;
    expect(md).toContain(`Compared with release ${before.version}`);
    expect(md).toContain("## Added (1)");
    expect(md).toContain(`- \`${ids.added}\``);
    expect(md).toContain("  - Correction: The port was Rajin, not Nampo.");
    expect(md).toContain("## Deleted (1)");
    expect(md).not.toContain(ids.draft);

    // The event page's facts: in which releases, and since when.
    const inRel = await releasesOfEvent(ids.retracted, t.prisma);
    expect(inRel.releases.map((r) => [r.version, r.status])).toEqual([
      [after.version, "retracted"],
      [before.version, "published"],
    ]);
    expect(inRel.since?.version).toBe(before.version);
    expect((await releasesOfEvent(ids.added, t.prisma)).since?.version).toBe(after.version);
    expect((await releasesOfEvent(ids.draft, t.prisma)).releases).toEqual([]);
  });
});

describe("the package", () => {
  it("is a valid Frictionless Tabular Data Package whose rows match their Table Schemas, foreign keys included", async () => {
    const [latest] = await listReleases(t.prisma);
    const dir = await mkdtemp(path.join(tmpdir(), "release-"));
    try {
      for (const f of latest.files) await writeFile(path.join(dir, f.name), await download(latest.version, f.name));
      const pkg = await Package.load(path.join(dir, "datapackage.json"), { basePath: dir, strict: false });
      expect(pkg.errors.map(String)).toEqual([]);
      expect(pkg.valid).toBe(true);
      expect(pkg.descriptor).toMatchObject({
        name: meta.name,
        version: latest.version,
        licenses: [{ name: "CC-BY-4.0" }],
      });
      const counts: Record<string, number> = {};
      for (const resource of pkg.resources) {
        const rows = await resource.read({ relations: true, keyed: true });
        counts[resource.name] = rows.length;
        for (const field of resource.schema.fields)
          expect(field.descriptor.description, `${resource.name}.${field.name}`).toBeTruthy();
      }
      expect(counts).toEqual({ events: latest.eventCount, sources: latest.sourceCount, actors: latest.actorCount });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("fails the validator when a source names an event the file does not hold", async () => {
    const [latest] = await listReleases(t.prisma);
    const dir = await mkdtemp(path.join(tmpdir(), "release-"));
    try {
      for (const f of latest.files) await writeFile(path.join(dir, f.name), await download(latest.version, f.name));
      const sources = Buffer.from(await download(latest.version, "sources.csv"))
        .toString("utf8")
        .split("\r\n");
      sources[1] = sources[1].replace(/^[^,]+,/, "no-such-event,");
      await writeFile(path.join(dir, "sources.csv"), sources.join("\r\n"));
      const pkg = await Package.load(path.join(dir, "datapackage.json"), { basePath: dir });
      await expect(pkg.getResource("sources")!.read({ relations: true })).rejects.toThrow(/Foreign key/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("a save while a release is being made", () => {
  const publicCsv = async (kind: "events" | "sources") =>
    Buffer.from(
      await new Response(
        await csvBody(kind, new URLSearchParams("retracted=include"), { client: t.prisma, origin: ORIGIN }),
      ).arrayBuffer(),
    ).toString("utf8");
  const publicActors = async () => (await actorsCsvResponse(new Request(`${ORIGIN}/actors.csv`))).text();
  const publicVersion = async () =>
    (await t.prisma.$queryRaw<{ v: bigint }[]>`SELECT version AS v FROM public_change WHERE id = 1`)[0].v;
  const text = async (version: string, name: string) => Buffer.from(await download(version, name)).toString("utf8");

  it("does not wait for it, and is in the next release, not in this one", async () => {
    const ids = { updated: "2024-03-release-during-updated", added: "2024-03-release-during-added" };
    const { version: base } = await createEvent(t.prisma, editor, event(ids.updated, "Before the release."));
    const before = {
      events: await publicCsv("events"),
      sources: await publicCsv("sources"),
      actors: await publicActors(),
    };
    let bumpAfterSaves = 0n;
    // Held after events.csv is read, before sources.csv and actors.csv: the save and the new event
    // must commit now. With the SHARE lock of before, the save waited for the release, which
    // waited here for the save: the timer ends that.
    const during = await makeRelease(t.prisma, { title: "During the saves" }, admin, meta, {
      afterEvents: async () => {
        const saves = (async () => {
          await updateEvent(
            t.prisma,
            editor,
            ids.updated,
            base,
            {
              ...event(ids.updated, "Saved during the release."),
              sources: [testSource({ url: "https://example.org/during", title: "Saved during", publisher: "Agency" })],
            },
            { kind: "update", note: "Saved while a release was being made." },
          );
          await createEvent(t.prisma, editor, event(ids.added, "Published during the release."));
        })();
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error("The saves waited for the release.")), 10_000);
        });
        try {
          await Promise.race([saves, late]);
        } finally {
          clearTimeout(timer);
        }
        bumpAfterSaves = await publicVersion();
      },
    });
    // The saves are public now…
    expect(await publicCsv("events")).toContain("Saved during the release.");
    expect(await publicCsv("sources")).toContain("Saved during");
    expect(await publicActors()).not.toBe(before.actors); // one more public event for each actor
    // …but the release holds the record as it was when it began, in every file, even those read
    // after the saves had committed, and in its membership, counts and changelog.
    expect(await text(during.version, "events.csv")).toBe(before.events);
    expect(await text(during.version, "sources.csv")).toBe(before.sources);
    expect(await text(during.version, "actors.csv")).toBe(before.actors);
    const members = await t.prisma.$queryRaw<{ event_id: string; version: number }[]>`
      SELECT event_id, version FROM release_event WHERE release_id = ${during.id} ORDER BY event_id`;
    expect(members.find((m) => m.event_id === ids.updated)?.version).toBe(base);
    expect(members.map((m) => m.event_id)).not.toContain(ids.added);
    expect(during.eventCount).toBe(members.length);
    expect(during.eventCount).toBe(before.events.trimEnd().split("\r\n").length - 1);
    expect(during.changes!.added.map((e) => e.id)).toEqual([ids.updated]);
    // The page cache is retired after the release, not refused by the saves' bumps.
    expect(await publicVersion()).toBe(bumpAfterSaves + 1n);

    const next = await makeRelease(t.prisma, { title: "After the saves" }, admin, meta);
    expect(await text(next.version, "events.csv")).toBe(await publicCsv("events"));
    expect(await text(next.version, "sources.csv")).toBe(await publicCsv("sources"));
    expect(await text(next.version, "actors.csv")).toBe(await publicActors());
    expect(next.changes!.added.map((e) => e.id)).toEqual([ids.added]);
    expect(next.changes!.updated.map((e) => e.id)).toEqual([ids.updated]);
    expect(next.eventCount).toBe(during.eventCount + 1);
  }, 60_000);
});
