import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/roles";
import { setUpTestDatabase } from "../testing/test-database";
import { hashPassword } from "../auth/password";
import {
  changeOwnPassword,
  changeRole,
  createUser,
  endOwnSessions,
  resetPassword,
  setDisabled,
  signOutEverywhere,
} from "./mutations";

const t = setUpTestDatabase();
const as: Record<string, SessionUser | null> = { anonymous: null };
beforeAll(async () => {
  for (const role of ["contributor", "editor", "admin"] as const) {
    const u = await t.prisma.user.create({ data: { email: `${role}@example.org`, name: role, role } });
    as[role] = { id: u.id, email: u.email, name: u.name, role };
  }
});

const sessionVersion = async (email: string) =>
  (await t.prisma.user.findUniqueOrThrow({ where: { email } })).sessionVersion;

describe("user management", () => {
  it("is for admins only", async () => {
    let n = 0;
    for (const [who, user] of Object.entries(as)) {
      const ok = await createUser(t.prisma, user, {
        email: `new-${n++}@example.org`,
        name: "New",
        role: "contributor",
        password: "a sufficiently long one",
      }).then(
        () => true,
        () => false,
      );
      expect(ok, who).toBe(who === "admin");
    }
  });

  it("refuses duplicates, bad emails and weak passwords with field messages", async () => {
    await expect(
      createUser(t.prisma, as.admin, { email: "EDITOR@example.org", name: "Dup", role: "editor" }),
    ).rejects.toMatchObject({ fieldErrors: { email: expect.anything() } });
    await expect(
      createUser(t.prisma, as.admin, { email: "not-an-email", name: "X", role: "editor" }),
    ).rejects.toMatchObject({ fieldErrors: { email: expect.anything() } });
    await expect(
      createUser(t.prisma, as.admin, {
        email: "weak@example.org",
        name: "X",
        role: "editor",
        password: "password1234",
      }),
    ).rejects.toMatchObject({ fieldErrors: { password: expect.anything() } });
  });

  it("ends sessions when an account is disabled, its password reset, or signed out everywhere", async () => {
    const target = as.contributor!;
    let v = await sessionVersion(target.email);
    await setDisabled(t.prisma, as.admin, target.id, true);
    expect(await sessionVersion(target.email)).toBe(++v);
    await setDisabled(t.prisma, as.admin, target.id, false);
    await resetPassword(t.prisma, as.admin, target.id, "a brand new long password");
    expect(await sessionVersion(target.email)).toBe((v += 2));
    await signOutEverywhere(t.prisma, as.admin, target.id);
    expect(await sessionVersion(target.email)).toBe(++v);
    await changeOwnPassword(t.prisma, target, "a brand new long password", "another brand new password");
    expect(await sessionVersion(target.email)).toBe(++v);
    await expect(
      changeOwnPassword(t.prisma, target, "wrong current password", "yet another new password"),
    ).rejects.toThrow(/not right/);
  });

  it("asks an admin resetting their own password for the current one, as the account page does", async () => {
    const u = await t.prisma.user.create({
      data: {
        email: "self-reset@example.org",
        name: "Self",
        role: "admin",
        passwordHash: await hashPassword("the admin's own password"),
      },
    });
    const me = { id: u.id, email: u.email, name: u.name, role: "admin" as const };
    const v = await sessionVersion(me.email);
    await expect(resetPassword(t.prisma, me, me.id, "a password taken over")).rejects.toMatchObject({
      message: "The current password is not right.",
      fieldErrors: { current: ["Not right"] },
    });
    await expect(resetPassword(t.prisma, me, me.id, "a password taken over", "a wrong guess at it")).rejects.toThrow(
      /current password is not right/,
    );
    expect(await sessionVersion(me.email)).toBe(v); // nothing changed
    await resetPassword(t.prisma, me, me.id, "a password changed knowingly", "the admin's own password");
    expect(await sessionVersion(me.email)).toBe(v + 1);
    // Another account's password needs no current one: the admin does not know it.
    await resetPassword(t.prisma, me, as.editor!.id, "an editor's fresh password");
  });

  it("ends every session of the user who signs out (everywhere), and only theirs", async () => {
    const mine = await sessionVersion(as.editor!.email);
    const theirs = await sessionVersion(as.contributor!.email);
    await endOwnSessions(t.prisma, as.editor);
    expect(await sessionVersion(as.editor!.email)).toBe(mine + 1);
    expect(await sessionVersion(as.contributor!.email)).toBe(theirs);
    await expect(endOwnSessions(t.prisma, null)).rejects.toThrow("Sign in first.");
  });

  it("keeps an admin from locking themselves out", async () => {
    await expect(changeRole(t.prisma, as.admin, as.admin!.id, "editor")).rejects.toThrow(/your own account/);
    await expect(setDisabled(t.prisma, as.admin, as.admin!.id, true)).rejects.toThrow(/your own account/);
    await expect(changeRole(t.prisma, as.editor, as.contributor!.id, "admin")).rejects.toThrow(/permission/);
  });
});

describe("npm run user:create", () => {
  it("creates an account with an argon2id hash from the command line", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const run = (email: string) =>
      spawnSync(
        path.join(root, "node_modules/.bin/tsx"),
        [
          "--conditions=react-server",
          "scripts/user-create.ts",
          "--email",
          email,
          "--role",
          "admin",
          "--name",
          "First Admin",
        ],
        {
          cwd: root,
          env: { ...process.env, DATABASE_URL: t.url, USER_PASSWORD: "first admin password 2026" },
          encoding: "utf8",
          input: "",
        },
      );
    const ok = run("First@Example.org");
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain("Created first@example.org (admin).");
    const dup = run("first@example.org");
    expect(dup.status).toBe(1);
    expect(dup.stderr.match(/An account with that email exists/g), dup.stderr).toHaveLength(1); // said once, not twice
    expect(dup.stderr).not.toMatch(/\bat \S+:\d+/); // one sentence, no stack trace
  });

  it("stores the hash, not the password", async () => {
    const u = await t.prisma.user.findUniqueOrThrow({ where: { email: "first@example.org" } });
    expect(u.passwordHash?.startsWith("$argon2id$")).toBe(true);
    expect(u.role).toBe("admin");
  });
});
