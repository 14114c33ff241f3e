// Fuzzing the event server actions against a real PostgreSQL: any form data from any caller is
// either carried out or refused with a readable message, and a refusal leaves every table as
// it was. Only the request context is replaced (the session user, Next's redirect and cache).
import fc from "fast-check";
import { afterAll, describe, expect, it, vi } from "vitest";
import {
  FUZZ_RUNS,
  FUZZ_TIMEOUT,
  hostileJson,
  hostileString,
  hostileValue,
  mutated,
} from "../testing/fuzz/arbitraries";
import { fuzzParams } from "../testing/fuzz/params";
import { extraFields, formData, formValue, outcomeOf, session, setUpActionFuzzing } from "../testing/fuzz/actions";
import { describeInput, expectHumanMessage } from "../testing/fuzz/messages";
import { validEvent } from "../testing/fuzz/valid-events";
import {
  deleteEventAction,
  findDuplicatesAction,
  restoreRevisionAction,
  saveEventAction,
  transitionEventAction,
  type EventFormState,
} from "./actions";

vi.mock("../authz", async () => (await import("../testing/fuzz/actions")).authzMock);
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/navigation", async () => (await import("../testing/fuzz/actions")).navigationMock);

const fuzz = setUpActionFuzzing({ seed: true });
const { t, users } = fuzz;
const ACTORS = ["north-korea", "russia", "kim-jong-un"];

const caller = fc.constantFrom("anonymous", "contributor", "editor", "admin");
const existing = () => t.prisma.event.findMany({ select: { id: true, version: true }, orderBy: { id: "asc" } });

// How the runs ended, per caller: printed at the end so a run that never reaches a write shows.
const tally: Record<string, number> = {};
afterAll(() => console.log(`event actions, outcomes: ${JSON.stringify(tally)}`));

/** The property every action shares: a refusal is readable and leaves the database untouched. */
async function check(who: string, call: () => Promise<EventFormState>, input: unknown) {
  session.user = users[who];
  fuzz.errors.mockClear();
  const before = await fuzz.watch.before();
  const out = await outcomeOf(call);
  expect(
    fuzz.errors,
    `unexpected error path for ${describeInput(input)}: ${JSON.stringify(fuzz.errors.mock.calls)}`,
  ).not.toHaveBeenCalled();
  tally[`${who} ${"redirect" in out ? "done" : "refused"}`] =
    (tally[`${who} ${"redirect" in out ? "done" : "refused"}`] ?? 0) + 1;
  if ("redirect" in out) {
    fuzz.watch.wrote();
    expect(who, `${who} was allowed to write`).not.toBe("anonymous");
    return out;
  }
  expectHumanMessage(out.state.message, input);
  for (const messages of Object.values(out.state.fieldErrors ?? {}))
    for (const m of messages) expectHumanMessage(m, input);
  expect(await fuzz.watch.after(), `a refusal changed the database: ${out.state.message}`).toEqual(before);
  return out;
}

const envelope = fc.record(
  {
    input: fc.oneof(
      { arbitrary: mutated(validEvent(ACTORS), hostileJson), weight: 3 },
      { arbitrary: validEvent(ACTORS), weight: 1 },
      { arbitrary: hostileJson, weight: 1 },
    ),
    newActors: fc.oneof(
      fc.constant(undefined),
      fc.array(fc.oneof(hostileJson, fc.record({ slug: hostileString, name: hostileString, kind: hostileString })), {
        maxLength: 2,
      }),
    ),
    baseVersion: fc.oneof(fc.constant("current"), hostileJson),
    kind: fc.oneof(fc.constantFrom(undefined, "update", "correction"), hostileJson),
    note: fc.oneof(fc.constant(undefined), hostileJson),
  },
  { requiredKeys: ["input"] },
);

/** A payload: garbage, a new event, or an edit of an existing one (its real version, or not). */
const payload = fc.oneof(
  {
    arbitrary: fc
      .oneof(
        hostileString,
        hostileJson.map((j) => JSON.stringify(j) ?? ""),
      )
      .map((raw) => () => Promise.resolve(raw)),
    weight: 1,
  },
  {
    arbitrary: envelope.map((p) => () => Promise.resolve(JSON.stringify({ ...p, baseVersion: undefined }))),
    weight: 2,
  },
  {
    arbitrary: fc.tuple(envelope, fc.nat()).map(([p, i]) => async () => {
      const events = await existing();
      const target = events[i % events.length];
      const input =
        typeof p.input === "object" && p.input && !Array.isArray(p.input) ? { ...p.input, id: target.id } : p.input;
      return JSON.stringify({ ...p, input, baseVersion: p.baseVersion === "current" ? target.version : p.baseVersion });
    }),
    weight: 3,
  },
);

