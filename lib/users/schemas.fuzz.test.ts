// Fuzzing the account form's schema and the password rules: any input is refused field by field
// in plain words or accepted as storable, and passwords follow the documented rules exactly.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_PASSWORD, MIN_PASSWORD, passwordProblem } from "../auth/password";
import { fieldErrorsOf } from "../events/schemas";
import { isStorableText } from "../validation/storable-text";
import { FUZZ_TIMEOUT, hostileString, hostileValue, mutated } from "../testing/fuzz/arbitraries";
import { fuzzParams } from "../testing/fuzz/params";
import { expectFieldErrors, expectHumanMessage } from "../testing/fuzz/messages";
import { newUserSchema, passwordSchema } from "./schemas";

const validUser = fc.record({
  email: fc
    .tuple(
      fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,20}[a-z0-9]$/),
      fc.stringMatching(/^[a-z0-9]{1,20}$/),
      fc.constantFrom("org", "example", "co.uk"),
    )
    .filter(([l]) => !l.includes(".."))
    .map(([l, d, t]) => `${l}@${d}.${t}`),
  name: fc.constantFrom("Ana Editor", "김정은", "Ahmad ibn Ḥanbal", "O'Brien", "<b>Bold</b>"),
  role: fc.constantFrom("contributor", "editor", "admin" as const),
  password: fc.option(
    fc
      .string({ unit: "grapheme", minLength: MIN_PASSWORD, maxLength: 60 })
      .filter((p) => passwordProblem(p) === null && [...p].length >= MIN_PASSWORD),
    { nil: undefined },
  ),
});

describe("account schemas under fuzzing", { timeout: FUZZ_TIMEOUT }, () => {
  it("refuse any value readably, or accept it as storable", () => {
    fc.assert(
      fc.property(fc.oneof(hostileValue, mutated(validUser, hostileValue)), (v) => {
        const r = newUserSchema.safeParse(v);
        if (!r.success) expectFieldErrors(fieldErrorsOf(r.error), v);
        else expect(isStorableText(r.data.name) && r.data.email === r.data.email.toLowerCase()).toBe(true);
      }),
      fuzzParams(),
    );
  });

  it("accept every valid account", () => {
    fc.assert(
      fc.property(validUser, (u) => void expect(newUserSchema.safeParse(u).success, JSON.stringify(u)).toBe(true)),
      fuzzParams(),
    );
  });

  it("apply the password rules: 12 to 256 characters, not a common one", () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, fc.string({ minLength: 10, maxLength: 300 })), (p) => {
        const r = passwordSchema.safeParse(p);
        const problem = passwordProblem(p);
        expect(r.success).toBe(problem === null);
        if (p.length < MIN_PASSWORD || p.length > MAX_PASSWORD) expect(r.success).toBe(false);
        if (!r.success) for (const issue of r.error.issues) expectHumanMessage(issue.message, p);
      }),
      fuzzParams(),
    );
  });
});
