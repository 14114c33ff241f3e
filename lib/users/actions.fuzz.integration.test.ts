// Fuzzing the account actions against a real PostgreSQL: any form from any caller is carried out
// or refused with a readable message, a refusal leaves every table as it was, and only admins
// manage accounts. Only the request context (session user, Next's cache) is replaced.
import argon2 from "argon2";
import fc from "fast-check";
import { afterAll, describe, expect, it, vi } from "vitest";
import { FUZZ_TIMEOUT, hostileString } from "../testing/fuzz/arbitraries";
import { fuzzParams } from "../testing/fuzz/params";
import { extraFields, formData, formValue, outcomeOf, session, setUpActionFuzzing } from "../testing/fuzz/actions";
import { describeInput, expectHumanMessage } from "../testing/fuzz/messages";
import { changeOwnPasswordAction, createUserAction, manageUserAction, type UserFormState } from "./actions";

vi.mock("../authz", async () => (await import("../testing/fuzz/actions")).authzMock);
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/navigation", async () => (await import("../testing/fuzz/actions")).navigationMock);

const PASSWORD = "fuzzing passphrase 2026";
let cheapHash: string;
const fuzz = setUpActionFuzzing({
  // A cheap argon2id hash of a known password, so checking "current password" costs a
  // millisecond rather than the production parameters' ~100 ms on each of thousands of runs.
  passwordHash: async () =>
    (cheapHash = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 })),
});
const { t, users } = fuzz;
const tally: Record<string, number> = {};
afterAll(async () => {
  console.log(`account actions, outcomes: ${JSON.stringify(tally)}`);
});
const caller = fc.constantFrom("anonymous", "contributor", "editor", "admin");

async function check(who: string, call: () => Promise<UserFormState>, input: unknown) {
  session.user = users[who];
  fuzz.errors.mockClear();
  const before = await fuzz.watch.before();
  const out = await outcomeOf(call);
  // A changed password ends every session, this one too: the action says so on /signed-out.
  if ("redirect" in out) expect(out.redirect).toBe("/signed-out?why=password");
  const state: UserFormState = "redirect" in out ? { ok: true, message: "Your password was changed." } : out.state;
  expect(
    fuzz.errors,
    `unexpected error path for ${describeInput(input)}: ${JSON.stringify(fuzz.errors.mock.calls)}`,
  ).not.toHaveBeenCalled();
  expectHumanMessage(state.message, input);
  tally[`${who} ${state.ok ? "done" : "refused"}`] = (tally[`${who} ${state.ok ? "done" : "refused"}`] ?? 0) + 1;
  if (state.ok) {
    fuzz.watch.wrote();
    expect(who, `${who} managed an account`).toBe(input && (input as { own?: boolean }).own ? who : "admin");
    // Keep the test accounts usable: the known password and role back, enabled.
    await t.prisma.user.updateMany({
      where: { email: { endsWith: "@fuzz.example" } },
      data: { passwordHash: cheapHash, disabled: false },
    });
    for (const u of Object.values(users))
      if (u) await t.prisma.user.update({ where: { id: u.id }, data: { role: u.role } });
    return state;
  }
  for (const messages of Object.values(state.fieldErrors ?? {})) for (const m of messages) expectHumanMessage(m, input);
  expect(await fuzz.watch.after(), `a refusal changed the database: ${state.message}`).toEqual(before);
  return state;
}

const email = fc.oneof(
  hostileString,
  fc.stringMatching(/^[a-z]{1,10}@[a-z]{1,10}\.org$/),
  fc.constantFrom("admin@fuzz.example", "ADMIN@fuzz.example "),
);
const password = fc.oneof(
  hostileString,
  fc.constant(PASSWORD),
  fc.constantFrom("password1234", "aaaaaaaaaaaaaaa", "abcdefghijklmnop"),
  fc.string({ minLength: 12, maxLength: 40 }),
);

// Every accepted password is hashed with the production argon2id parameters (~0.1–0.3 s).
describe("account actions under fuzzing", { timeout: FUZZ_TIMEOUT * 2 }, () => {
  it("createUserAction: any form from any caller creates an account (admins only) or is refused without a trace", async () => {
    await fc.assert(
      fc.asyncProperty(
        caller,
        email,
        fc.oneof(hostileString, fc.constant("New Person")),
        fc.oneof(fc.constantFrom("contributor", "editor", "admin"), hostileString),
        fc.oneof(fc.constant(undefined), password, formValue),
        extraFields,
        async (who, e, name, role, pw, extra) => {
          await check(who, () => createUserAction({}, formData({ email: e, name, role, password: pw }, extra)), {
            e,
            name,
            role,
            pw,
          });
        },
      ),
      fuzzParams(),
    );
  });

  it("manageUserAction: any operation on any id from any caller is carried out (admins only) or refused without a trace", async () => {
    const op = fc.oneof(fc.constantFrom("role", "disable", "enable", "reset", "signout"), hostileString);
    const target = fc.oneof(
      fc.constantFrom("contributor", "editor", "admin"),
      hostileString,
      fc.constantFrom("0", "-1", "1.5", "NaN", "99999999999", "2147483648", ""),
    );
    await fc.assert(
      fc.asyncProperty(
        caller,
        op,
        target,
        fc.oneof(fc.constantFrom("contributor", "editor", "admin"), hostileString),
        password,
        extraFields,
        async (who, o, tgt, role, pw, extra) => {
          const userId = users[tgt] ? String(users[tgt]!.id) : tgt;
          await check(who, () => manageUserAction({}, formData({ op: o, userId, role, password: pw }, extra)), {
            o,
            userId,
            role,
            pw,
          });
        },
      ),
      fuzzParams(),
    );
  });

  it("changeOwnPasswordAction: any current and new password are accepted only together and valid", async () => {
    await fc.assert(
      fc.asyncProperty(caller, password, password, async (who, current, next) => {
        await check(who, () => changeOwnPasswordAction({}, formData({ current, next })), { own: true, current, next });
      }),
      fuzzParams(),
    );
  });
});

describe("account action regressions found by fuzzing", () => {
  it("refuses an id with no account, or no number at all, in plain words (was a Prisma error)", async () => {
    for (const userId of ["0", "NaN", "999999", "2147483648"]) {
      const state = await check("admin", () => manageUserAction({}, formData({ op: "signout", userId })), userId);
      expect(state).toEqual({ message: "There is no such account.", fieldErrors: {}, values: undefined });
    }
  });
});