describe("event actions under fuzzing", { timeout: FUZZ_TIMEOUT }, () => {
  it("saveEventAction: any payload from any caller is saved or refused without a trace", async () => {
    await fc.assert(
      fc.asyncProperty(caller, payload, extraFields, async (who, make, extra) => {
        const p = await make();
        await check(who, () => saveEventAction({}, formData({ payload: p }, extra)), p);
      }),
      fuzzParams(),
    );
  });

  it("transition, restore and delete: any id, version, action and reason are carried out or refused without a trace", async () => {
    const version = fc.oneof(
      { arbitrary: fc.constant("current"), weight: 3 },
      { arbitrary: fc.constantFrom("0", "-1", "1.5", "1e3", "NaN", "99999999999999999999", ""), weight: 1 },
      { arbitrary: formValue, weight: 1 },
    );
    const act = fc.oneof(
      { arbitrary: fc.constantFrom("submit", "publish", "retract"), weight: 3 },
      { arbitrary: hostileString, weight: 1 },
    );
    const which = fc.constantFrom("transition", "restore", "delete");
    const id = fc.oneof({ arbitrary: fc.nat(), weight: 3 }, { arbitrary: hostileString, weight: 1 });
    const revision = fc.oneof(fc.nat({ max: 400 }).map(String), formValue);
    await fc.assert(
      fc.asyncProperty(
        caller,
        which,
        id,
        version,
        act,
        fc.oneof(hostileString, fc.constant(undefined)),
        revision,
        extraFields,
        async (who, w, pick, v, a, reason, rev, extra) => {
          const events = await existing();
          const target = typeof pick === "number" ? events[pick % events.length] : { id: pick, version: 1 };
          const form = formData(
            { id: target.id, version: v === "current" ? String(target.version) : v, action: a, reason, revision: rev },
            extra,
          );
          const call =
            w === "transition"
              ? () => transitionEventAction({}, form)
              : w === "restore"
                ? () => restoreRevisionAction({}, form)
                : () => deleteEventAction({}, form);
          await check(who, call, { w, id: target.id, v, a, reason, rev });
        },
      ),
      fuzzParams(),
    );
  });

  it("findDuplicatesAction: any input gives a list, and nothing to anonymous callers", async () => {
    await fc.assert(
      fc.asyncProperty(
        caller,
        fc.oneof(
          hostileValue,
          fc.record({ id: hostileValue, startDate: hostileValue, title: hostileValue, urls: hostileValue }),
        ),
        async (who, input) => {
          session.user = users[who];
          const before = await fuzz.watch.before();
          const found = await findDuplicatesAction(input as never);
          expect(Array.isArray(found)).toBe(true);
          if (who === "anonymous") expect(found).toEqual([]);
          expect(await fuzz.watch.after()).toEqual(before);
        },
      ),
      fuzzParams(),
    );
  });

  it("saveEventAction: every valid new event from an editor is saved", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(validEvent(ACTORS), async (e) => {
        const input = { ...e, id: `${e.id}-${++n}`.slice(0, 120) };
        const out = await check(
          "editor",
          () => saveEventAction({}, formData({ payload: JSON.stringify({ input, newActors: [] }) })),
          input,
        );
        expect(out, JSON.stringify("state" in out ? out.state : out)).toEqual({
          redirect: `/editor/events/${input.id}?saved=1`,
        });
        expect(await t.prisma.event.count({ where: { id: input.id } })).toBe(1);
      }),
      fuzzParams({ numRuns: Math.max(1, Math.round(FUZZ_RUNS / 5)) }),
    );
  });
});

