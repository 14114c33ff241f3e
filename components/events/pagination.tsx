import { serializeEventQuery, type EventQuery } from "@/lib/events/query-params";

function pageWindow(page: number, pageCount: number): (number | "gap")[] {
  const pages = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...pages].sort((a, b) => a - b);
  return sorted.flatMap((p, i) => (i > 0 && p - sorted[i - 1] > 1 ? (["gap", p] as const) : [p]));
}

// Plain anchors: each page is a full load that an HTTP cache can answer (see events-table.tsx).
export function Pagination({ query, page, pageCount }: { query: EventQuery; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const href = (p: number) => `/events${serializeEventQuery({ ...query, page: p })}`;
  return (
    <nav aria-label="Pages">
      <ul className="pagination">
        {page > 1 && (
          <li>
            <a href={href(page - 1)} rel="prev">
              Previous page
            </a>
          </li>
        )}
        {pageWindow(page, pageCount).map((p, i) =>
          p === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              <a href={href(p)} aria-current={p === page ? "page" : undefined} aria-label={`Page ${p}`}>
                {p}
              </a>
            </li>
          ),
        )}
        {page < pageCount && (
          <li>
            <a href={href(page + 1)} rel="next">
              Next page
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
