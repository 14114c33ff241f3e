import { describe, expect, it } from "vitest";
import { eventInputSchema } from "./schemas";
import { emptyForm, fromInput, suggestId, toRawInput } from "./form-values";

describe("form values", () => {
  const filled = {
    ...emptyForm(),
    title: "Kim tours a fighter-jet plant",
    summary: "He visited.",
    type: "military-cooperation",
    precision: "month" as const,
    start: "2023-09",
    countryCodes: "ru",
    tags: "Visit",
    actors: [{ actor: "kim-jong-un", role: "participant" }],
  };
  filled.sources = [{ ...filled.sources[0], title: "Report", quote: "He toured the plant." }];

  it("turns typed month precision into the first day of the month and suggests an id", () => {
    const raw = toRawInput(filled, "draft");
    expect(raw.startDate).toBe("2023-09-01");
    expect(raw.id).toBe("2023-09-kim-tours-a-fighter-jet-plant");
    expect(raw.countryCodes).toEqual(["RU"]);
    expect(eventInputSchema.safeParse(raw).success).toBe(true);
  });

  it("round-trips through EventInput", () => {
    const parsed = eventInputSchema.parse(toRawInput(filled, "draft"));
    expect(eventInputSchema.parse(toRawInput(fromInput(parsed), "draft"))).toEqual(parsed);
  });

  it("builds ids from date and title only", () => {
    expect(suggestId({ start: "2023-09-13", title: "Ünïcode — & <b>Title</b>!" })).toBe("2023-09-13-unicode-b-title-b");
  });
});
