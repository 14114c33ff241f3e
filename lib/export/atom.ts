import "server-only";
import { eventTypeLabel } from "../events/codebook";
import { parseEventQuery, type EventQuery } from "../events/query-params";
import { feedSearch } from "../feeds/feed-query";
import { listViewChanges } from "../feeds/view-feed";

const escapeXml = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);
const LABEL: Record<string, string> = {
  publish: "New",
  correction: "Corrected",
  update: "Updated",
  retract: "Retracted",
  restore: "Restored",
};
const FEED_SIZE = 50;

/** The view's filters in words, for the feed's title ("" for every event). */
function describeView(query: EventQuery): string {
  const parts = [
    query.types.length ? `type ${query.types.map(eventTypeLabel).join(" or ")}` : "",
    query.actors.length ? `actor ${query.actors.join(" or ")}` : "",
    query.claims.length ? `claim ${query.claims.join(" or ")}` : "",
    query.q ? `matching “${query.q}”` : "",
    query.from ? `from ${query.from}` : "",
    query.to ? `to ${query.to}` : "",
  ].filter(Boolean);
  return parts.join(", ");
}

/**
 * Atom 1.0 (RFC 4287): new, corrected, updated and retracted events of one view of /events,
 * newest first. Its id and self link are the view's normalised query, so each view is one feed.
 */
export async function atomFeed(origin: string, query: EventQuery = parseEventQuery({}).query): Promise<string> {
  // Changes since each event's first publication only, as on the event's page.
  const revisions = await listViewChanges(query, FEED_SIZE);
  const host = new URL(origin).hostname;
  const search = feedSearch(query);
  const self = `${origin}/events.atom${search}`;
  const view = describeView(query);
  const updated = (revisions[0]?.createdAt ?? new Date(0)).toISOString();
  const entries = revisions.map((r) => {
    const link = `${origin}/events/${r.event.id}`;
    const text =
      r.kind === "retract"
        ? `Retracted: ${r.event.retractionReason ?? r.note ?? ""}`
        : r.note
          ? `${r.note} — ${r.event.summary}`
          : r.event.summary;
    return `  <entry>
    <id>tag:${escapeXml(host)},2026:event/${escapeXml(r.event.id)}/revision/${r.id}</id>
    <title>${escapeXml(`${LABEL[r.kind] ?? r.kind}: ${r.event.title}`)}</title>
    <updated>${r.createdAt.toISOString()}</updated>
    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>
    <category term="${r.kind}"/>
    <summary type="text">${escapeXml(text)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(self)}</id>
  <title>${escapeXml(`Sanctions & Arms-Transfer Tracker: new and changed events${view ? ` (${view})` : ""}`)}</title>
  <updated>${updated}</updated>
  <author><name>Sanctions &amp; Arms-Transfer Tracker</name></author>
  <link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(`${origin}/events${search}`)}"/>
${entries.join("\n")}
</feed>
`;
}
