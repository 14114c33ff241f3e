import type { Metadata } from "next";
import Link from "next/link";
import { fieldsAnchor } from "../codebook/anchors";
import { CiteData } from "@/components/releases/cite";

export const metadata: Metadata = { title: "Data and API" };

export default function DataPage() {
  return (
    <>
      <h1>Data and API</h1>
      <p>
        Everything published here can be downloaded, with the same filters as the{" "}
        <Link href="/events">events table</Link>.
      </p>
      <h2>CSV</h2>
      <ul>
        <li>
          <code>/events.csv?&lt;the parameters of /events&gt;</code> — every matching event, not just one page.{" "}
          <Link href="/events.csv">All events</Link>.
        </li>
        <li>
          <code>/sources.csv?&lt;same parameters&gt;</code> — one row per cited source, for checking citations: its
          quote (the source&apos;s own words) kept apart from the editor&apos;s note, its stance (supports, disputes or
          context), whether the quote was found in a captured copy of the source (<code>quote_check</code>), and that
          copy&apos;s SHA-256 and capture time. The copies themselves are not published.{" "}
          <Link href="/sources.csv">All sources</Link>.
        </li>
        <li>
          <code>/actors.csv</code> — one row per actor named in a published event: slug, name, kind, country code,
          aliases and description, with its number of published events. <Link href="/actors.csv">All actors</Link>.
        </li>
        <li>
          <code>/events.csv</code> also counts, per event, the sources that dispute it, the quotes, and the quotes
          verified against a copy.
        </li>
        <li>
          Add <code>bom=1</code> for Excel. The columns, the list separator and the spreadsheet-safety rule are in the{" "}
          <Link href={`/codebook#${fieldsAnchor("CSV export")}`}>codebook</Link>.
        </li>
      </ul>
      <h2>JSON API</h2>
      <ul>
        <li>
          <code>GET /api/v1/events</code> with the same filters, <code>limit</code> (up to 100) and <code>cursor</code>{" "}
          (from <code>nextCursor</code>); pages stay consistent while events are added.
        </li>
        <li>
          <code>fields=id,title,eventType,date</code> returns only those members of each event;{" "}
          <code>include=count</code> adds the number of matching events across all pages in <code>meta.count</code>.
        </li>
        <li>
          For mirrors: <code>updated_since=&lt;ISO date-time&gt;</code> returns every change since then, oldest first,
          including retracted events (with their status) and deleted ones (as{" "}
          <code>
            {"{"}id, deleted: true{"}"}
          </code>
          ), so a copy never keeps stale rows.
        </li>
        <li>
          <code>GET /api/v1/events/&lt;id&gt;</code> — one event; 410 with a tombstone once deleted.
        </li>
        <li>
          <code>GET /api/v1/actors/&lt;slug&gt;</code> — one actor with its events by year and role and its
          counterparties (see the <Link href="/actors">actor pages</Link>); a merged actor&apos;s old slug answers 308
          with the actor it was merged into.
        </li>
        <li>
          Each source has <code>quote</code> (the source&apos;s own words, or <code>null</code> when the citation has
          only an editor&apos;s note), <code>note</code>, <code>stance</code>, <code>quoteCheck</code> and{" "}
          <code>copy</code> (
          <code>
            {"{"}sha256, capturedAt{"}"}
          </code>{" "}
          of the captured copy the quote was checked against, or <code>null</code>); each event has{" "}
          <code>disputingSourceCount</code>. The meanings are in the{" "}
          <Link href={`/codebook#${fieldsAnchor("Source")}`}>codebook</Link>.
        </li>
        <li>
          Responses carry <code>ETag</code> and <code>Last-Modified</code>; any site may call the API from a browser
          (CORS for GET). Bad parameters get a 400 naming them.
        </li>
        <li>
          The full description: <a href="/api/v1/openapi.json">OpenAPI 3.1 document</a>.
        </li>
      </ul>
      <CiteData />
      <h2>Feed</h2>
      <p>
        <a href="/events.atom">/events.atom</a> — new, corrected, updated and retracted events, newest first (the latest
        50 changes). It takes the table&apos;s filters (<code>q</code>, <code>type</code>, <code>actor</code>,{" "}
        <code>claim</code>, <code>from</code>, <code>to</code>, <code>retracted</code>), so any view can be followed in
        a feed reader: each list, timeline and map links its own feed (&ldquo;Follow this view&rdquo;). A retraction
        stays in the feed even though the table hides retracted events. Sort and paging are ignored; a filter the table
        would ignore gets a 400 saying why.
      </p>
    </>
  );
}
