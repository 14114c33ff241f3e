import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EventForm } from "@/components/events/editor/event-form";
import { RevisionHistory } from "@/components/events/editor/revision-history";
import { WorkflowControls } from "@/components/events/editor/workflow-controls";
import { CheckLinksButton } from "@/components/links/check-links-button";
import { RelatedSection } from "@/components/relations/related-section";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/authz";
import { getEventForEdit, listActorsForPicker } from "@/lib/events/editor-queries";

export const metadata: Metadata = { title: "Edit event" };

// What a workflow step did, in words, with where to find the event (shown after the redirect).
function doneMessage(done: string, id: string) {
  switch (done) {
    case "submit":
      return (
        <>
          Submitted for review. An editor will publish it. Its address on the desk:{" "}
          <Link href={`/editor/events/${id}`}>/editor/events/{id}</Link>
        </>
      );
    case "publish":
      return (
        <>
          Published. Readers can see it now at <Link href={`/events/${id}`}>/events/{id}</Link>.
        </>
      );
    case "retract":
      return (
        <>
          Retracted. Readers see it marked so, with your reason, at <Link href={`/events/${id}`}>/events/{id}</Link>.
        </>
      );
    case "restore":
      return <>Restored: the earlier version is now the current one, recorded as a new revision below.</>;
    default:
      return null;
  }
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function EditEventPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser("contributor", `/editor/events/${id}`);
  const [event, actors, flags] = await Promise.all([getEventForEdit(id), listActorsForPicker(), searchParams]);
  if (!event || event.deleted) notFound();
  const isEditor = hasRole(user, "editor");
  const ownDraft = event.createdById === user.id && event.status === "draft";
  const done = flags.done ? doneMessage(flags.done, id) : null;
  return (
    <div className="editor-desk">
      <h1>{event.snapshot.title}</h1>
      <p className="muted">
        Status: <strong>{event.status.replace("_", " ")}</strong> · version {event.version}
        {(event.status === "published" || event.status === "retracted") && (
          <>
            {" "}
            · <Link href={`/events/${id}`}>public page</Link>
          </>
        )}
      </p>
      {flags.saved && (
        <div className="notice" role="status">
          Saved.
        </div>
      )}
      {done && (
        <div className="notice" role="status">
          {done}
        </div>
      )}
      {event.status === "retracted" && (
        <div className="notice" role="note">
          Retracted: {event.retractionReason}
        </div>
      )}
      {isEditor || ownDraft ? (
        <EventForm
          key={event.version}
          existing={{ snapshot: event.snapshot, version: event.version }}
          actors={actors}
        />
      ) : (
        <p>Contributors can edit only their own drafts; this one is {event.status.replace("_", " ")}.</p>
      )}
      {/* After the form: the steps that change who can see the event, the destructive ones last. */}
      <WorkflowControls
        key={event.version}
        id={id}
        version={event.version}
        status={event.status}
        canSubmit={isEditor || ownDraft}
        canPublish={isEditor}
        canDelete={user.role === "admin"}
      />
      {isEditor && <CheckLinksButton eventId={id} />}
      <RelatedSection eventId={id} version={event.version} viewer={user} canEdit={isEditor || ownDraft} />
      <RevisionHistory event={event} canRestore={isEditor} />
    </div>
  );
}
