// The actors named in the same public events as this one, and how (from its role and theirs).
import Link from "next/link";
import type { Counterparty } from "@/lib/actors/queries";
import { actorKindLabel, countryName } from "@/lib/actors/list-params";
import { serializeEventQuery } from "@/lib/events/query-params";
import { ActorLink } from "./actor-link";

export function Counterparties({
  slug,
  name,
  counterparties,
}: {
  slug: string;
  name: string;
  counterparties: Counterparty[];
}) {
  if (!counterparties.length) return <p className="muted">No other actor is named in {name}’s public events.</p>;
  return (
    <>
      <p className="muted">
        The table link lists the events that name either actor (the events filter matches any of the actors chosen).
      </p>
      <ul className="counterparties">
        {counterparties.map((c) => (
          <li key={c.slug}>
            <strong>
              <ActorLink slug={c.slug} name={c.name} />
            </strong>{" "}
            <span className="muted">
              ({[actorKindLabel(c.kind), countryName(c.country)].filter(Boolean).join(", ")})
            </span>
            <br />
            {name} {c.relations.map((r) => `${r.label} (${r.count} ${r.count === 1 ? "event" : "events"})`).join("; ")}.{" "}
            <Link href={`/events${serializeEventQuery({ actors: [slug, c.slug] })}`}>
              Events table: {name} or {c.name}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
