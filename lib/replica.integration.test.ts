// Public reads from a real streaming replica (DATABASE_READ_URL), made by the test from the
// machine's PostgreSQL 15 with pg_basebackup -R: what readers see follows the replica's replay,
// never the primary's commit, and a replica that stops takes the public reads to 503 while the
// desk keeps reading and writing the primary.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withDatabaseErrors } from "./api/http";
import type { SessionUser } from "./auth/roles";
import { databaseUnavailableResponse } from "./availability";
import { breakerState, replicaBreakerState } from "./breaker-state";
import { db, readDb, readPool, reportReadError } from "./db";
import { getEventForEdit } from "./events/editor-queries";
import { createEvent, transitionEvent } from "./events/mutations";
import { parseEventQuery } from "./events/query-params";
import type { EventInput } from "./events/schemas";
import { readPublicVersion } from "./page-cache/public-version";
import { checkReadiness } from "./readiness";
import { waitForReplicaCatchUp } from "./replica-catch-up";
import { isReplicaError } from "./replica-errors";
import { testEventInput } from "./testing/event-input";
import { startReplicaPair, type ReplicaPair } from "./testing/replica";
import { getTimelineEvent } from "./timeline/queries";

let pair: ReplicaPair;
let editor: SessionUser;
const saved = { url: process.env.DATABASE_URL, readUrl: process.env.DATABASE_READ_URL };
const everything = parseEventQuery({}).query;

const event = (id: string, extra: Partial<EventInput> = {}): EventInput =>
  testEventInput(id, { title: `Shipment ${id}`, ...extra });

