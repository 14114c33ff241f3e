// An actor's revisions for editors: who changed what, and each merge.
import type { ActorForEditor } from "@/lib/actors/editor-queries";

const show = (v: unknown) =>
  v === null || v === undefined || v === "" ? "—" : Array.isArray(v) ? (v.length ? v.join(", ") : "—") : String(v);

export function ActorRevisions({ revisions }: { revisions: ActorForEditor["revisions"] }) {
  if (!revisions.length) return <p className="muted">No changes yet.</p>;
  return (
    <ol className="history">
      {revisions.map((r) => {
        const changes = r.changes as Record<string, { from?: unknown; to?: unknown } & Record<string, unknown>>;
        const merged =
          r.kind === "merge" ? (changes.merged as { slug?: string; name?: string } | undefined) : undefined;
        const links = changes.links as { moved?: number; collapsed?: number } | undefined;
        return (
          <li key={r.id}>
            <strong>{r.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC</strong>,{" "}
            {r.user?.name ?? "a removed user"}:{" "}
            {merged && (
              <>
                merged “{merged.name}” ({merged.slug}) into this actor
                {links ? `: ${links.moved} event links moved, ${links.collapsed} duplicates collapsed` : ""}.
              </>
            )}
            <ul>
              {Object.entries(changes)
                .filter(([field]) => field !== "merged" && field !== "links")
                .map(([field, c]) => (
                  <li key={field}>
                    {field}: {show(c.from)} → {show(c.to)}
                  </li>
                ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
