import { expect, it } from "vitest";
import { EVENT_ID_PATTERN, isEventId } from "./event-id";

it("accepts what an event id can be: lower-case letters, digits and hyphens, 1 to 200 of them", () => {
  for (const id of ["2023-09-13-kim-putin-vostochny-summit", "a", "-", "a--b-", "x".repeat(200)]) {
    expect(isEventId(id)).toBe(true);
    expect(EVENT_ID_PATTERN.test(id)).toBe(true);
  }
});

it("refuses anything else, and what is not a string", () => {
  const refused = ["", "x".repeat(201), "A", "a b", "a_b", "a/b", "../a", "a\u0000", "a\n", "é", "a.b", "%61"];
  for (const id of refused) expect(isEventId(id), JSON.stringify(id)).toBe(false);
  for (const value of [undefined, null, 1, ["a"], { id: "a" }]) expect(isEventId(value)).toBe(false);
});
