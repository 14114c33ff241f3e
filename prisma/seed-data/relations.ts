// Links between seed events that the research sheet states (shared/research/seed-events.md: the
// events' notes and "Checks against the article"), read from the subject: `{ from, kind, to }`
// is "from <kind> to". `why` is for whoever edits this list, not shown.
import type { RelationSlug } from "../../lib/relations/kinds";

export const seedRelations: { from: string; kind: RelationSlug; to: string; why: string }[] = [
  {
    from: "2022-05-26-russia-china-veto-dprk-sanctions",
    kind: "precedent-for",
    to: "2023-09-13-lavrov-un-sanctions-veto-threat",
    why: "Check 7: Russia and China had vetoed new sanctions in May 2022 (E13); Lavrov restated that line and cited it (E23).",
  },
  {
    from: "2023-09-05-sullivan-pay-a-price-warning",
    kind: "responds-to",
    to: "2023-09-13-kim-putin-vostochny-summit",
    why: "E19: before the summit, Sullivan warned about the arms talks and the leader-level meeting they were heading to (E21).",
  },
  {
    from: "2023-09-05-sullivan-pay-a-price-warning",
    kind: "responds-to",
    to: "2023-07-25-shoigu-visits-pyongyang",
    why: "E19: Sullivan called Shoigu's trip (E15) in essence a request for weapons.",
  },
  {
    from: "2023-09-13-kim-calls-russia-ties-top-priority",
    kind: "part-of",
    to: "2023-09-13-kim-putin-vostochny-summit",
    why: "E22: said at the Vostochny talks.",
  },
  {
    from: "2023-10-13-white-house-dprk-munitions-containers-to-russia",
    kind: "follows-up",
    to: "2023-09-13-kim-putin-vostochny-summit",
    why: "E28 is a follow-on of the summit: the munitions the article calls promised, delivered.",
  },
  {
    from: "2024-06-putin-visits-pyongyang-signs-partnership-treaty",
    kind: "follows-up",
    to: "2023-09-13-kim-putin-vostochny-summit",
    why: "E30 is a follow-on: the defence treaty the 2023 summit did not make (check 9).",
  },
];
