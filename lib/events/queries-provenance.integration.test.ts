// What the public queries hand the event page and the table about provenance: the copy's date and
// fingerprint but never the matched passage, the link checker's word per address, and the count of
// disputing sources.
import { beforeAll, describe, expect, it } from "vitest";
import { CAPTURED_AT, createPublicPageEvent } from "../testing/provenance-page-fixture";
import { setUpTestDatabase } from "../testing/test-database";
import { getTimelineEvent } from "../timeline/queries";
import { getEvent, listEvents } from "./queries";
import { parseEventQuery } from "./query-params";

describe("provenance in the public queries", () => {
  const t = setUpTestDatabase();
  let fixture: Awaited<ReturnType<typeof createPublicPageEvent>>;
  beforeAll(async () => {
    fixture = await createPublicPageEvent(t.prisma);
  });

  it("gives each source its stance, quote check and copy's date and SHA-256, but not the matched passage", async () => {
    const e = await getEvent(fixture.id);
    const [report, wire, background, denial] = e!.sources;
    expect(report).toMatchObject({
      stance: "supports",
      quoteCheck: "verified",
      note: fixture.notes.report,
      capture: { capturedAt: CAPTURED_AT, sha256: fixture.sha256 },
    });
    expect(report).not.toHaveProperty("quoteMatch");
    expect(JSON.stringify(e)).not.toContain("The ministry declined to comment");
    // The passage is stored for editors all the same.
    expect((await t.prisma.source.findUnique({ where: { id: report.id } }))?.quoteMatch).toContain(
      fixture.quotes.verified,
    );
    expect(wire).toMatchObject({ quoteCheck: "no_copy", capture: null });
    expect(background).toMatchObject({ stance: "context", quote: null, quoteCheck: "no_quote" });
    expect(denial).toMatchObject({ stance: "disputes", quote: fixture.quotes.denial });
  });

  it("attaches the link checker's latest result to the address and the archive address", async () => {
    const [report, wire] = (await getEvent(fixture.id))!.sources;
    expect(report.urlCheck).toMatchObject({ url: fixture.urls.report, status: "gone" });
    expect(report.archiveCheck).toMatchObject({ url: fixture.urls.archive, status: "ok" });
    expect(wire.urlCheck).toBeNull();
    expect(wire.archiveCheck).toBeNull();
  });

  it("counts the disputing sources of each row of the table", async () => {
    const { rows } = await listEvents(parseEventQuery(new URLSearchParams("pageSize=100")).query);
    expect(rows.find((r) => r.id === fixture.id)).toMatchObject({ sourceCount: 5, disputeCount: 2 });
  });

  it("counts them for the timeline's details panel too", async () => {
    const query = parseEventQuery(new URLSearchParams("")).query;
    expect(await getTimelineEvent(query, fixture.id)).toMatchObject({ id: fixture.id, disputeCount: 2 });
  });
});
