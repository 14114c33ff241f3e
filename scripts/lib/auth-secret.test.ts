import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { ensureServerActionsKey } from "./auth-secret";

describe("ensureServerActionsKey", () => {
  const saved = process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
  afterEach(() => {
    if (saved === undefined) delete process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY;
    else process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY = saved;
  });

  it("uses the key from the environment, shared by every instance", async () => {
    const key = randomBytes(32).toString("base64");
    process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY = key;
    expect(await ensureServerActionsKey()).toBe(key);
  });

  it("refuses a key Next.js could not use, saying how to make one", async () => {
    process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY = "not-a-key";
    await expect(ensureServerActionsKey()).rejects.toThrow(/32 random bytes in base64.*openssl rand -base64 32/);
  });
});
