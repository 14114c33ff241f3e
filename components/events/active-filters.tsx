import { eventTypeLabel } from "@/lib/events/codebook";
import { serializeEventQuery, type EventQuery } from "@/lib/events/query-params";

/** How many filters the view applies: one per chip below (the phone's "Filters (n active)"). */
export function activeFilterCount(query: EventQuery): number {
  return (
    (query.q ? 1 : 0) +
    query.types.length +
    query.actors.length +
    query.claims.length +
    (query.from ? 1 : 0) +
    (query.to ? 1 : 0) +
    (query.includeRetracted ? 1 : 0)
  );
}

/** One removable chip per active filter; each link is the current view minus that filter. */
export function ActiveFilters({
  query,
  actorNames,
  basePath = "/events",
}: {
  query: EventQuery;
  actorNames: Map<string, string>;
  basePath?: string;
}) {
  const base = { ...query, page: 1 };
  const chips: { label: string; href: string }[] = [];
  const href = (q: EventQuery) => `${basePath}${serializeEventQuery(q)}`;
  if (query.q) chips.push({ label: `Search: “${query.q}”`, href: href({ ...base, q: undefined }) });
  for (const t of query.types)
    chips.push({
      label: `Type: ${eventTypeLabel(t)}`,
      href: href({ ...base, types: query.types.filter((x) => x !== t) }),
    });
  for (const a of query.actors)
    chips.push({
      label: `Actor: ${actorNames.get(a) ?? a}`,
      href: href({ ...base, actors: query.actors.filter((x) => x !== a) }),
    });
  for (const c of query.claims)
    chips.push({ label: `Claim: ${c}`, href: href({ ...base, claims: query.claims.filter((x) => x !== c) }) });
  if (query.from)
    chips.push({ label: `From ${query.from}`, href: href({ ...base, from: undefined, fromDay: undefined }) });
  if (query.to) chips.push({ label: `To ${query.to}`, href: href({ ...base, to: undefined, toDay: undefined }) });
  if (query.includeRetracted)
    chips.push({ label: "Including retracted", href: href({ ...base, includeRetracted: false }) });
  if (!chips.length) return null;
  return (
    <nav aria-label="Active filters">
      <ul className="chips">
        {chips.map((c) => (
          <li key={c.label}>
            <a href={c.href} aria-label={`Remove filter ${c.label}`}>
              {c.label} <span aria-hidden="true">×</span>
            </a>
          </li>
        ))}
        <li>
          <a href={`${basePath}${serializeEventQuery({ sort: query.sort, pageSize: query.pageSize })}`}>
            Clear all filters
          </a>
        </li>
      </ul>
    </nav>
  );
}
