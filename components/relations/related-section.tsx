// The editor page's "Related events" section: loads this event's links for the viewer and hands
// them to the client form (related-editor.tsx).
import type { SessionUser } from "@/lib/auth/roles";
import { listRelationsForEdit } from "@/lib/relations/queries";
import { RelatedEditor } from "./related-editor";

export async function RelatedSection({
  eventId,
  version,
  viewer,
  canEdit,
}: {
  eventId: string;
  version: number;
  viewer: SessionUser;
  canEdit: boolean;
}) {
  const { outgoing, incoming } = await listRelationsForEdit(eventId, viewer);
  return (
    <RelatedEditor eventId={eventId} version={version} outgoing={outgoing} incoming={incoming} canEdit={canEdit} />
  );
}
