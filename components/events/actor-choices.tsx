import type { ActorFilter } from "@/lib/actors/typed-actor";

/** The actors that fit what the reader typed, each a link to the view filtered by it (no JavaScript needed). */
export function ActorChoices({ choices }: { choices: ActorFilter["choices"] }) {
  if (!choices.length) return null;
  return (
    <nav aria-label="Matching actors" className="notice">
      <ul>
        {choices.map((c) => (
          <li key={c.href}>
            <a href={c.href}>Filter by {c.name}</a> <span className="muted">({c.description})</span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
