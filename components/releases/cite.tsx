import Link from "next/link";
import { connection } from "next/server";
import { apaRelease, apaTracker, bibtexRelease, bibtexTracker, type CitedRelease } from "@/lib/releases/citation";
import { datasetMetadata } from "@/lib/releases/metadata";
import { latestRelease, getRelease } from "@/lib/releases/queries";
import { logger } from "@/lib/log";
import "./releases.css";

/** How to cite one release: APA and BibTeX, from the metadata CITATION.cff is written from. */
export function CiteRelease({ release }: { release: CitedRelease }) {
  const meta = datasetMetadata();
  return (
    <div className="cite">
      <h3>APA</h3>
      <p className="cite-text">{apaRelease(meta, release)}</p>
      <h3>BibTeX</h3>
      <pre className="cite-text" tabIndex={0} aria-label={`BibTeX for release ${release.version}`}>
        {bibtexRelease(meta, release)}
      </pre>
    </div>
  );
}

async function newest(): Promise<CitedRelease | null> {
  try {
    const latest = await latestRelease();
    const r = latest && (await getRelease(latest.version));
    return r ? { version: r.version, createdAt: r.createdAt } : null;
  } catch (err) {
    // /data stays up without the database: the tracker's citation needs none.
    logger.warn({ err: (err as Error).message }, "latest release unreadable; /data shows the tracker's citation only");
    return null;
  }
}

/** /data's "How to cite": the tracker (which changes) and its newest release (which does not). */
export async function CiteData() {
  await connection(); // the newest release is read per request, never at build time
  const meta = datasetMetadata();
  const release = await newest();
  return (
    <section aria-labelledby="cite-heading">
      <h2 id="cite-heading">How to cite</h2>
      <p>
        The tracker changes as events are published and corrected. For work others must be able to check, cite a
        numbered <Link href="/data/releases">release</Link>: its files never change, and each one says what changed
        since the one before. Each release includes a <code>CITATION.cff</code> with the same details. Data licence:{" "}
        {meta.license.path ? <a href={meta.license.path}>{meta.license.title}</a> : meta.license.title} (
        {meta.license.name}).
      </p>
      {release ? (
        <>
          <h3 className="cite-for">The newest release, {release.version}</h3>
          <CiteRelease release={release} />
        </>
      ) : (
        <p>No release has been made yet.</p>
      )}
      <h3 className="cite-for">The tracker as a whole</h3>
      <div className="cite">
        <h3>APA</h3>
        <p className="cite-text">{apaTracker(meta, null)}</p>
        <h3>BibTeX</h3>
        <pre className="cite-text" tabIndex={0} aria-label="BibTeX for the tracker">
          {bibtexTracker(meta, null)}
        </pre>
      </div>
    </section>
  );
}
