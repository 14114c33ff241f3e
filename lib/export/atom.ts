import "server-only";
import { listPublicChanges } from "../events/queries";

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);
const LABEL: Record<string, string> = { publish: "New", correction: "Corrected", update: "Updated", retract: "Retracted", restore: "Restored" };

/** Atom 1.0 (RFC 4287): new, corrected, updated and retracted events, newest first. */
export async function atomFeed(origin: string): Promise<string> {
  // Changes since each event's first publication only, as on the event's page.
  const revisions = await listPublicChanges(50);
  const host = new URL(origin).hostname;
  const updated = (revisions[0]?.createdAt ?? new Date(0)).toISOString();
  const entries = revisions.map((r) => {
    const link = `${origin}/events/${r.event.id}`;
    const text = r.kind === "retract" ? `Retracted: ${r.event.retractionReason ?? r.note ?? ""}` : r.note ? `${r.note} — ${r.event.summary}` : r.event.summary;
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
  <id>${escapeXml(`${origin}/events.atom`)}</id>
  <title>Sanctions &amp; Arms-Transfer Tracker: new and changed events</title>
  <updated>${updated}</updated>
  <author><name>Sanctions &amp; Arms-Transfer Tracker</name></author>
  <link rel="self" type="application/atom+xml" href="${escapeXml(`${origin}/events.atom`)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(`${origin}/events`)}"/>
${entries.join("\n")}
</feed>
`;
}
