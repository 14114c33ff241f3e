// Which lane each visible event is drawn in. Every event must appear at least once — the
// timeline promises exactly the events of the table — so actors beyond the lane budget share an
// "Other actors" lane, and events with no recorded actor get a lane of their own.
import { EVENT_TYPE_SLUGS, eventTypeLabel } from "../events/codebook";
import type { TimelineEvent } from "./geometry";

export const MAX_ACTOR_LANES = 12;
/** Beyond this many marks in view the chart draws counts per period instead (page budget ~500). */
export const MAX_MARKS = 400;
export const OTHER_ACTORS = "Other actors";
export const NO_ACTOR = "No actor recorded";

export interface Lane {
  label: string;
  events: TimelineEvent[];
}

/** Type lanes in codebook order (unknown types last); actor lanes busiest first. */
export function assignLanes(events: TimelineEvent[], mode: "type" | "actor", maxActorLanes = MAX_ACTOR_LANES): Lane[] {
  if (mode === "type") {
    const order = (t: string) => {
      const i = EVENT_TYPE_SLUGS.indexOf(t as (typeof EVENT_TYPE_SLUGS)[number]);
      return i < 0 ? EVENT_TYPE_SLUGS.length : i;
    };
    const byType = group(events, (e) => [e.type]);
    return [...byType]
      .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
      .map(([type, list]) => ({ label: eventTypeLabel(type), events: list }));
  }
  const counts = new Map<string, number>();
  for (const e of events) for (const a of e.lanes) counts.set(a, (counts.get(a) ?? 0) + 1);
  const top = new Set(
    [...counts]
      .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
      .slice(0, maxActorLanes)
      .map(([a]) => a),
  );
  const byActor = group(events, (e) => {
    const own = e.lanes.filter((a) => top.has(a));
    return own.length ? own : [e.lanes.length ? OTHER_ACTORS : NO_ACTOR];
  });
  const rank = (label: string) => (label === NO_ACTOR ? 2 : label === OTHER_ACTORS ? 1 : 0);
  return [...byActor]
    .sort(([a, m], [b, n]) => rank(a) - rank(b) || n.length - m.length || a.localeCompare(b))
    .map(([label, list]) => ({ label, events: list }));
}

/** Groups in input order, so each lane stays chronological when the events are. */
function group(events: TimelineEvent[], keys: (e: TimelineEvent) => string[]) {
  const lanes = new Map<string, TimelineEvent[]>();
  for (const e of events) {
    for (const k of keys(e)) {
      const list = lanes.get(k);
      if (list) list.push(e);
      else lanes.set(k, [e]);
    }
  }
  return lanes;
}

/** Item elements the lanes would need if every event were drawn as its own mark. */
export const markCount = (lanes: Lane[]) => lanes.reduce((n, l) => n + l.events.length, 0);
