// The seed as it stood before issue 12 (commit a1e44db), rebuilt from today's seed data by undoing
// each correction, and written the way that seed wrote it: "Confirms: …" notes in the quote
// field, no captured copy, one "publish" revision by nobody. Tests use it to stand for a
// database seeded earlier. (Checked once against `git show a1e44db:prisma/seed-data/events.ts`:
// identical, all 30 events.)
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import { toEventCreateData, type ActorRef } from "../../lib/events/event-record";
import { eventInputSchema } from "../../lib/events/schemas";
import { diffSnapshots } from "../../lib/events/snapshot";
import { seedActors } from "../seed-data/actors";
import { seedEvents } from "../seed-data/events";
import type { SeedActor, SeedEvent, SeedSource } from "../seed-data/types";

type Undo = (e: SeedEvent) => SeedEvent;

const summary =
  (from: string, to: string): Undo =>
  (e) => {
    if (!e.summary.includes(from)) throw new Error(`${e.ref}: “${from}” is not in the summary`);
    return { ...e, summary: e.summary.replace(from, to) };
  };
const roles =
  (list: SeedEvent["actors"]): Undo =>
  (e) => ({ ...e, actors: list });
const source =
  (index: number, patch: Partial<SeedSource>): Undo =>
  (e) => ({
    ...e,
    sources: e.sources.map((s, i) => (i === index ? { ...s, ...patch } : s)),
  });
const noDisputes: Undo = (e) => ({ ...e, sources: e.sources.filter((s) => s.stance !== "disputes") });
const all =
  (...undos: Undo[]): Undo =>
  (e) =>
    undos.reduce((acc, u) => u(acc), e);
const withoutActors =
  (...slugs: string[]): Undo =>
  (e) => ({ ...e, actors: e.actors.filter((a) => !slugs.includes(a.actor)) });

const UNDO: Record<string, Undo> = {
  E01: summary(
    "steps toward normal relations. The deal broke down in 2003.",
    "steps toward normal relations. It is the usual starting point of the long US–North Korea negotiating process, and it broke down in 2003.",
  ),
  E02: summary(
    "The seed article describes Bush as favouring “more sticks than carrots” in dealing with North Korea.",
    "The label signalled a harder line in Washington's dealings with Pyongyang.",
  ),
  E03: all(
    summary(
      "The talks opened at the Diaoyutai guesthouse on 27 August 2003 and produced a joint statement in September 2005 and a shutdown-for-fuel deal in February 2007; North Korea",
      "The first round began at the Diaoyutai guesthouse on 27 August 2003 and produced a joint statement in September 2005 and a shutdown-for-fuel deal in February 2007, but North Korea",
    ),
    (e) => ({
      ...e,
      actors: [
        ...e.actors.filter((a) => a.actor !== "un-security-council"),
        { actor: "un-security-council", role: "participant" },
        { actor: "iaea", role: "participant" },
      ],
    }),
  ),
  E04: summary(
    "It was short-lived: like the agreements of 1994, 2005 and 2018, it eventually collapsed.",
    "It collapsed soon afterwards and is the main concrete episode of US–North Korea diplomacy under the Obama administration.",
  ),
  E07: all(
    summary(
      "adding that Kim “wrote me beautiful letters”. He did not use the phrase “love letters” at that rally.",
      "citing what he called “beautiful letters” from Kim. He did not use the phrase “love letters” himself.",
    ),
    (e) => ({ ...e, actors: e.actors.map((a) => (a.role === "target" ? { ...a, role: "participant" } : a)) }),
  ),
  E11: summary(
    "which ended with the gap between them unchanged.",
    "which ended with the gap between them unchanged. The meeting effectively closed the round of leader-level diplomacy begun in 2018.",
  ),
  E13: all(
    summary("toughen UN sanctions on North Korea", "toughen UN measures against North Korea"),
    summary(
      "It was the first split of the permanent members on North Korea sanctions since the sanctions began in 2006. The veto came more than a year before the 2023 Kim–Putin summit.",
      "The permanent members had not divided over North Korea sanctions since 2006 and predates the 2023 Kim–Putin summit.",
    ),
  ),
  E14: all(
    summary(
      "North Korea denied supplying Russia with weapons or ammunition, in September and again after the November claim, and Russia's foreign ministry called the November claim fake.",
      "Moscow and Pyongyang denied the claims.",
    ),
    (e) => ({ ...e, endDate: "2022-11-02", precision: "day", endPrecision: undefined, approximate: true }),
    noDisputes,
  ),
  E15: all(
    summary("US National Security Adviser Jake Sullivan later", "Jake Sullivan later"),
    withoutActors("united-states", "jake-sullivan"),
  ),
  E16: summary("aircraft, raw materials and commodities.", "aircraft, commodities and food."),
  E17: source(3, { publishedOn: "2023-08-14" }),
  E19: all(
    summary(" He described Sergei Shoigu's July visit to Pyongyang as being, in essence, a request for weapons.", ""),
    roles([
      { actor: "jake-sullivan", role: "speaker" },
      { actor: "united-states", role: "initiator" },
      { actor: "north-korea", role: "addressee" },
      { actor: "north-korea", role: "target" },
      { actor: "kim-jong-un", role: "participant" },
      { actor: "russia", role: "participant" },
    ]),
  ),
  E21: summary(
    "Kim pledged Russia his “full and unconditional support”,",
    "Kim pledged full support for Russia's war effort,",
  ),
  E22: withoutActors("china"),
  E23: summary(
    "said that “no additional sanctions will be imposed on North Korea”, a position he said Russia shares with China. He pointed to spring 2022, when Russia had blocked a US draft resolution.",
    "said Moscow and Beijing had agreed that the Security Council would adopt no more measures against Pyongyang, and pointed to Russia's blocking of a US draft in spring 2022. The statement restated an existing position rather than creating a new one.",
  ),
  E24: all(
    summary(
      ", and Peskov said no military-technical agreements had been signed.",
      ". This is a signal of intent, not a documented violation.",
    ),
    withoutActors("un-security-council"),
  ),
  E26: source(2, { publishedOn: "2023-09" }),
  E28: all(
    (e) => ({
      ...e,
      title: "White House says North Korea shipped over 1,000 containers of munitions to Russia",
      itemCategories: ["artillery-ammunition"],
    }),
    summary("Putin and Kim have both denied striking an arms deal in 2023.", "Moscow and Pyongyang denied the claim."),
    noDisputes,
  ),
};

