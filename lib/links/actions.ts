"use server";
// The editor's "Check links" on an event's page. A public HTTP endpoint like every server action:
// the role is checked here (checkEventLinks), not by the page that shows the button.
import { revalidatePath } from "next/cache";
import { guardAction } from "../auth/guard";
import { ForbiddenError } from "../auth/roles";
import { reportDatabaseError } from "../database-breaker";
import { db } from "../db";
import { NOTHING_SAVED_MESSAGE } from "../db-errors";
import { NotFoundError } from "../events/errors";
import { logWrite } from "../request-log";
import { sharedHostGate } from "./host-gate";
import { checkEventLinks } from "./run";
import { isEventId } from "../validation/event-id";

export interface CheckedLinkView {
  url: string;
  status: string;
  httpStatus: number | null;
  redirectedTo: string | null;
  detail: string | null;
  dead: boolean;
  /** ISO time of the first failure in the current run of failures. */
  failingSince: string | null;
}

export interface LinkCheckActionState {
  message?: string;
  results?: CheckedLinkView[];
  /** Addresses not reached within the button's time limit. */
  skipped?: string[];
  checkedAt?: string;
}

export async function checkEventLinksAction(
  _prev: LinkCheckActionState,
  formData: FormData,
): Promise<LinkCheckActionState> {
  // The guard before reading the input (a stranger learns nothing about it), in the same words as
  // every other action; checkEventLinks checks the role again.
  const g = await guardAction("editor");
  if (g.refused !== undefined) {
    await logWrite("links.check", null, {}, g.reason);
    return { message: g.refused };
  }
  const { user } = g;
  const raw = formData.get("eventId");
  const eventId = typeof raw === "string" ? raw : "";
  try {
    if (!isEventId(eventId)) {
      await logWrite("links.check", user, {}, "unreadable event id");
      return { message: "The event could not be identified; reload the page and try again." };
    }
    const summary = await checkEventLinks(db(), user, eventId, { gate: sharedHostGate() });
    await logWrite("links.check", user, { eventId, checked: summary.results.length, skipped: summary.skipped.length });
    if (summary.visibilityChanged.length > 0) revalidatePath(`/events/${eventId}`);
    return {
      results: summary.results.map((r) => ({
        url: r.url,
        status: r.status,
        httpStatus: r.httpStatus,
        redirectedTo: r.redirectedTo,
        detail: r.detail,
        dead: r.dead,
        failingSince: r.firstFailureAt?.toISOString() ?? null,
      })),
      skipped: summary.skipped.map((s) => s.url),
      checkedAt: new Date().toISOString(),
    };
  } catch (err) {
    await logWrite("links.check", user, { eventId }, err);
    if (err instanceof ForbiddenError) return { message: err.message };
    if (err instanceof NotFoundError) return { message: err.message };
    if (reportDatabaseError(err)) return { message: NOTHING_SAVED_MESSAGE };
    return { message: "The links could not be checked just now; please try again." };
  }
}
