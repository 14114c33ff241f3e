// The page cache is only as fresh as this counter: every change a reader could see must move it,
// and the desk's own work on drafts must not (or an editor saving drafts would empty the cache).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/roles";
import { ConflictError } from "../events/errors";
import { createEvent, deleteEvent, transitionEvent, updateEvent } from "../events/mutations";
import type { EventInput } from "../events/schemas";
import { testEventInput } from "../testing/event-input";
import { setUpTestDatabase } from "../testing/test-database";
import { readPublicVersion } from "./public-version";

const t = setUpTestDatabase({ seed: true });
let editor: SessionUser;
let admin: SessionUser;
const previousUrl = process.env.DATABASE_URL;

const event = (id: string, extra: Partial<EventInput> = {}): EventInput =>
  testEventInput(id, { title: "A shipment", ...extra });

async function versionAfter(write: () => Promise<unknown>): Promise<number> {
  const before = Number(await readPublicVersion());
  await write();
  return Number(await readPublicVersion()) - before;
}

beforeAll(async () => {
  for (const role of ["editor", "admin"] as const) {
    const u = await t.prisma.user.create({ data: { email: `${role}@example.org`, name: role, role } });
    if (role === "editor") editor = { id: u.id, email: u.email, name: u.name, role };
    else admin = { id: u.id, email: u.email, name: u.name, role };
  }
});
afterAll(async () => {
  process.env.DATABASE_URL = previousUrl;
});

describe("the public version", () => {
  it("reads as a number from a migrated database", async () => {
    expect(await readPublicVersion()).toMatch(/^\d+$/);
  });

  it("stays put while the desk works on drafts and events in review", async () => {
    expect(await versionAfter(() => createEvent(t.prisma, editor, event("pv-draft")))).toBe(0);
    expect(
      await versionAfter(() =>
        updateEvent(t.prisma, editor, "pv-draft", 1, { ...event("pv-draft"), summary: "Reworded." }),
      ),
    ).toBe(0);
    expect(await versionAfter(() => transitionEvent(t.prisma, editor, "pv-draft", 2, "submit"))).toBe(0);
    expect(await versionAfter(() => deleteEvent(t.prisma, admin, "pv-draft", 3))).toBe(0);
  });

  it("moves with every change readers see: publishing, correcting, retracting, deleting", async () => {
    expect(await versionAfter(() => createEvent(t.prisma, editor, event("pv-public")))).toBe(0);
    expect(await versionAfter(() => transitionEvent(t.prisma, editor, "pv-public", 1, "publish"))).toBe(1);
    const corrected = { ...event("pv-public"), summary: "Corrected." };
    expect(
      await versionAfter(() =>
        updateEvent(t.prisma, editor, "pv-public", 2, corrected, { kind: "correction", note: "Fixed the summary." }),
      ),
    ).toBe(1);
    expect(
      await versionAfter(() =>
        transitionEvent(t.prisma, editor, "pv-public", 3, "retract", "The report was withdrawn."),
      ),
    ).toBe(1);
    expect(await versionAfter(() => deleteEvent(t.prisma, admin, "pv-public", 4))).toBe(1);
    expect(
      await versionAfter(() => createEvent(t.prisma, editor, event("pv-born-public", { status: "published" }))),
    ).toBe(1);
  });

  it("does not move when the write is refused and rolled back", async () => {
    const editFromVersion1 = (summary: string) =>
      updateEvent(
        t.prisma,
        editor,
        "pv-born-public",
        1,
        { ...event("pv-born-public"), summary },
        { kind: "update", note: "Reworded." },
      );
    await expect(editFromVersion1("Reworded once.")).resolves.toMatchObject({ version: 2 });
    // Another edit from version 1 is now stale: refused, nothing committed.
    expect(
      await versionAfter(() => expect(editFromVersion1("Reworded twice.")).rejects.toBeInstanceOf(ConflictError)),
    ).toBe(0);
  });
});
