// The filter form is a plain GET form: the URL is the only state, so a link, a reload or Back
// shows the same view, and it works before (or without) any JavaScript.
import { activeFilterCount } from "@/components/events/active-filters";
import { ActorPicker, type PickedActor } from "@/components/events/actor-picker";
import { PhoneFilters } from "@/components/events/phone-filters";
import { CLAIM_STATUS_SLUGS, EVENT_TYPE_LABELS, EVENT_TYPE_SLUGS } from "@/lib/events/codebook";
import { DEFAULT_PAGE_SIZE, SORTS, type EventQuery } from "@/lib/events/query-params";

const SORT_LABELS: Record<(typeof SORTS)[number], string> = {
  "-date": "Date, newest first",
  date: "Date, oldest first",
  title: "Title, A–Z",
  "-title": "Title, Z–A",
};

/**
 * `listControls` (sort and rows per page) only where there is a list to sort and page.
 * `selectedActors`: the actors the view is filtered by, with their names (never the whole list).
 */
export function EventFilters({
  query,
  selectedActors,
  action = "/events",
  listControls = true,
}: {
  query: EventQuery;
  selectedActors: PickedActor[];
  action?: string;
  listControls?: boolean;
}) {
  return (
    <PhoneFilters count={activeFilterCount(query)}>
      <form className="filters" method="get" action={action} role="search" aria-label="Filter events">
        {/* The record as of a date stays that record while the filters change (lib/as-of). */}
        {query.asOf && <input type="hidden" name="as_of" value={query.asOf} />}
        <div className="row">
          <div>
            <label htmlFor="f-q">Search</label>
            <input
              id="f-q"
              type="search"
              name="q"
              defaultValue={query.q ?? ""}
              maxLength={200}
              placeholder="Title, summary, actor, publisher"
            />
          </div>
          <div>
            <label htmlFor="f-from">From</label>
            <input
              id="f-from"
              type="text"
              name="from"
              defaultValue={query.from ?? ""}
              placeholder="YYYY-MM-DD"
              inputMode="numeric"
              pattern="\d{4}(-\d{2}(-\d{2})?)?"
              aria-describedby="f-date-help"
              size={11}
            />
          </div>
          <div>
            <label htmlFor="f-to">To</label>
            <input
              id="f-to"
              type="text"
              name="to"
              defaultValue={query.to ?? ""}
              placeholder="YYYY-MM-DD"
              inputMode="numeric"
              pattern="\d{4}(-\d{2}(-\d{2})?)?"
              aria-describedby="f-date-help"
              size={11}
            />
          </div>
          {listControls && (
            <>
              <div>
                <label htmlFor="f-sort">Sort by</label>
                <select id="f-sort" name="sort" defaultValue={query.sort}>
                  {SORTS.map((s) => (
                    <option key={s} value={s}>
                      {SORT_LABELS[s]}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor="f-size">Rows per page</label>
                <select id="f-size" name="pageSize" defaultValue={String(query.pageSize)}>
                  {[...new Set([10, DEFAULT_PAGE_SIZE, 50, 100, query.pageSize])]
                    .sort((a, b) => a - b)
                    .map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                </select>
              </div>
            </>
          )}
          <div>
            <label className="inline">
              <input type="checkbox" name="retracted" value="include" defaultChecked={query.includeRetracted} /> Include
              retracted events
            </label>
          </div>
          <button className="button" type="submit">
            Apply filters
          </button>
        </div>
        <p id="f-date-help" className="muted">
          Dates can be a year (2023), a month (2023-09) or a day (2023-09-13). An event matches when any part of its
          date falls in the range.
        </p>
        <details open={query.types.length > 0 || query.claims.length > 0}>
          <summary>Event type and claim status</summary>
          <fieldset>
            <legend>Event type</legend>
            <div className="checks">
              {EVENT_TYPE_SLUGS.map((t) => (
                <label key={t}>
                  <input type="checkbox" name="type" value={t} defaultChecked={query.types.includes(t)} />
                  {EVENT_TYPE_LABELS[t]}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>Claim status</legend>
            <div className="checks">
              {CLAIM_STATUS_SLUGS.map((c) => (
                <label key={c}>
                  <input type="checkbox" name="claim" value={c} defaultChecked={query.claims.includes(c)} />
                  {c}
                </label>
              ))}
            </div>
          </fieldset>
        </details>
        <div className="row">
          <div>
            {/* An actor the view names but the database does not know keeps its slug as its name. */}
            <ActorPicker
              applied={query.actors.map((slug) => selectedActors.find((a) => a.slug === slug) ?? { slug, name: slug })}
            />
          </div>
        </div>
      </form>
    </PhoneFilters>
  );
}