/** How the previous seed stored a citation: its note in the quote field, no copy, no stance. */
function asStoredBefore(s: SeedSource): SeedSource {
  const { note, copy: _copy, stance: _stance, ...rest } = s;
  void _copy;
  void _stance;
  return note ? { ...rest, quote: note } : rest;
}

export const previousSeedEvents: SeedEvent[] = seedEvents.map((e) => {
  const before = (UNDO[e.ref] ?? ((x: SeedEvent) => x))(e);
  return { ...before, sources: before.sources.map(asStoredBefore) };
});

export const previousSeedActors: SeedActor[] = [
  ...seedActors,
  { slug: "iaea", name: "IAEA", kind: "international_body", aliases: ["International Atomic Energy Agency"] },
];

/** Writes `events` (default: all) as the previous seed did, in one transaction. */
export async function seedAsBefore(prisma: PrismaClient, events: SeedEvent[] = previousSeedEvents): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      await tx.actor.createMany({
        data: previousSeedActors.map((a) => ({
          slug: a.slug,
          name: a.name,
          kind: a.kind,
          countryCode: a.countryCode ?? null,
          aliases: a.aliases,
        })),
        skipDuplicates: true,
      });
      const actorsBySlug = new Map<string, ActorRef>((await tx.actor.findMany()).map((a) => [a.slug, a]));
      const now = new Date();
      for (const e of events) {
        const input = eventInputSchema.parse({ ...e, status: "published" });
        await tx.event.create({ data: toEventCreateData(input, actorsBySlug, now) });
        await tx.revision.create({
          data: {
            eventId: input.id,
            userId: null,
            kind: "publish",
            version: 1,
            note: "Published from the research sheet (seed data)",
            changes: diffSnapshots(null, input) as unknown as Prisma.InputJsonValue,
            snapshot: input as unknown as Prisma.InputJsonValue,
            createdAt: now,
          },
        });
      }
    },
    { timeout: 60_000 },
  );
}
