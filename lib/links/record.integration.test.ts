// Link checks recorded in PostgreSQL: which addresses a run covers, how a run of failures is
// remembered, when a link becomes dead for readers (and cached pages learn of it), and the
// editors' dead-links list.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth/roles";
import { readPublicVersion } from "../page-cache/public-version";
import { setUpTestDatabase } from "../testing/test-database";
import type { LinkCheckOptions, LinkOutcome } from "./check";
import { closedPort, startLocalLinkServer, type LocalLinkServer } from "./local-link-server";
import { listDeadLinks, listPublicUrls } from "./queries";
import { recordLinkOutcomes } from "./record";
import { runLinkCheck } from "./run";
import { addEvent, makeUser } from "./test-fixtures";

const t = setUpTestDatabase();
let server: LocalLinkServer;
let editor: SessionUser;
let base: string;
const previousUrl = process.env.DATABASE_URL;
const LOCAL: LinkCheckOptions = { allowPrivateHosts: ["127.0.0.1"], hostPauseMs: 0, timeoutMs: 2000 };

beforeAll(async () => {
  server = await startLocalLinkServer(["127.0.0.1"]);
  base = server.base("127.0.0.1");
  editor = await makeUser(t.prisma, "editor");
});
afterAll(async () => {
  process.env.DATABASE_URL = previousUrl;
  await server.close();
});
beforeEach(async () => {
  await t.reset();
  await t.prisma.linkCheck.deleteMany();
});

const row = (url: string) => t.prisma.linkCheck.findUniqueOrThrow({ where: { url } });
const version = async () => Number(await readPublicVersion());
/** Moves every recorded check back in time, as if it had happened `hours` ago. */
const age = (hours: number) =>
  t.prisma.$executeRawUnsafe(
    `UPDATE link_check SET last_checked_at = last_checked_at - interval '${hours} hours', first_failure_at = first_failure_at - interval '${hours} hours', last_ok_at = last_ok_at - interval '${hours} hours'`,
  );

describe("which addresses a run checks", () => {
  it("every source and archive address of published and retracted events, once; not drafts or deleted events", async () => {
    await addEvent(t.prisma, editor, "pub", "published", [
      { url: `${base}/ok?a`, archivedUrl: `${base}/ok?archive` },
      { url: `${base}/ok?shared` },
    ]);
    await addEvent(t.prisma, editor, "retracted", "retracted", [{ url: `${base}/ok?b` }, { url: `${base}/ok?shared` }]);
    await addEvent(t.prisma, editor, "draft", "draft", [{ url: `${base}/ok?draft` }]);
    await addEvent(t.prisma, editor, "deleted", "deleted", [{ url: `${base}/ok?deleted` }]);
    const summary = await runLinkCheck(t.prisma, { kind: "public" }, LOCAL);
    expect(summary.results.map((r) => r.url).sort()).toEqual(
      [`${base}/ok?a`, `${base}/ok?archive`, `${base}/ok?b`, `${base}/ok?shared`].sort(),
    );
    expect(summary.counts).toEqual({ ok: 4, redirected: 0, gone: 0, failing: 0 });
    expect(await t.prisma.linkCheck.count()).toBe(4);
  });

  it("the least recently checked first, and with a due time only those not checked since", async () => {
    await addEvent(t.prisma, editor, "pub", "published", [
      { url: `${base}/ok?1` },
      { url: `${base}/ok?2` },
      { url: `${base}/ok?3` },
    ]);
    await runLinkCheck(t.prisma, { kind: "public" }, { ...LOCAL, maxUrls: 2 });
    // ?3 was left over: never checked, so first next time.
    expect((await listPublicUrls(t.prisma))[0]).toBe(`${base}/ok?3`);
    expect(await listPublicUrls(t.prisma, new Date(Date.now() - 3_600_000))).toEqual([`${base}/ok?3`]);
  });

  it("one event's addresses whatever its status, and a clear refusal for an unknown event", async () => {
    await addEvent(t.prisma, editor, "draft", "draft", [{ url: `${base}/gone`, archivedUrl: `${base}/ok?copy` }]);
    const summary = await runLinkCheck(t.prisma, { kind: "event", eventId: "draft" }, LOCAL);
    expect(summary.results.map((r) => [r.url, r.status])).toEqual([
      [`${base}/gone`, "gone"],
      [`${base}/ok?copy`, "ok"],
    ]);
    await expect(runLinkCheck(t.prisma, { kind: "event", eventId: "no-such-event" }, LOCAL)).rejects.toThrow(
      "There is no such event.",
    );
  });
});

