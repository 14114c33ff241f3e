// Fuzzing the credential check behind the sign-in form on a real PostgreSQL: any email,
// password and client address is refused with the one generic answer (or throttled), never an
// exception, and sign-in writes nothing. Each unthrottled failure spends a full argon2id
// verification by design (so timing does not reveal accounts), 0.1–1 s on this machine: that
// property runs FUZZ_RUNS/50 (20 to 100); the throttled one runs them all.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { FUZZ_RUNS, FUZZ_TIMEOUT, hostileString } from "../testing/fuzz/arbitraries";
import { fuzzParams } from "../testing/fuzz/params";
import { tableFingerprints } from "../testing/fuzz/actions";
import { setUpTestDatabase } from "../testing/test-database";
import { hashPassword } from "./password";
import { checkCredentials } from "./sign-in";

const PASSWORD = "a long enough password";
const t = setUpTestDatabase();
beforeAll(async () => {
  await t.prisma.user.create({
    data: { email: "ed@fuzz.example", name: "Ed", role: "editor", passwordHash: await hashPassword(PASSWORD) },
  });
});

const email = fc.oneof(
  hostileString,
  fc.constantFrom("ed@fuzz.example", "ED@FUZZ.EXAMPLE ", "ed@fuzz.example\u0000", "ed@fuzz.example'--"),
);
const password = fc.oneof(hostileString, fc.constantFrom(`${PASSWORD} `, PASSWORD.toUpperCase(), `${PASSWORD}\u0000`));

describe("checkCredentials under fuzzing", { timeout: FUZZ_TIMEOUT * 4 }, () => {
  it("signs in with the right password (before the fuzzing below throttles the account)", async () => {
    expect(await checkCredentials(" ED@fuzz.example ", PASSWORD, "192.0.2.1")).toMatchObject({ ok: true });
  });

  it("refuses any wrong credentials from a fresh address with the generic answer and writes nothing", async () => {
    const before = await tableFingerprints(t.prisma);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(email, password, async (e, p) => {
        // The address is fresh, but an email tried five times is throttled too (account or not).
        const r = await checkCredentials(e, p, `198.51.100.${++n % 250}-${n}`);
        expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/^(invalid|throttled)$/) });
      }),
      fuzzParams({ numRuns: Math.min(100, Math.max(20, Math.round(FUZZ_RUNS / 50))) }),
    );
    expect(await tableFingerprints(t.prisma)).toEqual(before);
  });

  it("throttles one address after five failures, whatever else is sent", async () => {
    await fc.assert(
      fc.asyncProperty(email, password, async (e, p) => {
        const r = await checkCredentials(e, p, "203.0.113.7");
        expect(r.ok).toBe(false);
        if (!r.ok) expect(["invalid", "throttled"]).toContain(r.reason);
      }),
      fuzzParams(),
    );
    expect(await checkCredentials("ed@fuzz.example", PASSWORD, "203.0.113.7")).toMatchObject({
      ok: false,
      reason: "throttled",
    });
  });

  it("treats an address with a NUL as unknown (regression: PostgreSQL refused the lookup)", async () => {
    expect(await checkCredentials("nul\u0000@fuzz.example", PASSWORD, "192.0.2.2")).toEqual({
      ok: false,
      reason: "invalid",
    });
  });
});
