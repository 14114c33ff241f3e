import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ReleaseTable } from "@/components/releases/release-table";
import { listReleases, releaseText } from "@/lib/releases/queries";
import "@/components/releases/releases.css";

export const metadata: Metadata = { title: "Data releases" };

export default async function ReleasesPage() {
  await connection();
  const releases = await listReleases();
  const newest = releases[0];
  const changelog = newest ? await releaseText(newest.version, "CHANGELOG.md") : null;
  return (
    <>
      <h1>Data releases</h1>
      <p>
        Each release is the public record as it stood at one moment: every published and retracted event, every cited
        source and every public actor, in the same CSV format as the <Link href="/data">live downloads</Link>, with a{" "}
        <a href="https://specs.frictionlessdata.io/data-package/">Frictionless Data Package</a> description (
        <code>datapackage.json</code>), a changelog against the release before it and a citation file. A release never
        changes: every file is listed with its SHA-256, and the same file always gives the same bytes.
      </p>
      <p>
        Releases are numbered <em>year.month.n</em>: 2026.12.1 is the first release made in December 2026 (UTC),
        2026.12.2 the second.{" "}
        {newest && (
          <>
            <Link href="/data/releases/latest">/data/releases/latest</Link> always leads to the newest.{" "}
          </>
        )}
        The list is also in the API:{" "}
        <Link href="/api/v1/releases" prefetch={false}>
          /api/v1/releases
        </Link>
        .
      </p>
      <ReleaseTable releases={releases} />
      {newest && changelog && (
        <>
          <h2>What changed in {newest.version}</h2>
          <pre className="release-changelog" tabIndex={0} aria-label={`Changelog of release ${newest.version}`}>
            {changelog}
          </pre>
        </>
      )}
    </>
  );
}
