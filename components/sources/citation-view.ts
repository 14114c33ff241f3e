// What the public event page says about each citation, as pure functions so the wording and the
// rules are unit-tested: which group a citation belongs to, what the quote check means in words,
// and which address a reader is offered when a link has died (lib/links/health.ts decides that).
import { formatEventDate, toIsoDay } from "@/lib/events/date-span";
import { isDeadLink, type LinkCheckState } from "@/lib/links/health";

/** A day the way the site writes every date: "30 November 2026". */
export const formatDay = (d: Date) => formatEventDate({ startDate: toIsoDay(d), precision: "day" });

/** A source's partial publication date (YYYY, YYYY-MM or YYYY-MM-DD) as precisely as it is known. */
export function formatPublishedOn(value: string): string {
  if (/^\d{4}$/.test(value)) return formatEventDate({ startDate: `${value}-01-01`, precision: "year" });
  if (/^\d{4}-\d{2}$/.test(value)) return formatEventDate({ startDate: `${value}-01`, precision: "month" });
  return formatEventDate({ startDate: value, precision: "day" });
}

/**
 * Supporting and context citations stay together in the editor's order; disputing ones go under
 * their own heading, so a denial is never read as support.
 */
export function groupCitations<T extends { stance: string }>(sources: T[]): { supporting: T[]; disputing: T[] } {
  return {
    supporting: sources.filter((s) => s.stance !== "disputes"),
    disputing: sources.filter((s) => s.stance === "disputes"),
  };
}

/** "Disputed by 2 sources": the mark the table, the timeline and the event page share. */
export const disputedLabel = (count: number) => `Disputed by ${count} ${count === 1 ? "source" : "sources"}`;

export type QuoteCheckText = { tone: "verified" | "unchecked" | "not-found"; text: string };

/**
 * The check shown beside a quote, in words. `not_found` is published only after an editor
 * confirmed it with a reason, which the public history carries; the page says both plainly.
 */
export function quoteCheckText(check: string, capturedAt: Date | null | undefined): QuoteCheckText | null {
  const copy = capturedAt ? `the copy captured on ${formatDay(capturedAt)}` : "the captured copy";
  switch (check) {
    case "verified":
      return {
        tone: "verified",
        text: capturedAt
          ? `Checked against a copy captured ${formatDay(capturedAt)}`
          : "Checked against a captured copy",
      };
    case "not_found":
      return {
        tone: "not-found",
        text: `Not found word for word in ${copy}. An editor published it anyway; the reason is in the history below.`,
      };
    case "no_copy":
      return { tone: "unchecked", text: "Not yet checked against a copy" };
    default:
      return null; // no_quote: a note alone has nothing to check
  }
}

export interface LinkInput {
  url: string | null;
  archivedUrl: string | null;
  urlCheck: LinkCheckState | null;
  archiveCheck: LinkCheckState | null;
  capture: { capturedAt: Date } | null;
}

export interface LinkOffer {
  /** The address readers may follow for the source itself; null when it is dead (or unknown). */
  url: string | null;
  /** Set when the source's address is dead: the day of the check that found it so. */
  urlDeadCheckedAt: Date | null;
  /** An archive address that still works; a dead one is never offered as working. */
  archivedUrl: string | null;
  /** Set when the archive address is dead too. */
  archiveDeadCheckedAt: Date | null;
  /** When the address is dead and no archive works, the capture date stands in (the copy is for editors). */
  fallbackCapturedAt: Date | null;
}

export function linkOffer(s: LinkInput): LinkOffer {
  const urlDead = Boolean(s.url) && isDeadLink(s.urlCheck);
  const archiveDead = Boolean(s.archivedUrl) && isDeadLink(s.archiveCheck);
  const archivedUrl = s.archivedUrl && !archiveDead ? s.archivedUrl : null;
  return {
    url: urlDead ? null : s.url,
    urlDeadCheckedAt: urlDead ? s.urlCheck!.lastCheckedAt : null,
    archivedUrl,
    archiveDeadCheckedAt: archiveDead ? s.archiveCheck!.lastCheckedAt : null,
    fallbackCapturedAt: urlDead && !archivedUrl ? (s.capture?.capturedAt ?? null) : null,
  };
}
