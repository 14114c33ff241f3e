// A change to a public event is labelled for readers as a correction or an update; the server
// refuses a save that does not say which, with a message on that choice (no default: a wrong one
// would mislabel the change in public).
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/roles";
import { SUPPLIER_AND_RECIPIENT, testEventInput, testSource } from "../testing/event-input";
import { createSessionUser, setUpTestDatabase } from "../testing/test-database";
import { InvalidInputError } from "./errors";
import { createEvent, updateEvent } from "./mutations";
import type { EventInput } from "./schemas";

const t = setUpTestDatabase({ seed: true });
let editor: SessionUser;
const ID = "2024-04-change-kind-test";
const event = (summary: string): EventInput =>
  testEventInput(ID, {
    title: "Change kind test shipment",
    summary,
    startDate: "2024-04-01",
    status: "published",
    actors: SUPPLIER_AND_RECIPIENT,
    sources: [testSource({ url: "https://example.org/kind", title: "Report", publisher: "Agency" })],
  });

beforeAll(async () => {
  editor = await createSessionUser(t.prisma, "editor", "kind-editor@example.org", "Ed");
  await createEvent(t.prisma, editor, event("Published."));
});

const refusal = async (change: Parameters<typeof updateEvent>[5]) => {
  const err = await updateEvent(t.prisma, editor, ID, 1, event("Edited in public."), change).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(InvalidInputError);
  return (err as InvalidInputError).fieldErrors;
};

describe("a save of a public event", () => {
  it("without a kind is refused with a message on the kind, and nothing is saved", async () => {
    const fieldErrors = await refusal({ note: "A second outlet named the port." });
    expect(fieldErrors.kind).toEqual(["Choose whether this corrects an error or adds new information"]);
    expect(fieldErrors.note).toBeUndefined();
    expect(await t.prisma.revision.count({ where: { eventId: ID } })).toBe(1);
  });

  it("without a note is refused with a message on the note only", async () => {
    const fieldErrors = await refusal({ kind: "update" });
    expect(fieldErrors).toEqual({ note: ["Describe the change for readers"] });
  });

  it("with both is saved under the kind chosen", async () => {
    await updateEvent(t.prisma, editor, ID, 1, event("Edited in public."), {
      kind: "update",
      note: "A second outlet named the port.",
    });
    const last = await t.prisma.revision.findFirstOrThrow({ where: { eventId: ID }, orderBy: { id: "desc" } });
    expect([last.kind, last.note]).toEqual(["update", "A second outlet named the port."]);
  });
});
