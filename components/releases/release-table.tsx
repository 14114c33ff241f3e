import Link from "next/link";
import type { ReleaseSummary } from "@/lib/releases/queries";
import { formatSize } from "./format";

/** The releases, newest first: date, counts, and the zip of each. */
export function ReleaseTable({ releases }: { releases: ReleaseSummary[] }) {
  if (!releases.length) return <p>No release has been made yet.</p>;
  return (
    <div className="table-wrap">
      <table className="events">
        <caption className="visually-hidden">Releases, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Title</th>
            <th scope="col">Made</th>
            <th scope="col">Events</th>
            <th scope="col">Sources</th>
            <th scope="col">Download</th>
          </tr>
        </thead>
        <tbody>
          {releases.map((r) => {
            const zip = r.files.find((f) => f.name.endsWith(".zip"));
            return (
              <tr key={r.version}>
                <td>
                  <Link href={`/data/releases/${r.version}`}>{r.version}</Link>
                </td>
                <td>{r.title}</td>
                <td>
                  <time dateTime={r.createdAt.toISOString()}>
                    {r.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                  </time>
                </td>
                <td>{r.eventCount.toLocaleString("en")}</td>
                <td>{r.sourceCount.toLocaleString("en")}</td>
                <td>
                  {zip && (
                    <a href={`/data/releases/${r.version}/${zip.name}`} download>
                      Zip of release {r.version} ({formatSize(zip.size)})
                    </a>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
