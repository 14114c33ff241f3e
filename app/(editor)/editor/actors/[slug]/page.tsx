import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { ActorEditForm } from "@/components/actors/actor-edit-form";
import { ActorMergeForm } from "@/components/actors/actor-merge-form";
import { ActorRevisions } from "@/components/actors/actor-revisions";
import { hasRole } from "@/lib/auth/roles";
import { getActorForEditor } from "@/lib/actors/editor-queries";
import { MERGE_ROLE } from "@/lib/actors/mutations";
import { resolveActorRedirect } from "@/lib/actors/queries";
import { ACTOR_SLUG } from "@/lib/actors/schemas";
import { requireUser } from "@/lib/authz";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Edit actor" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EditActorPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const user = await requireUser("editor", `/editor/actors/${slug}`);
  if (!ACTOR_SLUG.test(slug)) notFound();
  const actor = await getActorForEditor(slug);
  if (!actor) {
    const to = await resolveActorRedirect(slug, db());
    if (to) permanentRedirect(`/editor/actors/${to}`);
    notFound();
  }
  const sp = await searchParams;
  const merged = typeof sp.merged === "string" ? sp.merged : null;
  return (
    <>
      <p>
        <Link href="/editor/actors">All actors</Link> · <Link href={`/actors/${actor.slug}`}>Public page</Link>
      </p>
      <h1>Edit {actor.name}</h1>
      {sp.saved && (
        <p className="notice" role="status">
          Saved.
        </p>
      )}
      {sp.unchanged && (
        <p className="notice" role="status">
          Nothing had changed, so nothing was saved.
        </p>
      )}
      {merged && (
        <p className="notice" role="status">
          Merged “{merged}” into {actor.name}.
        </p>
      )}
      <p className="muted">
        Slug {actor.slug} (never changes) · {actor._count.events} event links · version {actor.version}
      </p>
      <ActorEditForm
        slug={actor.slug}
        version={actor.version}
        initial={{
          name: actor.name,
          kind: actor.kind,
          countryCode: actor.countryCode ?? "",
          aliases: actor.aliases.join("\n"),
          description: actor.description ?? "",
        }}
      />
      <h2>Merge a duplicate into this actor</h2>
      {hasRole(user, MERGE_ROLE) ? (
        <ActorMergeForm slug={actor.slug} name={actor.name} version={actor.version} />
      ) : (
        <p className="muted">Only an admin can merge actors: a merge cannot be undone.</p>
      )}
      <h2>Changes</h2>
      <ActorRevisions revisions={actor.revisions} />
    </>
  );
}
