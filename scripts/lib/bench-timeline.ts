// Timeline benchmark in a real Chromium: item elements in the page, long tasks (> 50 ms, as the
// browser reports them) while zooming, panning and changing a filter, and the JavaScript sent.
import { chromium } from "@playwright/test";

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

export async function benchTimeline(base: string, path: string) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ARGS });
  try {
    const page = await browser.newPage();
    // Long tasks are collected across navigations in sessionStorage, since each zoom loads a page.
    await page.addInitScript(() => {
      new PerformanceObserver((list) => {
        const seen = JSON.parse(sessionStorage.getItem("longtasks") ?? "[]") as number[];
        for (const e of list.getEntries()) seen.push(e.duration);
        sessionStorage.setItem("longtasks", JSON.stringify(seen));
      }).observe({ type: "longtask", buffered: true });
    });
    const t0 = performance.now();
    await page.goto(base + path, { waitUntil: "load" });
    const loadMs = performance.now() - t0;
    const counts = await page.evaluate(() => ({
      items: document.querySelectorAll("svg.timeline-svg a").length,
      events: Number(/of (\d+) events/.exec(document.body.innerText)?.[1] ?? 0),
      scriptBytes: performance.getEntriesByType("resource").filter((r) => (r as PerformanceResourceTiming).initiatorType === "script").reduce((n, r) => n + ((r as PerformanceResourceTiming).encodedBodySize || 0), 0),
    }));
    const chart = page.getByLabel(/^Timeline chart/);
    const steps: [string, () => Promise<unknown>][] = [
      ["zoom in", async () => (await chart.focus(), page.keyboard.press("+"))],
      ["pan", async () => (await chart.focus(), page.keyboard.press("ArrowRight"))],
      ["zoom out", async () => (await chart.focus(), page.keyboard.press("-"))],
      ["filter", () => page.goto(`${base}${path}&type=arms-transfer`)],
    ];
    let maxItems = counts.items;
    for (const [, step] of steps) {
      const before = page.url();
      await step();
      await page.waitForURL((u) => u.toString() !== before, { timeout: 30_000 }).catch(() => {});
      await page.waitForLoadState("load");
      maxItems = Math.max(maxItems, await page.locator("svg.timeline-svg a").count());
    }
    const longTasks = await page.evaluate(() => JSON.parse(sessionStorage.getItem("longtasks") ?? "[]") as number[]);
    return { loadMs, filteredEvents: counts.events, maxItems, longestTaskMs: Math.max(0, ...longTasks), longTasks: longTasks.length, scriptKb: counts.scriptBytes / 1024 };
  } finally {
    await browser.close();
  }
}
