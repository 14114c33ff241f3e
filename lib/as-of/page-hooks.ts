import "server-only";
// The one-line hooks the public pages call: today's record, or the record as of `as_of`.
import { getEvent } from "../events/queries";
import type { RawParams } from "../events/query-params";
import { getEventAsOf } from "./event-page";
import { parseAsOf } from "./parse";

/** The event page's event: today's, or as it stood at as_of (a refused as_of means today's). */
export function eventFor(id: string, raw: RawParams) {
  const asOf = parseAsOf(raw).asOf;
  return asOf ? getEventAsOf(id, asOf.at) : getEvent(id);
}

/** Whether the page shows the record as of a past moment (a refused as_of shows today's). */
export const isAsOf = (raw: RawParams) => Boolean(parseAsOf(raw).asOf);

/** The public history up to as_of: later changes had not happened then. */
export function historyFor<T extends { createdAt: Date }>(history: T[], raw: RawParams): T[] {
  const asOf = parseAsOf(raw).asOf;
  return asOf ? history.filter((h) => h.createdAt <= asOf.at) : history;
}
