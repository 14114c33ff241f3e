import type { Metadata } from "next";
import Link from "next/link";
import { DeadLinksQueue } from "@/components/links/dead-links-queue";
import { requireUser } from "@/lib/authz";
import { listDeskQueues } from "@/lib/events/editor-queries";

export const metadata: Metadata = { title: "Editors' desk" };

function Queue({
  title,
  rows,
  empty,
}: {
  title: string;
  rows: { id: string; title: string; status: string; updatedAt: Date }[];
  empty: string;
}) {
  return (
    <section>
      <h2>
        {title} ({rows.length})
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul>
          {rows.map((r) => (
            <li key={r.id}>
              <Link href={`/editor/events/${r.id}`}>{r.title}</Link>{" "}
              <span className="muted">
                — {r.status.replace("_", " ")}, changed {r.updatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default async function DeskPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser("contributor", "/editor");
  const params = await searchParams;
  const q = await listDeskQueues(user);
  return (
    <>
      <h1>Editors&apos; desk</h1>
      {params.denied && (
        <div className="notice" role="alert">
          That page needs a higher role than yours.
        </div>
      )}
      {params.deleted && (
        <div className="notice" role="status">
          The event was deleted. It is kept with its history but shown nowhere.
        </div>
      )}
      <p>
        <Link className="button" href="/editor/events/new">
          New event
        </Link>
      </p>
      <Queue title="My drafts" rows={q.myDrafts} empty="No drafts of yours." />
      <Queue title="In review" rows={q.inReview} empty="Nothing waits for review." />
      <Queue title="Recently published" rows={q.recentlyPublished} empty="Nothing published yet." />
      <DeadLinksQueue />
      <section>
        <h2>Quotes not found in their copies ({q.quotesNotFound.length})</h2>
        {q.quotesNotFound.length === 0 ? (
          <p className="muted">Every quote with a captured copy was found in it.</p>
        ) : (
          <ul>
            {q.quotesNotFound.map((s) => (
              <li key={`${s.event.id}-${s.position}`}>
                <Link href={`/editor/events/${s.event.id}`}>{s.event.title}</Link>, source {s.position + 1} (
                {s.publisher ?? s.title})
                <span className="muted">
                  {" "}
                  — {s.event.status.replace("_", " ")}: “
                  {s.quote && s.quote.length > 80 ? `${s.quote.slice(0, 80)}…` : s.quote}”
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
