import "server-only";
// CHANGELOG.md of a release: what changed in the public record since the previous release, by
// event id. Computed from the two releases' memberships (release_event: id, version, status)
// and, for the events whose version moved, the public revisions in between, whose notes readers
// already see on the event's page ("Corrections and history").
import type pg from "pg";

export interface ChangeEntry {
  id: string;
  title: string;
  /** Public notes of the revisions between the two releases, oldest first. */
  notes: string[];
}

export interface Changes {
  added: ChangeEntry[];
  corrected: ChangeEntry[];
  updated: ChangeEntry[];
  retracted: ChangeEntry[];
  deleted: ChangeEntry[];
}

export interface ChangelogInput {
  version: string;
  title: string;
  createdAt: Date;
  eventCount: number;
  sourceCount: number;
  previous: { version: string; createdAt: Date; eventCount: number } | null;
  changes: Changes;
}

/** Markdown's punctuation escaped, so an editor's title or note is shown as written. */
const md = (s: string) =>
  s
    .replace(/\s+/g, " ")
    .trim()
    .replace(/([\\`*_[\]{}<>#|!~])/g, "\\$1");

const SECTIONS: [keyof Changes, string, string][] = [
  ["added", "Added", "Published since the previous release."],
  ["corrected", "Corrected", "An error in the event was corrected; the notes say what."],
  ["updated", "Updated", "New information was added to the event."],
  ["retracted", "Retracted", "Withdrawn by the editors; still in events.csv with status retracted."],
  ["deleted", "Deleted", "Removed from the public record; no longer in the files."],
];

export function renderChangelog(c: ChangelogInput): string {
  const n = (x: number) => x.toLocaleString("en");
  const lines = [
    `# Changelog: release ${c.version}`,
    "",
    `${md(c.title)}. Made ${c.createdAt.toISOString()}: ${n(c.eventCount)} events, ${n(c.sourceCount)} sources.`,
    "",
  ];
  if (!c.previous) {
    lines.push("The first release: every event in it is new.", "");
    return lines.join("\n");
  }
  lines.push(
    `Compared with release ${c.previous.version} (${c.previous.createdAt.toISOString()}, ${n(c.previous.eventCount)} events).`,
    "",
  );
  for (const [key, heading, meaning] of SECTIONS) {
    const entries = c.changes[key];
    lines.push(`## ${heading} (${n(entries.length)})`, "", meaning, "");
    if (!entries.length) lines.push("None.", "");
    else {
      for (const e of entries) {
        lines.push(`- \`${e.id}\` — ${md(e.title)}`);
        for (const note of e.notes) lines.push(`  - ${md(note)}`);
      }
      lines.push("");
    }
  }
  return lines.join("\n");
}

interface Row {
  id: string;
  title: string;
  kind: keyof Changes;
  notes: string[] | null;
}

/**
 * The changes from release `previousId` to release `currentId`, both already stored. Version
 * moved with a correction among the revisions in between: corrected; moved to retracted:
 * retracted; otherwise moved: updated. Gone from the release: deleted.
 */
export async function computeChanges(
  client: pg.PoolClient | pg.Client,
  previousId: number,
  currentId: number,
): Promise<Changes> {
  const { rows } = await client.query<Row>(
    // Straight on release_event (its primary key is release_id, event_id): as CTEs read twice,
    // PostgreSQL would materialise them and the anti-joins would scan one per row of the other.
    `WITH moved AS (
            SELECT c.event_id, p.version AS from_version, c.version AS to_version, c.status AS to_status, p.status AS from_status
              FROM release_event c JOIN release_event p ON p.release_id = $1 AND p.event_id = c.event_id
             WHERE c.release_id = $2 AND c.version <> p.version),
          notes AS (
            SELECT m.event_id, bool_or(r.kind = 'correction') AS corrected,
                   array_agg(initcap(r.kind::text) || ': ' || r.note ORDER BY r.id) FILTER (WHERE r.note IS NOT NULL AND r.kind::text IN ('correction', 'update', 'retract', 'restore')) AS notes
              FROM moved m JOIN revision r ON r.event_id = m.event_id AND r.version > m.from_version AND r.version <= m.to_version
             GROUP BY m.event_id)
     SELECT c.event_id AS id, e.title, 'added' AS kind, NULL::text[] AS notes
       FROM release_event c JOIN event e ON e.id = c.event_id
      WHERE c.release_id = $2 AND NOT EXISTS (SELECT 1 FROM release_event p WHERE p.release_id = $1 AND p.event_id = c.event_id)
     UNION ALL
     SELECT p.event_id, coalesce(e.title, p.event_id), 'deleted', NULL
       FROM release_event p LEFT JOIN event e ON e.id = p.event_id
      WHERE p.release_id = $1 AND NOT EXISTS (SELECT 1 FROM release_event c WHERE c.release_id = $2 AND c.event_id = p.event_id)
     UNION ALL
     SELECT m.event_id, e.title,
            CASE WHEN m.to_status = 'retracted' AND m.from_status <> 'retracted' THEN 'retracted'
                 WHEN coalesce(n.corrected, false) THEN 'corrected' ELSE 'updated' END,
            n.notes
       FROM moved m JOIN event e ON e.id = m.event_id LEFT JOIN notes n ON n.event_id = m.event_id
     ORDER BY 1`,
    [previousId, currentId],
  );
  const changes: Changes = { added: [], corrected: [], updated: [], retracted: [], deleted: [] };
  for (const r of rows) changes[r.kind].push({ id: r.id, title: r.title, notes: r.notes ?? [] });
  return changes;
}
