// The meaning of every field, as shown on /codebook.
export const FIELDS: { name: string; fields: [string, string][] }[] = [
  {
    name: "Event",
    fields: [
      [
        "id",
        "Stable public identifier: the start date and a few words, e.g. 2023-09-13-kim-putin-vostochny-summit. Never reused.",
      ],
      ["title", "A short neutral description, written by the tracker's editors."],
      ["summary", "One to three sentences on what happened, in neutral words."],
      ["event_type", "One value from the event types above."],
      ["claim_status", "How well established the event is (see claim status)."],
      ["start_date", "The first day of the event, or of its month or year when only that is known."],
      ["end_date", "The last day, for events that span several days; empty otherwise."],
      [
        "date_precision",
        "day, month or year: how precisely the date is known (for a range, its start, and its end too unless end_date_precision says otherwise).",
      ],
      [
        "end_date_precision",
        "day, month or year: how precisely the end of a range is known, when not as precisely as its start (e.g. September 2022 – 2 November 2022: date_precision month, end_date_precision day). Empty means the same as date_precision.",
      ],
      ["approximate", "true when even the stated precision is uncertain (sources disagree or the day is inferred)."],
      ["place", "Where it happened, as a place name."],
      ["country_codes", "ISO 3166-1 two-letter codes of the countries where it happened."],
      ["latitude, longitude", "An approximate map position for the place, not a surveyed point."],
      ["tags", "Free keywords for related topics."],
      ["item_categories", "For transfers, aid and trade: what was transferred (see item categories)."],
      ["sanctions_regime", "For sanctions events: whose sanctions (see sanctions regimes)."],
      ["instrument", "For sanctions events: the resolution, order or draft concerned."],
      ["actors", "The states, people and bodies involved, each with a role (see actor roles)."],
      [
        "status",
        "Editorial status: draft, in_review, published or retracted. The public sees published and retracted events.",
      ],
      ["first_published_at", "When the event was first published."],
      ["last_changed_at", "When the event was last changed."],
      [
        "disputing_source_count",
        "How many of the event's sources dispute it (stance disputes): 0 when no cited source denies or contradicts the claim.",
      ],
      [
        "quote_count",
        "How many of the event's sources are cited with a quote (the others have only an editor's note).",
      ],
      [
        "verified_quote_count",
        "How many of those quotes were found in the captured copy of their source (quote_check verified).",
      ],
      [
        "related",
        "The event's links to other public events, each “kind:event id”: responds-to, part-of, follows-up or precedent-for, read as “this event responds to that one” (e.g. precedent-for:2023-09-13-lavrov-un-sanctions-veto-threat). Links from other events to this one appear on their rows.",
      ],
    ],
  },
  {
    name: "Source",
    fields: [
      ["url", "The web address (http or https only). Empty when no public address is known."],
      ["title", "The source's headline or title."],
      ["publisher", "The outlet, government or organisation that published it."],
      ["author", "The author, when named."],
      ["published_on", "Publication date, as precisely as the source shows it (year, month or day)."],
      ["accessed_on", "When the tracker's editors read it."],
      ["source_type", "Official statement or document, news report, analysis or opinion, or dataset/other."],
      [
        "quote",
        "The source's own words, verbatim. Empty when the citation has only an editor's note; never the editor's words.",
      ],
      [
        "note",
        "The editor's own words: what the source supports, disputes or explains. Shown as “Editor's note”, never as a quote.",
      ],
      [
        "stance",
        "How the source bears on the event: supports, disputes (denies or contradicts the claim) or context (see source stances).",
      ],
      [
        "quote_check",
        "Whether the quote was found in a captured copy of the source: verified, not_found, no_copy or no_quote (see quote checks). Recomputed whenever the quote or the copy changes.",
      ],
      [
        "copy_sha256",
        "The SHA-256 (lower-case hex) of the captured copy the quote is checked against, so anyone holding a copy can tell whether it is the same. The copy itself is not published. Empty when no copy was captured.",
      ],
      [
        "copy_captured_at",
        "When that copy was captured or uploaded (ISO 8601 date and time, UTC). Empty when no copy was captured.",
      ],
      ["archived_url", "A copy in a web archive, when one was made."],
      ["language", "The language of the source, as a language tag (en, ko, ru…)."],
    ],
  },
  {
    name: "CSV export",
    fields: [
      [
        "format",
        "RFC 4180: UTF-8, comma-separated, CRLF line ends, a header row, one row per event. /events.csv?bom=1 adds a byte-order mark for Excel. Columns never change meaning; new ones are only added at the end.",
      ],
      [
        "lists in a cell",
        "country_codes, actors, item_categories, source_urls and source_publishers separate their items with “ | ” (space, vertical bar, space).",
      ],
      [
        "text safety",
        "A text cell that would start with =, +, -, @, a tab, CR or LF is prefixed with an apostrophe so spreadsheets show it as text; numbers and dates are left as they are.",
      ],
      [
        "columns",
        "id, url, title, summary, event_type, claim_status, start_date, end_date, date_precision, approximate, place, country_codes, latitude, longitude, actors, item_categories, sanctions_regime, instrument, source_count, source_urls, source_publishers, status, first_published_at, last_changed_at, disputing_source_count, quote_count, verified_quote_count, end_date_precision, related — each as described above.",
      ],
      ["url", "The event's public page."],
      ["actors", "Each actor as “Name (role)”."],
      [
        "source_count, source_urls, source_publishers",
        "How many sources the event cites, whatever their stance, and their addresses and publishers in citation order.",
      ],
      [
        "/sources.csv",
        "One row per source of the matching events: event_id, event_url, position, url, publisher, title, published_on, quote, archived_url, author, accessed_on, source_type, language, note, stance, quote_check, copy_sha256, copy_captured_at.",
      ],
      [
        "event_id, event_url, position",
        "In /sources.csv: the event's id and public page, and the source's place in the event's citation order (1 first).",
      ],
      [
        "import",
        "/editor/import reads both files in this format. It reads note and stance (a file without a stance column imports every source as supports) and ignores the derived columns (source_count and the other counts, quote_check, copy_sha256, copy_captured_at): checks are recomputed on saving, and copies are never imported (a re-imported source keeps its captured copy while its address is unchanged).",
      ],
    ],
  },
  {
    name: "JSON API",
    fields: [
      [
        "names",
        "/api/v1/events gives the same fields in camelCase (eventType, claimStatus, publishedOn…); the OpenAPI document describes each.",
      ],
      ["sources[].quote", "As quote above; null when the citation has only an editor's note."],
      [
        "sources[].note, sources[].stance, sources[].quoteCheck",
        "As note, stance and quote_check above; note is null when there is none.",
      ],
      [
        "sources[].copy",
        "{ sha256, capturedAt } of the captured copy, as copy_sha256 and copy_captured_at above; null when no copy was captured.",
      ],
      ["disputingSourceCount", "As disputing_source_count above."],
      [
        "related",
        "[{ kind, direction, id }]: the links both ways, outgoing (this event <kind> id, as the CSV's related) first, then incoming (id <kind> this event).",
      ],
      [
        "date.precision, date.endPrecision",
        "As date_precision and end_date_precision above; endPrecision is null when the end is known as precisely as the start.",
      ],
    ],
  },
];
