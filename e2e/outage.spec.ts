// A database outage under load, end to end: this spec starts its own app (scratch embedded
// PostgreSQL and `next start` on free ports, from the current build), loads it with readers and
// editors saving through the real server action, stops PostgreSQL for 3 s and starts it again.
// It checks what callers see — a browser, the API, load balancers' health checks — and what the
// database kept. `npm run chaos` is the same drill with a 10 s outage and printed figures.
import { expect, test, type Page } from "@playwright/test";
import { runDrill, TARGET_MS } from "../tooling/chaos-drill";
import { EDITOR } from "../tooling/chaos-stack";
import { submitSignIn } from "./fixtures";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function getJson(url: string) {
  const started = performance.now();
  const r = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  return {
    status: r.status,
    headers: r.headers,
    body: (await r.json()) as Record<string, unknown>,
    ms: performance.now() - started,
  };
}

/** Polls until `url` answers `status`; returns how long that took. */
async function waitForStatus(url: string, status: number, limitMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    const r = await fetch(url, { signal: AbortSignal.timeout(limitMs) }).catch(() => null);
    if (r?.status === status) return performance.now() - started;
    await sleep(100);
  }
  throw new Error(`${url} did not answer ${status} within ${limitMs} ms`);
}

async function visit(page: Page, url: string) {
  const started = performance.now();
  const response = await page.goto(url);
  return { status: response?.status(), ms: performance.now() - started };
}

test("a database outage: 503s at once, recovery within 5 s, same process, no lost or half-written write", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  let pidDuring: unknown;
  // An editor in a browser has a new event typed in when the database goes away.
  const editor = await browser.newPage();
  const title = `Outage test event ${Math.random().toString(36).slice(2, 7)}`;
  const drill = await runDrill({
    outageSeconds: 3,
    beforeSeconds: 2,
    afterSeconds: 3,
    readers: 3,
    editors: 2,
    beforeOutage: async ({ appUrl }) => {
      await submitSignIn(editor, EDITOR, appUrl);
      await editor.waitForURL(/\/editor/);
      await editor.goto(`${appUrl}/editor/events/new`);
      await editor.getByLabel("Title", { exact: true }).fill(title);
      await editor.getByLabel("Summary (neutral, in your own words)").fill("Typed before the database went away.");
      await editor.getByLabel("Event type").selectOption("arms-transfer");
      await editor.getByLabel("Date", { exact: true }).fill("2024-02-10");
      await editor.getByLabel("Title of source 1").fill("A report");
      await editor.getByLabel("Quote: the source's own words, exactly (source 1)").fill("A quoted passage.");
    },
    duringOutage: async ({ appUrl }) => {
      // Readiness notices the outage within 5 s; liveness does not depend on the database.
      expect(await waitForStatus(`${appUrl}/api/ready`, 503, TARGET_MS)).toBeLessThanOrEqual(TARGET_MS);
      const ready = await getJson(`${appUrl}/api/ready`);
      expect(ready.headers.get("cache-control")).toBe("no-store");
      expect(JSON.stringify(ready.body.error)).toMatch(/database cannot be reached/i);
      const health = await getJson(`${appUrl}/api/health`);
      expect(health.status).toBe(200);
      expect(health.body.status).toBe("ok");
      pidDuring = health.body.pid;

      // A person gets a page saying what is wrong, at once.
      const visited = await visit(page, `${appUrl}/events`);
      expect(visited.status).toBe(503);
      expect(visited.ms).toBeLessThanOrEqual(TARGET_MS);
      await expect(page.getByRole("heading", { name: "The tracker is temporarily unavailable" })).toBeVisible();

      // The API answers JSON with Retry-After.
      const api = await getJson(`${appUrl}/api/v1/events?limit=5`);
      expect(api.status).toBe(503);
      expect(api.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(String((api.body.error as { message: string }).message)).toMatch(/database is unavailable/i);
      expect(api.ms).toBeLessThanOrEqual(TARGET_MS);

      // The editor's save is refused in words, and what they typed is still in the form.
      await editor.getByRole("button", { name: "Create draft" }).click();
      await expect(editor.getByRole("alert").filter({ hasText: "nothing was saved" })).toBeVisible();
      await expect(editor.getByLabel("Title", { exact: true })).toHaveValue(title);
    },
    afterRecovery: async ({ appUrl }) => {
      expect(await waitForStatus(`${appUrl}/api/ready`, 200, TARGET_MS)).toBeLessThanOrEqual(TARGET_MS);
      const ready = await getJson(`${appUrl}/api/ready`);
      expect(ready.body).toMatchObject({ status: "ready", database: "ok" });
      const visited = await visit(page, `${appUrl}/events`);
      expect(visited.status).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(/unavailable/i);
      await expect(page.getByRole("link", { name: /Kim.*Putin/i }).first()).toBeVisible();

      // Still signed in, the editor saves the same form again, and it is saved.
      await editor.getByRole("button", { name: "Create draft" }).click();
      await expect(editor.getByText("Saved.")).toBeVisible();
      await expect(editor.getByLabel("Title", { exact: true })).toHaveValue(title);
    },
  });

  // One process throughout: same pid before, during and after.
  expect(drill.processAlive).toBe(true);
  expect(pidDuring).toBe(drill.pidBefore);
  expect(drill.pidAfter).toBe(drill.pidBefore);
  // During the outage every answer was a 503 (or a success that beat the shutdown), never a hang.
  expect(drill.outage.duringCount).toBeGreaterThan(0);
  expect(Object.keys(drill.outage.duringByStatus).filter((s) => s !== "503" && !s.startsWith("2"))).toEqual([]);
  expect(drill.outage.clear503).toBeGreaterThan(0);
  expect(drill.outage.slowestDuringMs).toBeLessThanOrEqual(TARGET_MS);
  expect(drill.outage.recoveryMs).not.toBeNull();
  expect(drill.outage.recoveryMs!).toBeLessThanOrEqual(TARGET_MS);
  expect(drill.outage.errorsOutside).toBe(0);
  // Every acknowledged save is there, and whole.
  expect(drill.integrity.acknowledged).toBeGreaterThan(0);
  expect(drill.integrity.lost).toEqual([]);
  expect(drill.integrity.halfWritten).toEqual([]);
  expect(drill.missed).toEqual([]);
});
