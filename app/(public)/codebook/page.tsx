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

/** Each event type as the table shows it: its label, then its meaning. */
const EVENT_TYPE_MEANINGS = Object.fromEntries(
  Object.entries(EVENT_TYPES).map(([k, v]) => [k, `${EVENT_TYPE_LABELS[k as EventType]}: ${v}`]),
);

/**
 * One vocabulary under its heading (`id` is the anchor other pages link to): what is said of it,
 * then its table, captioned with the heading unless told otherwise.
 */
function Section({
  id,
  heading,
  caption = heading,
  meanings,
  children,
}: {
  id: string;
  heading: string;
  caption?: string;
  meanings?: Readonly<Record<string, string>>;
  children?: React.ReactNode;
}) {
  return (
    <>
      <h2 id={id}>{heading}</h2>
      {children}
      {meanings && <Vocabulary caption={caption} entries={Object.entries(meanings)} />}
    </>
  );
}

export default function CodebookPage() {
  return (
    <>
      <h1>Codebook</h1>
      <p>The fixed vocabularies (version 1) and the meaning of every field of an event and of a source.</p>
      <Section id="event-types" heading="Event types" meanings={EVENT_TYPE_MEANINGS} />
      <Section id="claim-status" heading="Claim status" caption="Claim statuses" meanings={CLAIM_STATUSES} />
      <Section id="precision" heading="Date precision" caption="Date precisions" meanings={DATE_PRECISIONS} />
      <Section
        id="location-precision"
        heading="Location precision"
        caption="Location precisions"
        meanings={LOCATION_PRECISIONS}
      />
      <Section id="item-categories" heading="Item categories" meanings={ITEM_CATEGORIES} />
      <Section id="sanctions-regimes" heading="Sanctions regimes" meanings={SANCTIONS_REGIMES} />
      <Section id="actor-kinds" heading="Actor kinds" meanings={ACTOR_KINDS} />
      <Section id="actor-roles" heading="Actor roles" meanings={ACTOR_ROLES} />
      <Section id="source-types" heading="Source types" meanings={SOURCE_TYPES} />
      <Section id="source-stances" heading="Source stances" meanings={SOURCE_STANCES}>
        <p>
          What a citation does for the event. Sources that dispute it are listed on the event&rsquo;s page under their
          own heading, &ldquo;Disputed by&rdquo;.
        </p>
      </Section>
      <Section id="disputed" heading="The disputed mark">
        <p>
          {DISPUTED_MARK_MEANING} The table of events and the timeline&rsquo;s details show it; an event no source
          disputes has no mark.
        </p>
      </Section>
      <Section id="quote-checks" heading="Quote checks" meanings={QUOTE_CHECKS}>
        <p>
          A quote is the source&rsquo;s own words, shown in quotation marks; an editor&rsquo;s note is the
          editor&rsquo;s words, shown as &ldquo;Editor&rsquo;s note&rdquo; and never as a quote. Each quote is looked
          for, word for word, in the text of a copy of the source captured by the tracker (ignoring only differences of
          typography: curly or straight quotation marks, dash variants, soft hyphens, spacing and line breaks). Beside
          every quote the event page says the result, for example &ldquo;Checked against a copy captured 30 November
          2026&rdquo; or &ldquo;Not yet checked against a copy&rdquo;. The public sees that a copy exists, when it was
          captured and its SHA-256 fingerprint, not the copy itself: the tracker cites, it does not republish.
        </p>
      </Section>
      <Section id="link-statuses" heading="Link statuses" meanings={LINK_STATUSES}>
        <p>
          The tracker checks every cited address and archive address from time to time. A link is shown to readers as no
          longer working only when it has been gone or failing on checks at least {DEAD_LINK_MIN_FAILING_MS / 3_600_000}{" "}
          hours apart, so a passing outage is not reported; the event page then offers the archived copy first.
        </p>
      </Section>
      {FIELDS.map((group) => (
        <section key={group.name}>
          <h2 id={fieldsAnchor(group.name)}>{group.name} fields</h2>
          <Vocabulary caption={`${group.name} fields`} entries={group.fields} />
        </section>
      ))}
    </>
  );
}
