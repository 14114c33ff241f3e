import { Fragment } from "react";
import { ActorLink } from "./actor-link";

/**
 * Actors' names, comma-separated, each linking to its actor page; an actor with two roles in one
 * event is named once. With `max`, the rest are counted ("and 3 more").
 */
export function ActorNames({ actors, max }: { actors: { slug: string; name: string }[]; max?: number }) {
  const unique = [...new Map(actors.map((a) => [a.slug, a.name])).entries()];
  const shown = max ? unique.slice(0, max) : unique;
  const more = unique.length - shown.length;
  return (
    <>
      {shown.map(([slug, name], i) => (
        <Fragment key={slug}>
          {i > 0 && ", "}
          <ActorLink slug={slug} name={name} />
        </Fragment>
      ))}
      {more > 0 && ` and ${more} more`}
    </>
  );
}
