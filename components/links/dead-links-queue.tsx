// The desk's "Dead links" queue: cited addresses that failed on checks at least a day apart
// (lib/links/health.ts, the rule the public page uses too), with the archived copy when there is
// one, so an editor can replace the address or add an archive link.
import Link from "next/link";
import { currentUser } from "@/lib/authz";
import { db } from "@/lib/db";
import { eventsVisibleTo } from "@/lib/events/visibility";
import { listDeadLinks } from "@/lib/links/queries";

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export async function DeadLinksQueue() {
  // A contributor sees the dead links of the events they may read, not titles of others' drafts.
  const rows = await listDeadLinks(db(), undefined, eventsVisibleTo(await currentUser()));
  return (
    <section aria-labelledby="dead-links-heading">
      <h2 id="dead-links-heading">Dead links ({rows.length})</h2>
      {rows.length === 0 ? (
        <p className="muted">No cited address has been failing for a day or more.</p>
      ) : (
        <div className="table-wrap">
          <table className="events">
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Source</th>
                <th scope="col">Address</th>
                <th scope="col">Dead since</th>
                <th scope="col">Archived copy</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.eventId} ${r.which} ${r.url}`}>
                  <td>
                    <Link href={`/editor/events/${r.eventId}`}>{r.eventTitle}</Link>{" "}
                    <span className="muted">({r.eventStatus.replace("_", " ")})</span>
                  </td>
                  <td>
                    {r.sourceTitle}
                    {r.publisher && <span className="muted"> — {r.publisher}</span>}
                  </td>
                  <td>
                    {r.which === "archive" && <>The archive link: </>}
                    <a href={r.url} rel="noreferrer noopener" target="_blank">
                      {r.url}
                    </a>
                    <div className="muted">
                      {r.httpStatus ?? ""} {r.detail}
                    </div>
                  </td>
                  <td>
                    {utc(r.since)}
                    <div className="muted">last checked {utc(r.lastCheckedAt)}</div>
                  </td>
                  <td>
                    {r.archivedUrl ? (
                      <a href={r.archivedUrl} rel="noreferrer noopener" target="_blank">
                        {r.archivedUrl}
                      </a>
                    ) : r.which === "archive" ? (
                      "—"
                    ) : (
                      <span className="muted">none: add one</span>
                    )}
                    {r.archiveDead && <div className="badge denied">dead too</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
