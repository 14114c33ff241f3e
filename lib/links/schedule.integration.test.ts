// The scheduled check: one instance at a time through the advisory lock, only what is due, and
// never an exception into the server, even with the database down.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { logger } from "../log";
import { setUpTestDatabase } from "../testing/test-database";
import type { LinkCheckOptions } from "./check";
import { closedPort, startLocalLinkServer, type LocalLinkServer } from "./local-link-server";
import { withLinkCheckLock } from "./lock";
import { createLinkCheckTick, linkCheckIntervalHours, runScheduledLinkCheck, tickMs } from "./schedule";
import { addEvent, makeUser } from "./test-fixtures";

const t = setUpTestDatabase();
let server: LocalLinkServer;
const previousUrl = process.env.DATABASE_URL;
const LOCAL: LinkCheckOptions = { allowPrivateHosts: ["127.0.0.1"], hostPauseMs: 0, timeoutMs: 5000 };

beforeAll(async () => {
  server = await startLocalLinkServer(["127.0.0.1"]);
  const editor = await makeUser(t.prisma, "editor");
  // Slow answers, so the first run still holds the lock when the second asks for it.
  await addEvent(t.prisma, editor, "pub", "published", [{ url: `${server.base("127.0.0.1")}/ok?delay=400` }]);
});
afterAll(async () => {
  process.env.DATABASE_URL = previousUrl;
  await server.close();
});

describe("the scheduled link check", () => {
  it("runs on one instance at a time: of two concurrent runs one checks, the other skips", async () => {
    const scheduled = () =>
      runScheduledLinkCheck({ databaseUrl: t.url, prisma: t.prisma, intervalHours: 24, options: LOCAL });
    const outcomes = await Promise.all([scheduled(), scheduled()]);
    expect(outcomes.map((o) => o.ran).sort()).toEqual([false, true]);
    const ran = outcomes.find((o) => o.ran);
    expect(ran && ran.ran && ran.summary.results).toHaveLength(1);
    expect(server.requests.filter((r) => r.path.startsWith("/ok")).length).toBe(1);
    // The lock was released: the next run gets it, and finds nothing due for another day.
    const next = await scheduled();
    expect(next).toMatchObject({ ran: true, summary: { inScope: 0 } });
  });

  it("skips while the command line (or any holder) has the lock", async () => {
    const inner = await withLinkCheckLock(t.url, () =>
      runScheduledLinkCheck({ databaseUrl: t.url, prisma: t.prisma, intervalHours: 24, options: LOCAL }),
    );
    expect(inner).toEqual({ ran: true, value: { ran: false } });
  });

  it("a tick with the database down logs a warning and resolves: the server never sees an exception", async () => {
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => {});
    try {
      const tick = createLinkCheckTick(`postgresql://postgres@127.0.0.1:${await closedPort()}/nowhere`, 24, LOCAL);
      await expect(tick()).resolves.toBeUndefined();
      expect(warn).toHaveBeenCalledWith(
        expect.objectContaining({ action: "links.check", outcome: "failed" }),
        expect.stringContaining("next tick"),
      );
    } finally {
      warn.mockRestore();
    }
  });

  it("reads LINK_CHECK_INTERVAL_HOURS: off when unset, refused when nonsense", () => {
    expect(linkCheckIntervalHours(undefined)).toBeNull();
    expect(linkCheckIntervalHours("")).toBeNull();
    expect(linkCheckIntervalHours("24")).toBe(24);
    expect(linkCheckIntervalHours("0.5")).toBe(0.5);
    for (const bad of ["0", "-1", "daily", "1e9"])
      expect(() => linkCheckIntervalHours(bad)).toThrow(/LINK_CHECK_INTERVAL_HOURS/);
    expect(tickMs(24)).toBe(3_600_000);
    expect(tickMs(1)).toBe(15 * 60_000);
    expect(tickMs(0.01)).toBe(60_000);
  });
});
