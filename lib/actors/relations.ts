// How two actors named in the same event relate, from the first one's side: the pair of their
// roles (supplier → recipient, speaker → addressee, initiator → target, host/participant) and,
// where it sharpens the verb, the event's type. Pure, for the unit tests.
import type { ActorRoleSlug } from "../events/codebook";

export function relationLabel(mine: ActorRoleSlug, theirs: ActorRoleSlug, eventType: string): string {
  const sanctions = eventType.startsWith("sanctions-");
  const warning = eventType === "statement-warning";
  const meeting =
    eventType === "summit-meeting" || eventType === "diplomatic-process" || eventType === "military-cooperation";
  const pair = `${mine}>${theirs}`;
  switch (pair) {
    case "supplier>recipient":
      return "supplied to";
    case "recipient>supplier":
      return "received from";
    case "speaker>addressee":
      return warning ? "warned" : "addressed";
    case "addressee>speaker":
      return warning ? "was warned by" : "was addressed by";
    case "initiator>target":
      return sanctions ? "sanctioned" : "acted against";
    case "target>initiator":
      return sanctions ? "was sanctioned by" : "was targeted by";
    case "host>participant":
      return "hosted";
    case "participant>host":
      return "was hosted by";
    case "participant>participant":
      return meeting ? "met" : "took part with";
    case "initiator>initiator":
    case "supplier>supplier":
    case "speaker>speaker":
      return "acted together with";
    case "target>target":
    case "recipient>recipient":
    case "addressee>addressee":
      return sanctions ? "sanctioned alongside" : "targeted alongside";
    default:
      return "appeared with";
  }
}

// Specific relations first on the page: what one did to or with the other before "appeared with".
const ORDER = [
  "supplied to",
  "received from",
  "sanctioned",
  "was sanctioned by",
  "warned",
  "was warned by",
  "met",
  "hosted",
  "was hosted by",
];
export const relationRank = (label: string) => {
  const i = ORDER.indexOf(label);
  return i === -1 ? ORDER.length + (label === "appeared with" ? 1 : 0) : i;
};
