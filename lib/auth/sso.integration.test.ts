import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "../testing/test-database";
import { matchSsoAccount, ssoSignIn } from "./sso";

const ISSUER = "https://id.example.org";

describe("single sign-on account matching", () => {
  const t = setUpTestDatabase();
  const users = () => t.prisma.user.count();
  const account = (email: string) =>
    t.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, ssoIssuer: true, ssoSubject: true } });

  beforeAll(async () => {
    for (const [email, disabled] of [
      ["ed@example.org", false],
      ["off@example.org", true],
      ["raced@example.org", false],
      ["moved@example.org", false],
    ] as const) {
      await t.prisma.user.create({ data: { email, name: email, role: "editor", disabled } });
    }
  });

  it("refuses an email the provider has not verified, even an account's, and links nothing", async () => {
    for (const emailVerified of [false, undefined, "true", 1]) {
      expect(
        await matchSsoAccount({ issuer: ISSUER, subject: "sub-unverified", email: "ed@example.org", emailVerified }),
      ).toEqual({ ok: false, reason: "unverified" });
    }
    expect(await account("ed@example.org")).toMatchObject({ ssoIssuer: null, ssoSubject: null });
  });

  it("refuses a verified email that has no account, and creates none", async () => {
    const before = await users();
    expect(
      await matchSsoAccount({
        issuer: ISSUER,
        subject: "sub-stranger",
        email: "stranger@example.org",
        emailVerified: true,
      }),
    ).toEqual({ ok: false, reason: "unknown" });
    expect(await matchSsoAccount({ issuer: ISSUER, subject: "sub-no-email", emailVerified: true })).toEqual({
      ok: false,
      reason: "unknown",
    });
    expect(await users()).toBe(before);
  });

  it("refuses a disabled account and does not link it", async () => {
    const off = await account("off@example.org");
    expect(
      await matchSsoAccount({ issuer: ISSUER, subject: "sub-off", email: "off@example.org", emailVerified: true }),
    ).toEqual({ ok: false, reason: "disabled", userId: off.id });
    expect(await account("off@example.org")).toMatchObject({ ssoSubject: null });
  });

  it("signs a verified email in to its account, whatever its case, and remembers the subject", async () => {
    const ed = await account("ed@example.org");
    expect(
      await matchSsoAccount({ issuer: ISSUER, subject: "sub-ed", email: " Ed@Example.org", emailVerified: true }),
    ).toEqual({ ok: true, userId: ed.id, linkedNow: true });
    expect(await account("ed@example.org")).toEqual({ id: ed.id, ssoIssuer: ISSUER, ssoSubject: "sub-ed" });
  });

  it("from then on the subject decides: it signs in whatever email the provider now sends", async () => {
    const ed = await account("ed@example.org");
    expect(
      await matchSsoAccount({
        issuer: ISSUER,
        subject: "sub-ed",
        email: "ed.renamed@example.org",
        emailVerified: false,
      }),
    ).toEqual({ ok: true, userId: ed.id, linkedNow: false });
  });

  it("refuses another subject claiming a linked account's verified email", async () => {
    const ed = await account("ed@example.org");
    expect(
      await matchSsoAccount({ issuer: ISSUER, subject: "sub-impostor", email: "ed@example.org", emailVerified: true }),
    ).toEqual({ ok: false, reason: "subject-mismatch", userId: ed.id });
    // The same subject at another issuer is another provider account.
    expect(
      await matchSsoAccount({
        issuer: "https://other.example.org",
        subject: "sub-ed",
        email: "ed@example.org",
        emailVerified: true,
      }),
    ).toEqual({ ok: false, reason: "subject-mismatch", userId: ed.id });
    expect(await account("ed@example.org")).toMatchObject({ ssoSubject: "sub-ed" });
  });

  it("refuses a linked account once it is disabled", async () => {
    const moved = await account("moved@example.org");
    expect(
      await matchSsoAccount({ issuer: ISSUER, subject: "sub-moved", email: "moved@example.org", emailVerified: true }),
    ).toMatchObject({ ok: true });
    await t.prisma.user.update({ where: { id: moved.id }, data: { disabled: true } });
    expect(
      await matchSsoAccount({ issuer: ISSUER, subject: "sub-moved", email: "moved@example.org", emailVerified: true }),
    ).toEqual({ ok: false, reason: "disabled", userId: moved.id });
  });

  it("of two first sign-ins at once with different subjects, exactly one links the account", async () => {
    const results = await Promise.all(
      ["sub-first", "sub-second", "sub-third"].map((subject) =>
        matchSsoAccount({ issuer: ISSUER, subject, email: "raced@example.org", emailVerified: true }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual([
      "subject-mismatch",
      "subject-mismatch",
    ]);
    const winner = ["sub-first", "sub-second", "sub-third"][results.findIndex((r) => r.ok)];
    expect(await account("raced@example.org")).toMatchObject({ ssoSubject: winner });
  });

  it("the Auth.js callback puts the account's id on the user it signs in, and refuses without one", async () => {
    const ed = await account("ed@example.org");
    const user: { id?: string } = { id: "a-random-uuid-from-auth-js" };
    expect(
      await ssoSignIn(user, { iss: ISSUER, sub: "sub-ed", email: "ed@example.org", email_verified: true }, ISSUER),
    ).toBe(true);
    expect(user.id).toBe(String(ed.id));
    const stranger: { id?: string } = { id: "another-uuid" };
    expect(
      await ssoSignIn(
        stranger,
        { iss: ISSUER, sub: "sub-nobody", email: "nobody@example.org", email_verified: true },
        ISSUER,
      ),
    ).toBe(false);
    expect(stranger.id).toBe("another-uuid");
    expect(await ssoSignIn({}, { iss: ISSUER, email: "ed@example.org", email_verified: true }, ISSUER)).toBe(false);
  });
});
