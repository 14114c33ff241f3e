"use client";
// "Check links" on an event's editor page: checks every address and archive address of the
// event's sources now, and lists what each answered. Editors and admins (the action checks).
import { useActionState } from "react";
import { checkEventLinksAction, type CheckedLinkView, type LinkCheckActionState } from "@/lib/links/actions";

const RESULT: Record<string, string> = {
  ok: "answers",
  redirected: "redirects",
  gone: "gone",
  failing: "failing",
};

const utc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

function Row({ r }: { r: CheckedLinkView }) {
  return (
    <tr>
      <td>
        <a href={r.url} rel="noreferrer noopener" target="_blank">
          {r.url}
        </a>
      </td>
      <td>
        <span className={`badge${r.status === "gone" || r.status === "failing" ? " denied" : ""}`}>
          {RESULT[r.status] ?? r.status}
        </span>
        {r.httpStatus !== null && <span className="muted"> {r.httpStatus}</span>}
      </td>
      <td>
        {r.redirectedTo && (
          <>
            to{" "}
            <a href={r.redirectedTo} rel="noreferrer noopener" target="_blank">
              {r.redirectedTo}
            </a>
            .{" "}
          </>
        )}
        {r.detail}
        {r.failingSince && (
          <>
            {" "}
            {r.dead ? <strong>Shown to readers as dead</strong> : "Not yet shown as dead (needs failures a day apart)"};
            failing since {utc(r.failingSince)}.
          </>
        )}
      </td>
    </tr>
  );
}

export function CheckLinksButton({ eventId }: { eventId: string }) {
  const [state, action, pending] = useActionState<LinkCheckActionState, FormData>(checkEventLinksAction, {});
  return (
    <section aria-labelledby="link-check-heading">
      <h2 id="link-check-heading">Links</h2>
      <form action={action} className="inline-form">
        <input type="hidden" name="eventId" value={eventId} />
        <button className="button secondary" disabled={pending}>
          {pending ? "Checking links…" : "Check links"}
        </button>
        <span className="muted">
          {" "}
          Asks each source&apos;s address and archive address whether the page is still there.
        </span>
      </form>
      {state.message && (
        <div className="notice" role="alert">
          {state.message}
        </div>
      )}
      {state.results && (
        <div role="status" className="table-wrap">
          {state.results.length === 0 ? (
            <p>This event&apos;s sources have no addresses to check.</p>
          ) : (
            <table className="events">
              <caption>
                Checked {state.checkedAt ? utc(state.checkedAt) : ""}: {state.results.length} address
                {state.results.length === 1 ? "" : "es"}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Address</th>
                  <th scope="col">Result</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {state.results.map((r) => (
                  <Row key={r.url} r={r} />
                ))}
              </tbody>
            </table>
          )}
          {state.skipped && state.skipped.length > 0 && (
            <p className="notice">Not checked within the time limit (try again): {state.skipped.join(", ")}</p>
          )}
        </div>
      )}
    </section>
  );
}
