import type { ReleaseSummary } from "@/lib/releases/queries";
import { formatSize } from "./format";

const MEANING: Record<string, string> = {
  "events.csv": "One row per public event, published or retracted",
  "sources.csv": "One row per cited source",
  "actors.csv": "One row per public actor",
  "datapackage.json": "Frictionless Data Package: licence, Table Schema of each file, keys",
  "CHANGELOG.md": "What changed since the previous release",
  "CITATION.cff": "How to cite this release (Citation File Format)",
  SHA256SUMS: "Checksums of the files above (sha256sum -c SHA256SUMS)",
};

/** Each file of a release with its size and SHA-256, the zip first. */
export function ReleaseFiles({ release }: { release: ReleaseSummary }) {
  const files = [...release.files].sort((a, b) => Number(b.name.endsWith(".zip")) - Number(a.name.endsWith(".zip")));
  return (
    <div className="table-wrap">
      <table className="events release-files">
        <caption className="visually-hidden">Files of release {release.version}</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">What it is</th>
            <th scope="col">Size</th>
            <th scope="col">SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr key={f.name}>
              <td>
                <a href={`/data/releases/${release.version}/${f.name}`} download>
                  {f.name}
                </a>
              </td>
              <td>{f.name.endsWith(".zip") ? "All the files below, in one zip" : (MEANING[f.name] ?? "")}</td>
              <td>{formatSize(f.size)}</td>
              <td>
                <code className="sha256">{f.sha256}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
