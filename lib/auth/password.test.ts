import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "./password";

describe("passwords", () => {
  it("enforces 12 to 256 characters and refuses common ones", () => {
    expect(passwordProblem("short")).toMatch(/at least 12/);
    expect(passwordProblem("x".repeat(257))).toMatch(/at most 256/);
    expect(passwordProblem("Password1234")).toMatch(/too common/);
    expect(passwordProblem("aaaaaaaaaaaaaaaa")).toMatch(/too common/);
    expect(passwordProblem("123456789012")).toMatch(/too common/);
    expect(passwordProblem("vostochny cosmodrome 2023")).toBeNull();
  });

  it("hashes with argon2id and verifies", async () => {
    const hash = await hashPassword("vostochny cosmodrome 2023");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, "vostochny cosmodrome 2023")).toBe(true);
    expect(await verifyPassword(hash, "vostochny cosmodrome 2024")).toBe(false);
    expect(await verifyPassword(null, "anything")).toBe(false);
  });
});
