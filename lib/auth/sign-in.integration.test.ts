import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { hashPassword } from "./password";
import { checkCredentials } from "./sign-in";

describe("checkCredentials", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    process.env.DATABASE_URL = t.url;
    await t.prisma.user.create({ data: { email: "ed@example.org", name: "Ed", role: "editor", passwordHash: await hashPassword("a long enough password") } });
    await t.prisma.user.create({ data: { email: "off@example.org", name: "Off", role: "editor", disabled: true, passwordHash: await hashPassword("a long enough password") } });
  });
  afterAll(() => t.drop());

  it("signs in with the right password, whatever the email's case", async () => {
    const r = await checkCredentials(" ED@example.org ", "a long enough password", "10.0.0.1");
    expect(r).toMatchObject({ ok: true, user: { email: "ed@example.org", role: "editor" } });
  });

  it("gives one answer for a wrong password, an unknown email and a disabled account", async () => {
    expect(await checkCredentials("ed@example.org", "wrong password here", "10.0.0.2")).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials("nobody@example.org", "a long enough password", "10.0.0.3")).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials("off@example.org", "a long enough password", "10.0.0.4")).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses even the right password after five failures", async () => {
    for (let i = 0; i < 5; i++) await checkCredentials("ed@example.org", `wrong ${i} password`, `10.0.1.${i}`);
    const r = await checkCredentials("ed@example.org", "a long enough password", "10.0.2.1");
    expect(r).toMatchObject({ ok: false, reason: "throttled" });
  });
});
