import Link from "next/link";

/** An actor's name, linking to its public page: used wherever a public page names an actor. */
export function ActorLink({ slug, name }: { slug: string; name: string }) {
  return <Link href={`/actors/${slug}`}>{name}</Link>;
}
