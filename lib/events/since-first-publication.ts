import { Prisma } from "../generated/prisma/client";

// Readers see an event's changes from its first publication on: what happened to it as a draft
// (edits, restores) is the desk's business. The first publication is a `publish` revision, or a
// `create` revision that made the event public at once (an editor's or an import's).
// Over the revision `r`; shared by the event page's history and the feeds.
export const SINCE_FIRST_PUBLICATION = Prisma.sql`
  r.kind::text IN ('publish', 'correction', 'update', 'retract', 'restore')
  AND r.id >= (SELECT min(p.id) FROM revision p
                WHERE p.event_id = r.event_id
                  AND (p.kind = 'publish' OR (p.kind = 'create' AND p.snapshot->>'status' = 'published')))`;
