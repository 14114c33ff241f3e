// A save is judged (who may write, which status it keeps) on the row it read; it must then write
// only that row. The version a form sends is the caller's word and can be forged: here a
// contributor's save reads their draft, an editor publishes it, and the save, carrying the
// version the publish made, would overwrite the published event with the draft it was judged on.
// The interleaving is made deterministic with a real lock: the save creates an actor whose slug
// another transaction has inserted and not yet committed, so it waits between its read and its write.
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/roles";
import { testEventInput } from "../testing/event-input";
import { createSessionUser, setUpTestDatabase } from "../testing/test-database";
import { ConflictError } from "./errors";
import { createEvent, transitionEvent, updateEvent } from "./mutations";
import type { EventInput } from "./schemas";

const t = setUpTestDatabase({ seed: true });
let contributor: SessionUser;
let editor: SessionUser;

const draft = (id: string, extra: Partial<EventInput> = {}): EventInput =>
  testEventInput(id, { title: "A shipment seen in a port", ...extra });

beforeAll(async () => {
  contributor = await createSessionUser(t.prisma, "contributor", "forger@example.org");
  editor = await createSessionUser(t.prisma, "editor", "publisher@example.org");
});

/** Waits until some statement in this database is waiting for a lock. */
async function someoneWaitsForALock(admin: pg.Client) {
  await expect
    .poll(
      async () =>
        (
          await admin.query(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
          )
        ).rows[0].n,
      { timeout: 10_000 },
    )
    .toBeGreaterThan(0);
}

describe("a save writes only the row it was judged on", () => {
  it("refuses a contributor's save judged on their draft when an editor published it in between, even with the publish's version forged", async () => {
    const id = "2024-01-forged-version";
    const { version } = await createEvent(t.prisma, contributor, draft(id));
    const gate = new pg.Client({ connectionString: t.url });
    await gate.connect();
    try {
      await gate.query("BEGIN");
      await gate.query("INSERT INTO actor (slug, name, kind, aliases) VALUES ('forged-gate', 'Gate', 'state', '{}')");
      // The contributor's save reads the draft (theirs: allowed), then waits on the gate.
      const save = updateEvent(
        t.prisma,
        contributor,
        id,
        version + 1,
        draft(id, { summary: "The contributor's late edit." }),
        {
          newActors: [{ slug: "forged-gate", name: "Gate", kind: "state", aliases: [] }],
        },
      ).then(
        () => "saved",
        (err: unknown) => err,
      );
      await someoneWaitsForALock(gate);
      // Meanwhile an editor publishes the draft: version + 1.
      expect((await transitionEvent(t.prisma, editor, id, version, "publish")).version).toBe(version + 1);
      await gate.query("ROLLBACK");
      expect(await save).toBeInstanceOf(ConflictError);
    } finally {
      await gate.end();
    }
    const stored = await t.prisma.event.findUniqueOrThrow({ where: { id } });
    expect([stored.status, stored.version, stored.summary]).toEqual(["published", version + 1, "Something happened."]);
    const kinds = (await t.prisma.revision.findMany({ where: { eventId: id }, orderBy: { id: "asc" } })).map(
      (r) => r.kind,
    );
    expect(kinds).toEqual(["create", "publish"]);
  });
});
