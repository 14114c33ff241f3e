// One citation on the public event page: the source, what happened to its address, the quote in
// quotation marks credited to its publisher with the check beside it, and the editor's note set
// apart in plain text. The captured copy shows only its date and SHA-256: we cite, we do not
// republish, and the matched passage is for editors.
import { SOURCE_TYPES, type SourceTypeSlug } from "@/lib/events/codebook";
import type { EventSourceView } from "@/lib/events/queries";
import { formatDay, formatPublishedOn, linkOffer, quoteCheckText } from "./citation-view";

const external = { rel: "noopener noreferrer", target: "_blank" } as const;

export function Citation({ source: s }: { source: EventSourceView }) {
  const links = linkOffer(s);
  const check = s.quote ? quoteCheckText(s.quoteCheck, s.capture?.capturedAt) : null;
  const credit = [s.publisher ?? s.author ?? s.title, s.publishedOn && formatPublishedOn(s.publishedOn)]
    .filter(Boolean)
    .join(", ");
  const linkedTitle = links.url ?? (links.urlDeadCheckedAt ? links.archivedUrl : null);
  return (
    <li>
      <p>
        <strong>
          {linkedTitle ? (
            <a href={linkedTitle} {...external}>
              {s.title}
            </a>
          ) : (
            s.title
          )}
        </strong>
        {s.stance === "context" && (
          <>
            {" "}
            <span className="badge">Context</span>
            <span className="visually-hidden">: background, neither supporting nor disputing the claim</span>
          </>
        )}
        <br />
        <span className="muted">
          {[
            s.publisher,
            s.author && `by ${s.author}`,
            s.publishedOn && `published ${formatPublishedOn(s.publishedOn)}`,
            SOURCE_TYPES[s.sourceType as SourceTypeSlug],
            s.language !== "en" && `language: ${s.language}`,
          ]
            .filter(Boolean)
            .join(" · ")}
        </span>
      </p>
      {links.urlDeadCheckedAt && (
        <p className="link-dead">
          This link no longer works (checked {formatDay(links.urlDeadCheckedAt)}).{" "}
          {links.archivedUrl && (
            <>
              <a href={links.archivedUrl} {...external}>
                Read the archived copy
              </a>
              .{" "}
            </>
          )}
          {links.archiveDeadCheckedAt && (
            <>The archived copy no longer works (checked {formatDay(links.archiveDeadCheckedAt)}). </>
          )}
          {links.fallbackCapturedAt && (
            <>A copy was captured on {formatDay(links.fallbackCapturedAt)}; editors keep it to check the quote. </>
          )}
          <span className="muted">
            Former address: <span className="url">{s.url}</span>
          </span>
        </p>
      )}
      {s.quote && (
        <figure className="citation">
          <blockquote lang={s.language}>
            <p>“{s.quote}”</p>
          </blockquote>
          <figcaption>— {credit}</figcaption>
          {check && (
            <p className={`quote-check ${check.tone}`}>
              {check.text}
              {check.tone === "not-found" && (
                <>
                  {" "}
                  <a href="#history">See the history</a>.
                </>
              )}
            </p>
          )}
        </figure>
      )}
      {s.note && (
        <p className="editor-note">
          <strong>Editor&rsquo;s note:</strong> {s.note}
        </p>
      )}
      <p className="muted source-links">
        {s.accessedOn && <>Accessed {formatDay(s.accessedOn)}. </>}
        {links.archivedUrl && !links.urlDeadCheckedAt && (
          <>
            <a href={links.archivedUrl} {...external}>
              Archived copy
            </a>
            .{" "}
          </>
        )}
        {links.archiveDeadCheckedAt && !links.urlDeadCheckedAt && (
          <>The archived copy no longer works (checked {formatDay(links.archiveDeadCheckedAt)}). </>
        )}
        {!s.url && <>No public web address is known for this source.</>}
      </p>
      {s.capture && (
        <details className="capture-proof">
          <summary>Copy captured {formatDay(s.capture.capturedAt)}</summary>
          <p>
            SHA-256 fingerprint of the captured copy: <code>{s.capture.sha256}</code>. The tracker keeps the copy to
            check quotes against; it is not republished.
          </p>
        </details>
      )}
    </li>
  );
}
