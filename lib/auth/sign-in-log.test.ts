import { describe, expect, it } from "vitest";
import { emailHash } from "./sign-in-log";

describe("emailHash", () => {
  it("is 16 hex digits, the same for the same address in any case, and depends on the secret", () => {
    const h = emailHash("Ed@Example.org ", "secret one");
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(emailHash("ed@example.org", "secret one")).toBe(h);
    expect(emailHash("ed@example.org", "secret two")).not.toBe(h);
    expect(emailHash("someone@example.org", "secret one")).not.toBe(h);
  });
});
