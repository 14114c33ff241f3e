import type { Metadata } from "next";
import { DISPUTED_MARK_MEANING } from "@/components/sources/disputed-mark";
import {
  ACTOR_KINDS,
  ACTOR_ROLES,
  CLAIM_STATUSES,
  DATE_PRECISIONS,
  EVENT_TYPES,
  LOCATION_PRECISIONS,
  EVENT_TYPE_LABELS,
  ITEM_CATEGORIES,
  LINK_STATUSES,
  QUOTE_CHECKS,
  SANCTIONS_REGIMES,
  SOURCE_STANCES,
  SOURCE_TYPES,
  type EventType,
} from "@/lib/events/codebook";
import { FIELDS } from "@/lib/events/field-docs";
import { DEAD_LINK_MIN_FAILING_MS } from "@/lib/links/health";
import { fieldsAnchor } from "./anchors";

export const metadata: Metadata = { title: "Codebook" };

function Vocabulary({ caption, entries }: { caption: string; entries: [string, string][] }) {
  return (
    <table className="codebook">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Value</th>
          <th scope="col">Meaning</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([k, v]) => (
          <tr key={k}>
            <td>
              <code>{k}</code>
            </td>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function CodebookPage() {
  return (
    <>
      <h1>Codebook</h1>
      <p>The fixed vocabularies (version 1) and the meaning of every field of an event and of a source.</p>
      <h2 id="event-types">Event types</h2>
      <Vocabulary
        caption="Event types"
        entries={Object.entries(EVENT_TYPES).map(([k, v]) => [k, `${EVENT_TYPE_LABELS[k as EventType]}: ${v}`])}
      />
      <h2 id="claim-status">Claim status</h2>
      <Vocabulary caption="Claim statuses" entries={Object.entries(CLAIM_STATUSES)} />
      <h2 id="precision">Date precision</h2>
      <Vocabulary caption="Date precisions" entries={Object.entries(DATE_PRECISIONS)} />
      <h2 id="location-precision">Location precision</h2>
      <Vocabulary caption="Location precisions" entries={Object.entries(LOCATION_PRECISIONS)} />
      <h2 id="item-categories">Item categories</h2>
      <Vocabulary caption="Item categories" entries={Object.entries(ITEM_CATEGORIES)} />
      <h2 id="sanctions-regimes">Sanctions regimes</h2>
      <Vocabulary caption="Sanctions regimes" entries={Object.entries(SANCTIONS_REGIMES)} />
      <h2 id="actor-kinds">Actor kinds</h2>
      <Vocabulary caption="Actor kinds" entries={Object.entries(ACTOR_KINDS)} />
      <h2 id="actor-roles">Actor roles</h2>
      <Vocabulary caption="Actor roles" entries={Object.entries(ACTOR_ROLES)} />
      <h2 id="source-types">Source types</h2>
      <Vocabulary caption="Source types" entries={Object.entries(SOURCE_TYPES)} />
      <h2 id="source-stances">Source stances</h2>
      <p>
        What a citation does for the event. Sources that dispute it are listed on the event&rsquo;s page under their own
        heading, &ldquo;Disputed by&rdquo;.
      </p>
      <Vocabulary caption="Source stances" entries={Object.entries(SOURCE_STANCES)} />
      <h2 id="disputed">The disputed mark</h2>
      <p>
        {DISPUTED_MARK_MEANING} The table of events and the timeline&rsquo;s details show it; an event no source
        disputes has no mark.
      </p>
      <h2 id="quote-checks">Quote checks</h2>
      <p>
        A quote is the source&rsquo;s own words, shown in quotation marks; an editor&rsquo;s note is the editor&rsquo;s
        words, shown as &ldquo;Editor&rsquo;s note&rdquo; and never as a quote. Each quote is looked for, word for word,
        in the text of a copy of the source captured by the tracker (ignoring only differences of typography: curly or
        straight quotation marks, dash variants, soft hyphens, spacing and line breaks). Beside every quote the event
        page says the result, for example &ldquo;Checked against a copy captured 30 November 2026&rdquo; or &ldquo;Not
        yet checked against a copy&rdquo;. The public sees that a copy exists, when it was captured and its SHA-256
        fingerprint, not the copy itself: the tracker cites, it does not republish.
      </p>
      <Vocabulary caption="Quote checks" entries={Object.entries(QUOTE_CHECKS)} />
      <h2 id="link-statuses">Link statuses</h2>
      <p>
        The tracker checks every cited address and archive address from time to time. A link is shown to readers as no
        longer working only when it has been gone or failing on checks at least {DEAD_LINK_MIN_FAILING_MS / 3_600_000}{" "}
        hours apart, so a passing outage is not reported; the event page then offers the archived copy first.
      </p>
      <Vocabulary caption="Link statuses" entries={Object.entries(LINK_STATUSES)} />
      {FIELDS.map((group) => (
        <section key={group.name}>
          <h2 id={fieldsAnchor(group.name)}>{group.name} fields</h2>
          <Vocabulary caption={`${group.name} fields`} entries={group.fields} />
        </section>
      ))}
    </>
  );
}
