import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CiteRelease } from "@/components/releases/cite";
import { ReleaseFiles } from "@/components/releases/release-files";
import { getRelease, releaseText } from "@/lib/releases/queries";
import "@/components/releases/releases.css";

type Props = { params: Promise<{ version: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { version } = await params;
  return { title: `Release ${version}` };
}

export default async function ReleasePage({ params }: Props) {
  const { version } = await params;
  const release = await getRelease(version);
  if (!release) notFound();
  const changelog = await releaseText(version, "CHANGELOG.md");
  return (
    <>
      <p>
        <Link href="/data/releases">All releases</Link>
      </p>
      <h1>
        Release {release.version}: {release.title}
      </h1>
      <p>
        Made{" "}
        <time dateTime={release.createdAt.toISOString()}>
          {release.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
        </time>
        : {release.eventCount.toLocaleString("en")} events, {release.sourceCount.toLocaleString("en")} sources.
      </p>
      {release.description && <p>{release.description}</p>}
      <h2>Files</h2>
      <ReleaseFiles release={release} />
      <h2>How to cite this release</h2>
      <CiteRelease release={release} />
      {changelog && (
        <>
          <h2>Changelog</h2>
          <pre className="release-changelog" tabIndex={0} aria-label={`Changelog of release ${release.version}`}>
            {changelog}
          </pre>
        </>
      )}
    </>
  );
}
