import type { Metadata } from "next";
import { ACTOR_KINDS, ACTOR_ROLES, CLAIM_STATUSES, DATE_PRECISIONS, EVENT_TYPES, EVENT_TYPE_LABELS, ITEM_CATEGORIES, SANCTIONS_REGIMES, SOURCE_TYPES, type EventType } from "@/lib/events/codebook";
import { FIELDS } from "@/lib/events/field-docs";

export const metadata: Metadata = { title: "Codebook" };

function Vocabulary({ caption, entries }: { caption: string; entries: [string, string][] }) {
  return (
    <table className="codebook">
      <caption className="visually-hidden">{caption}</caption>
      <thead><tr><th scope="col">Value</th><th scope="col">Meaning</th></tr></thead>
      <tbody>{entries.map(([k, v]) => <tr key={k}><td><code>{k}</code></td><td>{v}</td></tr>)}</tbody>
    </table>
  );
}

export default function CodebookPage() {
  return (
    <>
      <h1>Codebook</h1>
      <p>The fixed vocabularies (version 1) and the meaning of every field of an event and of a source.</p>
      <h2 id="event-types">Event types</h2>
      <Vocabulary caption="Event types" entries={Object.entries(EVENT_TYPES).map(([k, v]) => [k, `${EVENT_TYPE_LABELS[k as EventType]}: ${v}`])} />
      <h2 id="claim-status">Claim status</h2>
      <Vocabulary caption="Claim statuses" entries={Object.entries(CLAIM_STATUSES)} />
      <h2 id="precision">Date precision</h2>
      <Vocabulary caption="Date precisions" entries={Object.entries(DATE_PRECISIONS)} />
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
      {FIELDS.map((group) => (
        <section key={group.name}>
          <h2 id={`fields-${group.name.toLowerCase()}`}>{group.name} fields</h2>
          <Vocabulary caption={`${group.name} fields`} entries={group.fields} />
        </section>
      ))}
    </>
  );
}
