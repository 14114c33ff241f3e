import { describe, expect, it } from "vitest";
import { DEAD_LINK_MIN_FAILING_MS } from "@/lib/links/health";
import {
  disputedLabel,
  formatDay,
  formatPublishedOn,
  groupCitations,
  linkOffer,
  quoteCheckText,
} from "./citation-view";

const captured = new Date("2026-11-30T15:42:00Z");

describe("quoteCheckText", () => {
  it("says a verified quote was checked against the copy of that day", () => {
    expect(quoteCheckText("verified", captured)).toEqual({
      tone: "verified",
      text: "Checked against a copy captured 30 November 2026",
    });
  });

  it("says an unchecked quote has not been checked yet", () => {
    expect(quoteCheckText("no_copy", null)?.text).toBe("Not yet checked against a copy");
  });

  it("says plainly that a quote was not found in the copy, and where the reason is", () => {
    const t = quoteCheckText("not_found", captured);
    expect(t?.tone).toBe("not-found");
    expect(t?.text).toMatch(/^Not found word for word in the copy captured on 30 November 2026\./);
    expect(t?.text).toContain("reason is in the history");
  });

  it("says nothing for a note without a quote", () => {
    expect(quoteCheckText("no_quote", null)).toBeNull();
  });
});

describe("dates", () => {
  it("writes days, months and years as the site does", () => {
    expect(formatDay(new Date("2026-01-05T23:59:00Z"))).toBe("5 January 2026");
    expect(formatPublishedOn("2023-09-14")).toBe("14 September 2023");
    expect(formatPublishedOn("2023-09")).toBe("September 2023");
    expect(formatPublishedOn("2023")).toBe("2023");
  });
});

describe("groupCitations", () => {
  it("puts disputing citations apart and keeps the editor's order in each group", () => {
    const sources = [
      { id: 1, stance: "supports" },
      { id: 2, stance: "disputes" },
      { id: 3, stance: "context" },
      { id: 4, stance: "disputes" },
      { id: 5, stance: "supports" },
    ];
    const { supporting, disputing } = groupCitations(sources);
    expect(supporting.map((s) => s.id)).toEqual([1, 3, 5]);
    expect(disputing.map((s) => s.id)).toEqual([2, 4]);
  });

  it("labels the disputed mark with a count", () => {
    expect(disputedLabel(1)).toBe("Disputed by 1 source");
    expect(disputedLabel(2)).toBe("Disputed by 2 sources");
  });
});

describe("linkOffer", () => {
  const first = new Date("2026-11-28T08:00:00Z");
  const dead = {
    status: "gone",
    firstFailureAt: first,
    lastCheckedAt: new Date(first.getTime() + DEAD_LINK_MIN_FAILING_MS),
  };
  const once = { status: "gone", firstFailureAt: first, lastCheckedAt: first };
  const ok = { status: "ok", firstFailureAt: null, lastCheckedAt: first };
  const base = {
    url: "https://example.org/a",
    archivedUrl: "https://web.archive.org/a",
    urlCheck: null,
    archiveCheck: null,
    capture: null,
  };

  it("offers the address as it is while it works or has failed only once", () => {
    for (const urlCheck of [null, ok, once]) {
      expect(linkOffer({ ...base, urlCheck })).toMatchObject({
        url: base.url,
        urlDeadCheckedAt: null,
        archivedUrl: base.archivedUrl,
        fallbackCapturedAt: null,
      });
    }
  });

  it("offers the archive instead of a dead address, with the day it was found dead", () => {
    expect(linkOffer({ ...base, urlCheck: dead, capture: { capturedAt: captured } })).toEqual({
      url: null,
      urlDeadCheckedAt: dead.lastCheckedAt,
      archivedUrl: base.archivedUrl,
      archiveDeadCheckedAt: null,
      fallbackCapturedAt: null,
    });
  });

  it("never offers a dead archive as working; the captured copy's date stands in", () => {
    expect(linkOffer({ ...base, urlCheck: dead, archiveCheck: dead, capture: { capturedAt: captured } })).toEqual({
      url: null,
      urlDeadCheckedAt: dead.lastCheckedAt,
      archivedUrl: null,
      archiveDeadCheckedAt: dead.lastCheckedAt,
      fallbackCapturedAt: captured,
    });
    expect(
      linkOffer({ ...base, archivedUrl: null, urlCheck: dead, capture: { capturedAt: captured } }).fallbackCapturedAt,
    ).toBe(captured);
  });

  it("has nothing to fall back on without an archive or a copy", () => {
    expect(linkOffer({ ...base, archivedUrl: null, urlCheck: dead })).toMatchObject({
      url: null,
      archivedUrl: null,
      fallbackCapturedAt: null,
    });
  });

  it("withholds a dead archive even while the address works", () => {
    expect(linkOffer({ ...base, archiveCheck: dead })).toMatchObject({
      url: base.url,
      archivedUrl: null,
      archiveDeadCheckedAt: dead.lastCheckedAt,
    });
  });
});