describe("recording a run of failures", () => {
  it("keeps the first failure across failures, clears it on success, and records where a redirect ends", async () => {
    const url = `${base}/flaky`;
    server.setStatus("/flaky", 503);
    await addEvent(t.prisma, editor, "pub", "published", [{ url }, { url: `${base}/moved` }]);
    await runLinkCheck(t.prisma, { kind: "public" }, LOCAL);
    const first = await row(url);
    expect(first).toMatchObject({ status: "failing", httpStatus: 503, lastOkAt: null });
    expect(first.firstFailureAt).toEqual(first.lastCheckedAt);
    expect(await row(`${base}/moved`)).toMatchObject({
      status: "redirected",
      redirectedTo: `${base}/ok`,
      firstFailureAt: null,
    });

    server.setStatus("/flaky", 404);
    await runLinkCheck(t.prisma, { kind: "public" }, LOCAL);
    const second = await row(url);
    expect(second).toMatchObject({ status: "gone", httpStatus: 404, firstFailureAt: first.firstFailureAt });
    expect(second.lastCheckedAt.getTime()).toBeGreaterThan(first.lastCheckedAt.getTime());

    server.setStatus("/flaky", 200);
    await runLinkCheck(t.prisma, { kind: "public" }, LOCAL);
    const back = await row(url);
    expect(back).toMatchObject({ status: "ok", httpStatus: 200, firstFailureAt: null, detail: null });
    expect(back.lastOkAt).toEqual(back.lastCheckedAt);
  });

  it("counts a link dead only after two failures a day apart, and tells cached pages when it dies and comes back", async () => {
    const url = `${base}/dies`;
    server.setStatus("/dies", 410);
    await addEvent(t.prisma, editor, "pub", "published", [{ url, archivedUrl: `${base}/ok?archived` }]);
    let v = await version();
    let summary = await runLinkCheck(t.prisma, { kind: "public" }, LOCAL);
    expect(summary.results.find((r) => r.url === url)).toMatchObject({ status: "gone", dead: false });
    expect(await listDeadLinks(t.prisma)).toEqual([]);
    expect(await version()).toBe(v);

    await age(23); // failed again under a day later: still not dead
    summary = await runLinkCheck(t.prisma, { kind: "public" }, LOCAL);
    expect(summary.results.find((r) => r.url === url)?.dead).toBe(false);
    expect(await version()).toBe(v);

    await age(2); // the first failure is now 25 hours before this check
    summary = await runLinkCheck(t.prisma, { kind: "public" }, LOCAL);
    expect(summary.results.find((r) => r.url === url)?.dead).toBe(true);
    expect(summary.visibilityChanged).toEqual([url]);
    expect(await version()).toBe(v + 1);
    const [dead] = await listDeadLinks(t.prisma);
    expect(dead).toMatchObject({
      eventId: "pub",
      eventTitle: "Event pub",
      sourceTitle: "Report 1",
      url,
      which: "source",
      archivedUrl: `${base}/ok?archived`,
      archiveDead: false,
      httpStatus: 410,
    });
    expect(dead.since).toEqual((await row(url)).firstFailureAt);

    v = await version();
    server.setStatus("/dies", 200);
    await runLinkCheck(t.prisma, { kind: "public" }, LOCAL);
    expect(await version()).toBe(v + 1);
    expect(await listDeadLinks(t.prisma)).toEqual([]);
  });

  it("records nothing when not one of many addresses answered (the checker is offline, not the sources dead)", async () => {
    const port = await closedPort();
    await addEvent(
      t.prisma,
      editor,
      "pub",
      "published",
      Array.from({ length: 10 }, (_, i) => ({ url: `http://127.0.0.1:${port}/${i}` })),
    );
    const summary = await runLinkCheck(t.prisma, { kind: "public" }, LOCAL);
    expect(summary).toMatchObject({ offline: true, counts: { failing: 10 } });
    expect(await t.prisma.linkCheck.count()).toBe(0);
    // One answer among them is enough to trust the run.
    await addEvent(t.prisma, editor, "pub2", "published", [{ url: `${base}/ok?online` }]);
    expect(await runLinkCheck(t.prisma, { kind: "public" }, LOCAL)).toMatchObject({ offline: false });
    expect(await t.prisma.linkCheck.count()).toBe(11);
  });

  it("never lets an older answer overwrite a newer one (two runs overlapping)", async () => {
    const url = `${base}/ok?overlap`;
    const at = (iso: string, status: LinkOutcome["status"]): LinkOutcome => ({
      url,
      status,
      httpStatus: status === "ok" ? 200 : 503,
      redirectedTo: null,
      detail: null,
      method: "HEAD",
      checkedAt: new Date(iso),
    });
    await recordLinkOutcomes(t.prisma, [at("2026-12-01T10:00:00Z", "ok")]);
    await recordLinkOutcomes(t.prisma, [at("2026-12-01T09:59:00Z", "failing")]);
    expect(await row(url)).toMatchObject({
      status: "ok",
      firstFailureAt: null,
      lastCheckedAt: new Date("2026-12-01T10:00:00Z"),
    });
  });
});
