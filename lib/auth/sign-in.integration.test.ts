import { createServer } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "../testing/test-database";
import { hashPassword } from "./password";
import { checkCredentials } from "./sign-in";
import { deviceCookieAfterSignIn } from "./sign-in-device";

/** A port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

describe("checkCredentials", () => {
  const t = setUpTestDatabase();
  beforeAll(async () => {
    await t.prisma.user.create({
      data: {
        email: "ed@example.org",
        name: "Ed",
        role: "editor",
        passwordHash: await hashPassword("a long enough password"),
      },
    });
    await t.prisma.user.create({
      data: {
        email: "off@example.org",
        name: "Off",
        role: "editor",
        disabled: true,
        passwordHash: await hashPassword("a long enough password"),
      },
    });
    await t.prisma.user.create({
      data: {
        email: "admin@example.org",
        name: "Admin",
        role: "admin",
        passwordHash: await hashPassword("a long enough password"),
      },
    });
    process.env.AUTH_SECRET = "sign-in integration test secret";
  });

  it("signs in with the right password, whatever the email's case", async () => {
    const r = await checkCredentials(" ED@example.org ", "a long enough password", "10.0.0.1");
    expect(r).toMatchObject({ ok: true, user: { email: "ed@example.org", role: "editor" } });
  });

  it("gives one answer for a wrong password, an unknown email and a disabled account", async () => {
    expect(await checkCredentials("ed@example.org", "wrong password here", "10.0.0.2")).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await checkCredentials("nobody@example.org", "a long enough password", "10.0.0.3")).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await checkCredentials("off@example.org", "a long enough password", "10.0.0.4")).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("does not count tries made while the database could not be reached", async () => {
    const url = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `postgresql://postgres@127.0.0.1:${await closedPort()}/postgres`;
    try {
      for (let i = 0; i < 6; i++)
        await expect(
          checkCredentials("admin@example.org", `guess ${i} during the outage`, "10.0.5.1"),
        ).rejects.toThrow();
    } finally {
      process.env.DATABASE_URL = url;
    }
    expect(await checkCredentials("admin@example.org", "a long enough password", "10.0.5.1")).toMatchObject({
      ok: true,
    });
  });

  it("refuses even the right password after five failures, from a device that never signed in to the account", async () => {
    for (let i = 0; i < 5; i++) await checkCredentials("ed@example.org", `wrong ${i} password`, `10.0.1.${i}`);
    const r = await checkCredentials("ed@example.org", "a long enough password", "10.0.2.1");
    expect(r).toMatchObject({ ok: false, reason: "throttled", refusedBy: "account" });
    const otherAccountsDevice = deviceCookieAfterSignIn(undefined, "off@example.org", process.env.AUTH_SECRET!);
    expect(
      await checkCredentials("ed@example.org", "a long enough password", "10.0.2.2", otherAccountsDevice),
    ).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("lets the account's own device sign in while it is locked for others, from the attacker's address too", async () => {
    const device = deviceCookieAfterSignIn(undefined, "admin@example.org", process.env.AUTH_SECRET!);
    for (let i = 0; i < 5; i++) await checkCredentials("admin@example.org", `wrong ${i} password`, "10.0.6.1");
    expect(await checkCredentials("admin@example.org", "a long enough password", "10.0.6.2")).toMatchObject({
      ok: false,
      reason: "throttled",
      refusedBy: "account",
    });
    expect(await checkCredentials("admin@example.org", "a long enough password", "10.0.6.1", device)).toMatchObject({
      ok: true,
      user: { email: "admin@example.org" },
    });
  });
});
