import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EventForm } from "@/components/events/editor/event-form";
import { RevisionHistory } from "@/components/events/editor/revision-history";
import { WorkflowControls } from "@/components/events/editor/workflow-controls";
import { CheckLinksButton } from "@/components/links/check-links-button";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/authz";
import { getEventForEdit, listActorsForPicker } from "@/lib/events/editor-queries";

export const metadata: Metadata = { title: "Edit event" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function EditEventPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser("contributor", `/editor/events/${id}`);
  const [event, actors, flags] = await Promise.all([getEventForEdit(id), listActorsForPicker(), searchParams]);
  if (!event || event.deleted) notFound();
  const isEditor = hasRole(user, "editor");
  const ownDraft = event.createdById === user.id && event.status === "draft";
  return (
    <>
      <h1>{event.snapshot.title}</h1>
      <p className="muted">
        Status: <strong>{event.status.replace("_", " ")}</strong> · version {event.version}
        {(event.status === "published" || event.status === "retracted") && <> · <Link href={`/events/${id}`}>public page</Link></>}
      </p>
      {flags.saved && <div className="notice" role="status">Saved.</div>}
      {flags.done && <div className="notice" role="status">Done: {flags.done}.</div>}
      {event.status === "retracted" && <div className="notice" role="note">Retracted: {event.retractionReason}</div>}
      <WorkflowControls id={id} version={event.version} status={event.status} canSubmit={isEditor || ownDraft} canPublish={isEditor} canDelete={user.role === "admin"} />
      {isEditor || ownDraft ? (
        <EventForm key={event.version} existing={{ snapshot: event.snapshot, version: event.version }} actors={actors} />
      ) : (
        <p>Contributors can edit only their own drafts; this one is {event.status.replace("_", " ")}.</p>
      )}
      {isEditor && <CheckLinksButton eventId={id} />}
      <RevisionHistory event={event} canRestore={isEditor} />
    </>
  );
}
