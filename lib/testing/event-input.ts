// The event input the integration tests save through the desk's write path: a draft shipment
// supplied by North Korea, citing one news report. Each test overrides what it is about. Types
// only: safe to import from the browser specs too.
import type { EventInput, SourceInput } from "../events/schemas";

/** One supporting news citation; `overrides` replace its fields. */
export const testSource = (overrides: Partial<SourceInput> = {}): SourceInput => ({
  url: "https://example.org/a",
  title: "Report A",
  publisher: "Agency A",
  sourceType: "news",
  stance: "supports",
  quote: "Shells were shipped.",
  language: "en",
  ...overrides,
});

/** The actors of a shipment from North Korea to Russia. */
export const SUPPLIER_AND_RECIPIENT: EventInput["actors"] = [
  { actor: "north-korea", role: "supplier" },
  { actor: "russia", role: "recipient" },
];

/** A draft event with the given id; `overrides` replace whole fields. */
export const testEventInput = (id: string, overrides: Partial<EventInput> = {}): EventInput => ({
  id,
  title: `Event ${id}`,
  summary: "Something happened.",
  type: "arms-transfer",
  claimStatus: "alleged",
  startDate: "2024-01-01",
  precision: "month",
  approximate: false,
  countryCodes: ["KP"],
  tags: [],
  itemCategories: [],
  status: "draft",
  actors: [{ actor: "north-korea", role: "supplier" }],
  sources: [testSource()],
  ...overrides,
});
