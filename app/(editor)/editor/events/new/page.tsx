import type { Metadata } from "next";
import { EventForm } from "@/components/events/editor/event-form";
import { requireUser } from "@/lib/authz";
import { listActorsForPicker } from "@/lib/events/editor-queries";

export const metadata: Metadata = { title: "New event" };

export default async function NewEventPage() {
  await requireUser("contributor", "/editor/events/new");
  return (
    <>
      <h1>New event</h1>
      <p className="muted">
        Every event needs at least one source with the passage that supports it before it can be published.
      </p>
      <EventForm actors={await listActorsForPicker()} />
    </>
  );
}
