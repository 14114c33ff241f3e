import type { Metadata } from "next";
import Link from "next/link";
import { CreateReleaseForm } from "@/components/releases/release-form";
import { ReleaseTable } from "@/components/releases/release-table";
import { requireUser } from "@/lib/authz";
import { listReleases } from "@/lib/releases/queries";

export const metadata: Metadata = { title: "Releases" };

export default async function AdminReleasesPage() {
  await requireUser("admin", "/admin/releases");
  const releases = await listReleases();
  return (
    <>
      <h1>Releases</h1>
      <p>
        A release is a numbered snapshot of the public record as it stands when you make it: the events, sources and
        actors files, a data package description, a changelog against the previous release and a citation file. It never
        changes afterwards. Releases are numbered year.month.n (the n-th release of that month) and listed publicly on{" "}
        <Link href="/data/releases">Data releases</Link>. While one is being made, saves of events wait for it
        (seconds).
      </p>
      <h2>New release</h2>
      <CreateReleaseForm />
      <h2>Made so far ({releases.length})</h2>
      <ReleaseTable releases={releases} />
    </>
  );
}
