import type { Metadata } from "next";
import Link from "next/link";
import { ActorLink } from "@/components/actors/actor-link";
import { Notices } from "@/components/ui/notices";
import { actorKindLabel, countryName, parseActorListQuery, serializeActorListQuery } from "@/lib/actors/list-params";
import { listActors } from "@/lib/actors/queries";
import { ACTOR_KINDS } from "@/lib/events/codebook";
import "@/components/actors/actors.css";

export const metadata: Metadata = { title: "Actors" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ActorsPage({ searchParams }: Props) {
  const { query, notices } = parseActorListQuery(await searchParams);
  const result = await listActors(query);
  const filtered = Boolean(query.q || query.kind || query.country);
  const summary =
    result.total === 0
      ? "No actors match"
      : `${result.total} ${result.total === 1 ? "actor" : "actors"}${result.pageCount > 1 ? `, page ${result.page} of ${result.pageCount}` : ""}`;
  return (
    <>
      <h1>Actors</h1>
      <p>
        The states, people, organisations, international bodies and companies named in the published events, with how
        many public events name each.
      </p>
      <form className="actor-list-filters" method="get" action="/actors" role="search" aria-label="Find actors">
        <div>
          <label htmlFor="a-q">Name or alias</label>
          <input id="a-q" type="search" name="q" defaultValue={query.q ?? ""} maxLength={100} />
        </div>
        <div>
          <label htmlFor="a-kind">Kind</label>
          <select id="a-kind" name="kind" defaultValue={query.kind ?? ""}>
            <option value="">Any kind</option>
            {Object.keys(ACTOR_KINDS).map((k) => (
              <option key={k} value={k}>
                {actorKindLabel(k)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="a-country">Country code</label>
          <input
            id="a-country"
            type="text"
            name="country"
            defaultValue={query.country ?? ""}
            maxLength={2}
            size={4}
            pattern="[A-Za-z]{2}"
            aria-describedby="a-country-help"
            autoCapitalize="characters"
          />
          <span id="a-country-help" className="muted">
            Two letters, e.g. RU
          </span>
        </div>
        <button type="submit" className="button">
          Find
        </button>
        {filtered && <Link href="/actors">Clear</Link>}
      </form>
      <Notices notices={notices} />
      <div className="result-bar">
        <p role="status" aria-live="polite">
          <strong>{summary}</strong>
        </p>
        <p>
          <a href="/actors.csv" download>
            Export all actors (CSV)
          </a>
        </p>
      </div>
      {result.rows.length > 0 && (
        <div className="actor-table-wrap">
          <table className="actor-list">
            <caption className="visually-hidden">Actors{filtered ? " matching the filters" : ""}, by name</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Country</th>
                <th scope="col" className="num">
                  Public events
                </th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((a) => (
                <tr key={a.slug}>
                  <td>
                    <ActorLink slug={a.slug} name={a.name} />
                    {a.aliases.length > 0 && (
                      <>
                        <br />
                        <span className="muted">
                          also {a.aliases.slice(0, 3).join(", ")}
                          {a.aliases.length > 3 ? "…" : ""}
                        </span>
                      </>
                    )}
                  </td>
                  <td>{actorKindLabel(a.kind)}</td>
                  <td>{a.country ? countryName(a.country) : "—"}</td>
                  <td className="num">{a.eventCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result.pageCount > 1 && (
        <nav aria-label="Pages" className="pagination">
          {result.page > 1 && (
            <Link href={`/actors${serializeActorListQuery({ ...query, page: result.page - 1 })}`}>Previous page</Link>
          )}{" "}
          {result.page < result.pageCount && (
            <Link href={`/actors${serializeActorListQuery({ ...query, page: result.page + 1 })}`}>Next page</Link>
          )}
        </nav>
      )}
    </>
  );
}