/** What a reader of the public timeline finds for this event (null: not there). */
const publicTitle = async (id: string) => (await getTimelineEvent(everything, id))?.title ?? null;
const request = (path: string, accept = "text/html") => new Request(`http://localhost${path}`, { headers: { accept } });

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Gave up after ${timeoutMs} ms waiting until ${what}.`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeAll(async () => {
  pair = await startReplicaPair();
  process.env.DATABASE_URL = pair.primaryUrl;
  process.env.DATABASE_READ_URL = pair.replicaUrl;
  await db().actor.create({ data: { slug: "north-korea", name: "North Korea", kind: "state", countryCode: "KP" } });
  const u = await db().user.create({ data: { email: "editor@example.org", name: "Editor", role: "editor" } });
  editor = { id: u.id, email: u.email, name: u.name, role: "editor" };
  await pair.waitForReplay();
}, 120_000);

afterAll(async () => {
  await db().$disconnect();
  await readDb().$disconnect();
  // Assigning undefined to process.env would store the string "undefined".
  for (const [name, value] of [
    ["DATABASE_URL", saved.url],
    ["DATABASE_READ_URL", saved.readUrl],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await pair?.stop();
});

describe("reads from a streaming replica", () => {
  it("public reads go to the replica, the desk's to the primary", async () => {
    const inRecovery = async (client: typeof db) =>
      (await client().$queryRaw<{ r: boolean }[]>`SELECT pg_is_in_recovery() AS r`)[0].r;
    expect(await inRecovery(readDb)).toBe(true);
    expect(await inRecovery(db)).toBe(false);
    // The raw pool behind readDb(), for COPY streams and SQL built by hand.
    expect((await readPool().query<{ r: boolean }>("SELECT pg_is_in_recovery() AS r")).rows[0].r).toBe(true);
  });

  it("a publication reaches readers, and the public version, only once the replica has replayed it", async () => {
    await createEvent(db(), editor, event("replica-publish"));
    await pair.waitForReplay();
    const before = await readPublicVersion();
    expect(before).toMatch(/^\d+$/);

    await pair.pauseReplay();
    try {
      await transitionEvent(db(), editor, "replica-publish", 1, "publish");
      // Committed on the primary: the editor sees it published, and the primary's version moved.
      expect((await getEventForEdit("replica-publish", editor))?.status).toBe("published");
      const onPrimary = await db().$queryRaw<{ v: bigint }[]>`SELECT version AS v FROM public_change WHERE id = 1`;
      expect(onPrimary[0].v).toBe(BigInt(before!) + 1n);
      // Not replayed yet: readers still find no such event, and the version that keys cached
      // pages and ETags has not moved, so no cache can hold a page the replica cannot back.
      expect(await publicTitle("replica-publish")).toBeNull();
      expect(await readPublicVersion()).toBe(before);
    } finally {
      await pair.resumeReplay();
    }

    await pair.waitForReplay();
    expect(await publicTitle("replica-publish")).toBe("Shipment replica-publish");
    expect(await readPublicVersion()).toBe(String(BigInt(before!) + 1n));
  });

  it("after an editor's change, the desk waits until readers can see it on a lagging replica, within its bound", async () => {
    await pair.delayReplay(1_000);
    try {
      await createEvent(db(), editor, event("replica-lagging", { status: "published" }));
      expect(await publicTitle("replica-lagging")).toBeNull(); // a second behind: readers do not see it yet
      const started = Date.now();
      expect(await waitForReplicaCatchUp(5_000)).toBe(true);
      expect(Date.now() - started).toBeGreaterThan(500);
      expect(await publicTitle("replica-lagging")).toBe("Shipment replica-lagging");

      // A bound shorter than the lag: it gives up in time, and says so; the change is still saved.
      await createEvent(db(), editor, event("replica-lagging-2", { status: "published" }));
      const giveUp = Date.now();
      expect(await waitForReplicaCatchUp(200)).toBe(false);
      expect(Date.now() - giveUp).toBeLessThan(700);
      expect((await getEventForEdit("replica-lagging-2", editor))?.status).toBe("published");
    } finally {
      await pair.delayReplay(0);
    }
    await pair.waitForReplay();
  });

  it("a stopped replica: public reads answer 503 at once, the desk keeps reading and writing, readiness stays 200", async () => {
    expect(await publicTitle("replica-publish")).not.toBeNull(); // the replica's pool has a live connection to lose
    await pair.stopReplica();
    try {
      // The replica tells its open connections it is shutting down: its breaker opens, the primary's does not.
      await until(() => replicaBreakerState.openSince !== null, "the replica's breaker opens");
      expect(breakerState.openSince).toBeNull();

      // Readers, in the form each reads: a page, the API, a feed, an export, an embed.
      for (const [path, accept] of [
        ["/", "text/html"],
        ["/events/replica-publish", "text/html"],
        ["/timeline", "text/html"],
        ["/embed/timeline", "text/html"],
        ["/api/v1/events", "application/json"],
        ["/events.atom", "*/*"],
        ["/events.csv", "*/*"],
      ]) {
        const answer = databaseUnavailableResponse(request(path, accept));
        expect(answer?.status, path).toBe(503);
        expect(answer?.headers.get("retry-after"), path).toBe("5");
      }
      // The desk passes.
      for (const path of [
        "/editor",
        "/editor/events/replica-publish",
        "/admin/users",
        "/signin",
        "/api/auth/session",
        "/api/ready",
        "/api/health",
      ]) {
        expect(databaseUnavailableResponse(request(path)), path).toBeNull();
      }

      // A route that reads the replica and meets the outage itself answers 503, and reports it to
      // the replica's breaker only: the site-wide breaker stays closed.
      const caught = await getTimelineEvent(everything, "replica-publish").then(
        () => null,
        (err: unknown) => err,
      );
      expect(isReplicaError(caught)).toBe(true);
      const route = withDatabaseErrors(async () =>
        Response.json(await getTimelineEvent(everything, "replica-publish")),
      );
      expect((await route(request("/api/v1/whatever", "application/json"))).status).toBe(503);
      // The same for the raw pool's errors, which carry no mark: reportReadError knows where they came from.
      const raw = await readPool()
        .query("SELECT 1")
        .then(
          () => null,
          (err: unknown) => err,
        );
      expect(reportReadError(raw)).toBe(true);
      expect(breakerState.openSince).toBeNull();

      // The desk: an editor creates and publishes, and reads their own change back at once.
      await createEvent(db(), editor, event("replica-during-outage", { status: "published" }));
      expect((await getEventForEdit("replica-during-outage", editor))?.status).toBe("published");
      expect(await checkReadiness()).toMatchObject({ ready: true, replica: { status: "unavailable" } });
    } finally {
      await pair.startReplica();
    }

    // Back: the probe closes the replica's breaker, and the replica catches up by streaming.
    await until(() => replicaBreakerState.openSince === null, "the replica's breaker closes");
    expect(databaseUnavailableResponse(request("/timeline"))).toBeNull();
    await pair.waitForReplay();
    expect(await publicTitle("replica-during-outage")).toBe("Shipment replica-during-outage");
    expect(await checkReadiness()).toMatchObject({ ready: true, replica: { status: "ok" } });
  });
});
