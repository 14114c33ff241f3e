import { describe, expect, it } from "vitest";
import { listEvents } from "../events/queries";
import { parseEventQuery } from "../events/query-params";
import { setUpTestDatabase } from "../testing/test-database";
import { parseTimelineView } from "./params";
import { loadTimeline } from "./queries";

const params = (qs: string) => new URLSearchParams(qs);
const tableIds = async (qs: string) =>
  (await listEvents(parseEventQuery(params(`${qs}&pageSize=100`)).query)).rows.map((r) => r.id).sort();
const timeline = (qs: string) => loadTimeline(parseEventQuery(params(qs)).query, parseTimelineView(params(qs)).view);

describe("timeline queries on the seed data", () => {
  setUpTestDatabase({ seed: true });

  it.each([
    "",
    "type=summit-meeting&type=statement-warning",
    "actor=russia&from=2023",
    "q=Kim",
    "claim=alleged&retracted=include",
  ])("shows exactly the events the table lists for “%s”", async (qs) => {
    const tl = await timeline(qs);
    const ids = await tableIds(qs);
    expect(tl.events.map((e) => e.id).sort()).toEqual(ids);
    expect(tl.total).toBe(ids.length);
  });

  it("reads only the window, by the same overlap rule as the from/to filter", async () => {
    const tl = await timeline("start=2023-09-01&end=2023-09-30");
    expect(tl.events.map((e) => e.id).sort()).toEqual(await tableIds("from=2023-09-01&to=2023-09-30"));
    expect(tl.total).toBe(30);
    const days = tl.events.map((e) => e.spanStart);
    expect(days).toEqual([...days].sort());
  });

  it("keeps the selected event's details when it lies outside the window, not when the filters exclude it", async () => {
    const id = "2019-04-25-first-kim-putin-summit-vladivostok";
    expect((await timeline(`start=2023-09-01&end=2023-09-30&selected=${id}`)).selected?.title).toMatch(/Vladivostok/);
    expect((await timeline(`type=weapons-test&selected=${id}`)).selected).toBeNull();
  });

  it("names actors for actor lanes", async () => {
    const tl = await timeline("start=2023-09-13&end=2023-09-13&lanes=actor");
    expect(tl.events.find((e) => e.id === "2023-09-13-kim-putin-vostochny-summit")?.lanes).toEqual(
      expect.arrayContaining(["North Korea", "Russia"]),
    );
  });
});
