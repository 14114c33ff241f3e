import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TimelineEvent } from "@/lib/timeline/geometry";
import { timelineSvg } from "./timeline-svg";

const DAY = 86_400_000;
const event = (title: string): TimelineEvent => ({
  id: "e1",
  title,
  type: "summit-meeting",
  precision: "day",
  approximate: false,
  spanStart: "2023-09-13",
  spanEnd: "2023-09-13",
  isRange: false,
  dateLabel: "13 September 2023",
  lanes: ["summit-meeting"],
});
const svgFor = (title: string, lane: string, aggregated = false) =>
  timelineSvg({
    lanes: [{ label: lane, events: [event(title)] }],
    visible: [event(title)],
    aggregated,
    startMs: Date.UTC(2023, 8, 1),
    endMs: Date.UTC(2023, 8, 1) + 30 * DAY,
    hrefFor: () => "/timeline?a=1&b=2",
  });

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
// The markup with every attribute value emptied: what remains is tags and text only.
const skeleton = (svg: string) => svg.replace(/="[^"]*"/g, '=""');

describe("timelineSvg", () => {
  it("draws one link per event, named by its title, date and type", () => {
    const svg = svgFor("Kim meets Putin", "Summit or meeting");
    expect(svg.match(/<a /g)).toHaveLength(1);
    expect(svg).toContain('aria-label="Kim meets Putin, 13 September 2023, Summit or meeting"');
    expect(svg).toContain('href="/timeline?a=1&amp;b=2"');
  });

  it("keeps any title and lane name inside its attribute or text: no markup can be injected", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 60 }),
        fc.string({ unit: "binary", maxLength: 30 }),
        fc.boolean(),
        (title, lane, aggregated) => {
          const svg = svgFor(title, lane, aggregated);
          const tags = skeleton(svg).match(/<\/?[a-z]+/g) ?? [];
          // The same elements whatever the text: nothing in a title or lane name became a tag.
          expect(tags).toEqual(skeleton(svgFor("t", "l", aggregated)).match(/<\/?[a-z]+/g));
          if (!aggregated) expect(unescape(/data-title="([^"]*)"/.exec(svg)![1])).toBe(title);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("rings the selected event's related events and names the relation in their accessible names", () => {
    const base = {
      lanes: [{ label: "Summits", events: [event("Kim meets Putin")] }],
      visible: [event("Kim meets Putin")],
      aggregated: false,
      startMs: Date.UTC(2023, 8, 1),
      endMs: Date.UTC(2023, 8, 1) + 30 * DAY,
      hrefFor: () => "/t",
    };
    const svg = timelineSvg({
      ...base,
      selectedId: "e0",
      related: new Map([["e1", "follows up “Sullivan's <warning>”"]]),
    });
    expect(svg).toContain('class="mark point related"');
    expect(svg).toContain(
      'aria-label="Kim meets Putin, 13 September 2023, Summit or meeting; related: follows up “Sullivan&#39;s &lt;warning&gt;”"',
    );
    expect(timelineSvg(base)).not.toContain("related");
  });

  it("writes coordinates to a tenth of a unit", () => {
    expect(svgFor("x", "y")).not.toMatch(/="\d+\.\d{2,}"/);
  });
});
