import type { Metadata } from "next";
import Link from "next/link";
import { listActorsForEditor } from "@/lib/actors/editor-queries";
import { rawValues } from "@/lib/events/query-params";
import { requireUser } from "@/lib/authz";

export const metadata: Metadata = { title: "Actors (editor)" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditorActorsPage({ searchParams }: Props) {
  await requireUser("editor", "/editor/actors");
  const q =
    rawValues(await searchParams, "q")[0]
      ?.trim()
      .slice(0, 100) || undefined;
  const actors = await listActorsForEditor(q);
  return (
    <>
      <h1>Actors</h1>
      <form method="get" action="/editor/actors" role="search" aria-label="Find actors to edit" className="inline-form">
        <label htmlFor="ea-q">Name, slug or alias</label>{" "}
        <input id="ea-q" type="search" name="q" defaultValue={q ?? ""} maxLength={100} />{" "}
        <button type="submit" className="button secondary">
          Find
        </button>
      </form>
      <p className="muted">
        {actors.length === 200
          ? "The first 200 actors"
          : `${actors.length} ${actors.length === 1 ? "actor" : "actors"}`}
        , by name. Events counts include drafts.
      </p>
      <ul>
        {actors.map((a) => (
          <li key={a.slug}>
            <Link href={`/editor/actors/${a.slug}`}>{a.name}</Link>{" "}
            <span className="muted">
              ({a.slug}, {a.kind.replace("_", " ")}
              {a.countryCode ? `, ${a.countryCode}` : ""}, {a._count.events} links)
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