describe("event action regressions found by fuzzing", () => {
  it("uses a fingerprint that notices a one-character change anywhere (so the check can fail)", async () => {
    const { tableFingerprints } = await import("../testing/fuzz/actions");
    const before = await tableFingerprints(t.prisma);
    const a = await t.prisma.actor.findFirstOrThrow({ orderBy: { id: "asc" } });
    await t.prisma.actor.update({ where: { id: a.id }, data: { name: `${a.name}.` } });
    expect(await tableFingerprints(t.prisma)).not.toEqual(before);
    await t.prisma.actor.update({ where: { id: a.id }, data: { name: a.name } });
    expect(await tableFingerprints(t.prisma)).toEqual(before);
  });

  const published = async () =>
    await t.prisma.event.findFirstOrThrow({ where: { status: "published", deleted: false }, orderBy: { id: "asc" } });

  it("refuses a payload without an input instead of failing on it", async () => {
    const out = await check(
      "editor",
      () => saveEventAction({}, formData({ payload: JSON.stringify({ baseVersion: 1 }) })),
      "no input",
    );
    expect(out).toEqual({ state: { message: "The form could not be read; reload the page and try again." } });
  });

  it("refuses a version that is not a number, before any query", async () => {
    const e = await published();
    const out = await check(
      "editor",
      () => transitionEventAction({}, formData({ id: e.id, version: "abc", action: "retract", reason: "Wrong" })),
      "NaN",
    );
    expect(out).toEqual({
      state: { message: "This form is out of date or damaged; reload the page and try again.", fieldErrors: {} },
    });
  });

  it("refuses a NUL byte in a retraction reason or an id with a message", async () => {
    const e = await published();
    const out = await check(
      "editor",
      () =>
        transitionEventAction(
          {},
          formData({ id: e.id, version: String(e.version), action: "retract", reason: "bad\u0000reason" }),
        ),
      "NUL",
    );
    expect(out).toMatchObject({
      state: { fieldErrors: { reason: ["Remove the invisible control characters (such as NUL) from this text"] } },
    });
    const byId = await check("admin", () => deleteEventAction({}, formData({ id: "x\u0000", version: "1" })), "NUL id");
    expect(byId).toEqual({ state: { message: "There is no such event." } });
  });

  it("quotes at most 40 characters of a bad new actor's name (it quoted all 500)", async () => {
    const input = { ...(await published()), id: "fz-new-actor-name" };
    const payload = {
      input: {
        id: "fz-new-actor-name",
        title: "A new actor test",
        summary: "s",
        type: "summit-meeting",
        claimStatus: "confirmed",
        startDate: "2023-09-13",
        precision: "day",
        sources: [],
      },
      newActors: [{ slug: "fz-actor", name: "a".repeat(500), kind: "state" }],
    };
    const out = await check(
      "editor",
      () => saveEventAction({}, formData({ payload: JSON.stringify(payload) })),
      input.id,
    );
    expect(out).toEqual({
      state: { message: `New actor “${"a".repeat(40)}…”: Use at most 200 characters`, fieldErrors: {} },
    });
  });

  const draftInput = (id: string) => ({
    id,
    title: "A conflict test event",
    summary: "First summary",
    type: "summit-meeting",
    claimStatus: "confirmed",
    startDate: "2023-09-13",
    precision: "day",
    sources: [],
  });
  const save = (payload: object) =>
    check("editor", () => saveEventAction({}, formData({ payload: JSON.stringify(payload) })), payload);

  it("lists in a conflict only what really differs: the editor's input is compared as it would be saved", async () => {
    const input = draftInput("fz-conflict-differences");
    expect(await save({ input })).toEqual({ redirect: `/editor/events/${input.id}?saved=1` });
    expect(await save({ input: { ...input, summary: "Second summary" }, baseVersion: 1 })).toEqual({
      redirect: `/editor/events/${input.id}?saved=1`,
    });
    // Someone who opened version 1 adds a place; the title's trailing spaces are trimmed on saving,
    // and the fields the form left out take their defaults: neither is a difference.
    const out = await save({ input: { ...input, title: `${input.title}  `, place: "Vladivostok" }, baseVersion: 1 });
    expect("state" in out && out.state.conflict?.differences).toEqual([
      { field: "summary", from: "Second summary", to: "First summary" },
      { field: "place", from: null, to: "Vladivostok" },
    ]);
  });

  it("answers a hand-made input with a message: an id that is not text, a new actor's name that is not text", async () => {
    const input = draftInput("fz-hand-made");
    expect(await save({ input: { ...input, id: 42 }, baseVersion: 1 })).toEqual({
      state: { message: "There is no such event." },
    });
    expect(await save({ input, newActors: [{ name: 7 }] })).toEqual({
      state: {
        message: "New actor without a name: Required",
        fieldErrors: {},
      },
    });
  });

  it("finds no duplicates for a hand-made call with the wrong types, rather than throwing", async () => {
    session.user = users.editor;
    await expect(findDuplicatesAction({ startDate: 0, title: 0, urls: [] } as never)).resolves.toEqual([]);
    await expect(findDuplicatesAction({ startDate: "2023-09-13", title: "Summit\u0000", urls: [] })).resolves.toEqual(
      [],
    );
  });
});
