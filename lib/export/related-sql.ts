// An event's links (event_relation) as the exports show them, read when the answer is written:
// only links with public events (published, not deleted), as on the event page. They are not
// kept in the export rows, because a link shows or hides with the other event's status, which
// an event's own row cannot follow without refreshing, and locking, every linked event on every
// change (see the export_csv_related migration); the rows keep only whether the event has
// outgoing links (has_links), so the CSV asks only for those. The event is `e`.

// The other event `o` of a link, when it is public: a link to anything else is not shown.
const PUBLIC_OTHER = `o.status = 'published' AND NOT o.deleted`;
// Links out of `e` and into it, each with the other event's id.
const LINKS = `(SELECT l.kind, 'outgoing' AS direction, l.to_event_id AS id FROM event_relation l WHERE l.from_event_id = e.id
    UNION ALL SELECT l.kind, 'incoming', l.from_event_id FROM event_relation l WHERE l.to_event_id = e.id) l
  JOIN event o ON o.id = l.id AND ${PUBLIC_OTHER}`;
// The kinds in RELATION_KINDS' order (the enum's), then ids in byte order, as JavaScript sorts them.
const ORDER = `l.direction = 'incoming', l.kind, l.id COLLATE "C"`;

/**
 * The CSV's related cell: outgoing links as "kind:id" joined by " | ", null when there are none.
 * Outgoing only, so one index range per event; ordered as ORDER orders the outgoing ones.
 */
export const RELATED_CELL_SQL = `(SELECT string_agg(l.kind::text || ':' || l.to_event_id, ' | ' ORDER BY l.kind, l.to_event_id COLLATE "C")
  FROM event_relation l JOIN event o ON o.id = l.to_event_id AND ${PUBLIC_OTHER} WHERE l.from_event_id = e.id)`;

/** The API's related member as compact JSON text: [{"kind":…,"direction":…,"id":…}], [] when none. */
export const RELATED_JSON_SQL = `coalesce((SELECT '[' || string_agg('{"kind":' || to_json(l.kind::text)::text || ',"direction":"' || l.direction
  || '","id":' || to_json(l.id)::text || '}', ',' ORDER BY ${ORDER}) || ']' FROM ${LINKS}), '[]')`;

/** The same list as json, for the reference loader (lib/export/documents.ts). */
export const RELATED_JSON_VALUE_SQL = `(SELECT coalesce(json_agg(json_build_object('kind', l.kind, 'direction', l.direction, 'id', l.id) ORDER BY ${ORDER}), '[]'::json) FROM ${LINKS})`;
