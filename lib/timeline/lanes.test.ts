import { describe, expect, it } from "vitest";
import type { TimelineEvent } from "./geometry";
import { assignLanes, markCount, NO_ACTOR, OTHER_ACTORS } from "./lanes";

const ev = (id: string, type: string, lanes: string[]): TimelineEvent => ({
  id,
  title: id,
  type,
  precision: "day",
  approximate: false,
  spanStart: "2023-09-13",
  spanEnd: "2023-09-13",
  isRange: false,
  dateLabel: "",
  lanes,
});

describe("lanes", () => {
  it("puts each event in its type's lane, in codebook order, keeping the events' order", () => {
    const lanes = assignLanes(
      [
        ev("a", "weapons-test", ["weapons-test"]),
        ev("b", "summit-meeting", ["summit-meeting"]),
        ev("c", "weapons-test", ["weapons-test"]),
      ],
      "type",
    );
    expect(lanes.map((l) => [l.label, l.events.map((e) => e.id)])).toEqual([
      ["Summit or meeting", ["b"]],
      ["Weapons test", ["a", "c"]],
    ]);
  });

  it("draws every event at least once with actor lanes: the busiest actors get lanes, the rest share one", () => {
    const events = [
      ev("a", "summit-meeting", ["Russia", "North Korea"]),
      ev("b", "arms-transfer", ["Russia", "Wagner"]),
      ev("c", "arms-transfer", ["Wagner"]),
      ev("d", "statement-warning", ["Iran"]),
      ev("e", "statement-warning", []),
    ];
    const lanes = assignLanes(events, "actor", 2);
    expect(lanes.map((l) => [l.label, l.events.map((e) => e.id)])).toEqual([
      ["Russia", ["a", "b"]],
      ["Wagner", ["b", "c"]],
      [OTHER_ACTORS, ["d"]],
      [NO_ACTOR, ["e"]],
    ]);
    const drawn = new Set(lanes.flatMap((l) => l.events.map((e) => e.id)));
    expect([...drawn].sort()).toEqual(events.map((e) => e.id));
    expect(markCount(lanes)).toBe(6);
  });
});
