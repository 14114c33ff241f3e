// The four ways one event relates to another, read from the subject: "A responds-to B" is stored
// from A to B. Readers see the label from the side of the page they are on: B's page says
// "responded to by A". The slugs are the CSV's and the API's; the database's enum has the same
// values (prisma/schema.prisma, RelationKind), Prisma's client names them with underscores.
import type { RelationKind } from "../generated/prisma/enums";
import { quote } from "../text/quote";
import { isEventId } from "../validation/event-id";

export const RELATION_KINDS = ["responds-to", "part-of", "follows-up", "precedent-for"] as const;
export type RelationSlug = (typeof RELATION_KINDS)[number];

/** What A is to B, on A's page ("A responds to B"). */
export const OUTGOING_LABEL: Record<RelationSlug, string> = {
  "responds-to": "responds to",
  "part-of": "part of",
  "follows-up": "follows up",
  "precedent-for": "precedent for",
};

/** What B is to A, on B's page ("B is responded to by A"). */
export const INCOMING_LABEL: Record<RelationSlug, string> = {
  "responds-to": "responded to by",
  "part-of": "has part",
  "follows-up": "followed up by",
  "precedent-for": "has precedent",
};

export const isRelationSlug = (v: unknown): v is RelationSlug =>
  typeof v === "string" && (RELATION_KINDS as readonly string[]).includes(v);
export const toDbKind = (slug: RelationSlug) => slug.replace(/-/g, "_") as RelationKind;
export const toSlug = (kind: RelationKind | string) => kind.replace(/_/g, "-") as RelationSlug;

/** How one event's relation reads on its page: the label from that side, and the other event. */
export function labelFor(kind: RelationSlug, direction: "outgoing" | "incoming"): string {
  return direction === "outgoing" ? OUTGOING_LABEL[kind] : INCOMING_LABEL[kind];
}

/** "kind:id", as in the CSV's `related` cell and in revisions. */
export const relationRef = (kind: RelationSlug, id: string) => `${kind}:${id}`;

/** Sorted by kind (in the order above), then id: the order of the CSV cell. */
export function sortRefs(refs: { kind: RelationSlug; id: string }[]) {
  return [...refs].sort(
    (a, b) =>
      RELATION_KINDS.indexOf(a.kind) - RELATION_KINDS.indexOf(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export type ParsedRelated = { items: { kind: RelationSlug; id: string }[]; problems: string[] };

/** A `related` cell ("precedent-for:2023-09-… | part-of:…") → its items, or what is wrong with each. */
export function parseRelatedCell(value: string | undefined): ParsedRelated {
  const items: ParsedRelated["items"] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const raw of (value ?? "")
    .split("|")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const at = raw.indexOf(":");
    const kind = at < 0 ? "" : raw.slice(0, at).trim();
    const id = at < 0 ? "" : raw.slice(at + 1).trim();
    if (at < 0 || !id) {
      problems.push(
        `${quote(raw)} is not “kind:event id” (for example precedent-for:2022-05-26-russia-china-veto-dprk-sanctions)`,
      );
    } else if (!isRelationSlug(kind)) {
      problems.push(`${quote(kind)} is not a kind of relation; use one of ${RELATION_KINDS.join(", ")}`);
    } else if (!isEventId(id)) {
      problems.push(`${quote(id)} is not an event id`);
    } else if (!seen.has(relationRef(kind, id))) {
      seen.add(relationRef(kind, id));
      items.push({ kind, id });
    }
  }
  return { items, problems };
}

/** "responds to" → "Responds to", for a label that starts a line. */
export const cap = (label: string) => label.charAt(0).toUpperCase() + label.slice(1);
