// createReleaseAction, as a browser reaches it (a public endpoint): refused in the guard's words
// to a caller not signed in and to an editor, with no row written; made for an admin.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { NOT_ALLOWED, SIGN_IN_FIRST } from "../auth/guard";
import type { SessionUser } from "../auth/roles";
import { formData, session } from "../testing/fuzz/actions";
import { setUpTestDatabase } from "../testing/test-database";
import { createReleaseAction } from "./actions";

vi.mock("../authz", async () => {
  const { session } = await import("../testing/fuzz/actions");
  return { currentUser: async () => session.user, requireUser: async () => session.user };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const t = setUpTestDatabase({ seed: true });
const users: Record<string, SessionUser> = {};
const count = () => t.prisma.release.count();

beforeAll(async () => {
  for (const role of ["editor", "admin"] as const) {
    const u = await t.prisma.user.create({
      data: { email: `${role}@releases.example`, name: `Release ${role}`, role },
    });
    users[role] = { id: u.id, email: u.email, name: u.name, role };
  }
}, 60_000);

describe("createReleaseAction", () => {
  it("refuses a caller who is not signed in, and an editor, writing nothing", async () => {
    session.user = null;
    expect(await createReleaseAction({}, formData({ title: "Nope" }))).toMatchObject({
      message: SIGN_IN_FIRST,
      values: { title: "Nope" },
    });
    session.user = users.editor;
    expect(await createReleaseAction({}, formData({ title: "Nope" }))).toMatchObject({ message: NOT_ALLOWED });
    expect(await count()).toBe(0);
  });

  it("keeps what was typed and names the field when the title is missing", async () => {
    session.user = users.admin;
    const out = await createReleaseAction({}, formData({ title: " ", description: "kept" }));
    expect(out.fieldErrors?.title).toEqual(["Give the release a title"]);
    expect(out.values).toEqual({ title: " ", description: "kept" });
    expect(await count()).toBe(0);
  });

  it("makes a release for an admin, recorded as theirs", async () => {
    session.user = users.admin;
    const out = await createReleaseAction({}, formData({ title: "From the form", description: "" }));
    expect(out).toMatchObject({ ok: true, version: expect.stringMatching(/^\d{4}\.\d{1,2}\.1$/) });
    expect(
      await t.prisma.release.findFirstOrThrow({
        select: { title: true, createdById: true, createdByName: true, description: true },
      }),
    ).toEqual({
      title: "From the form",
      createdById: users.admin.id,
      createdByName: "Release admin",
      description: null,
    });
  });
});
