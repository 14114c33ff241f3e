// Timeline benchmark in a real Chromium: item elements in the page, long tasks (> 50 ms, as the
// browser reports them) while zooming, panning and changing a filter, and the JavaScript sent.
import { chromium, type Page } from "@playwright/test";
import { CHROMIUM_LAUNCH_OPTIONS, longTasks, recordLongTasks } from "../../tooling/chromium";

const ITEMS = "svg.timeline-svg a";

/** Script URLs and their compressed sizes for the page as loaded. */
const scripts = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .filter((r) => (r as PerformanceResourceTiming).initiatorType === "script")
      .map((r) => [r.name, (r as PerformanceResourceTiming).encodedBodySize || 0] as const),
  );

export interface TimelineBench {
  loadMs: number;
  filteredEvents: number;
  maxItems: number;
  longestTaskMs: number;
  longTasks: number;
  steps: { step: string; items: number; ms: number }[];
  scriptKb: number;
  /** Scripts the timeline page loads that the table page does not: the timeline's own code. */
  timelineOnlyKb: number;
}

export async function benchTimeline(base: string, path: string): Promise<TimelineBench> {
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/events`, { waitUntil: "load" });
    const tableScripts = new Set((await scripts(page)).map(([name]) => name));
    // Long tasks are collected across full loads in sessionStorage (the filter step is one).
    await recordLongTasks(page);
    const t0 = performance.now();
    await page.goto(base + path, { waitUntil: "load" });
    const loadMs = performance.now() - t0;
    const timelineScripts = await scripts(page);
    const filteredEvents = Number(
      /of (\d+) events/.exec(await page.locator(".timeline [role=status]").innerText())?.[1] ?? 0,
    );
    const chart = page.getByLabel(/^Timeline chart/);
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    const at = (fx: number) => [box.x + box.width * fx, box.y + Math.min(box.height, 600) / 2] as const;
    const key = (k: string) => async () => {
      await chart.focus();
      await page.keyboard.press(k);
    };
    const steps: [string, () => Promise<unknown>][] = [
      ["zoom in (+)", key("+")],
      ["pan (→)", key("ArrowRight")],
      [
        "zoom in (Ctrl+wheel)",
        async () => {
          await page.mouse.move(...at(0.6));
          await page.keyboard.down("Control");
          await page.mouse.wheel(0, -300);
          await page.keyboard.up("Control");
        },
      ],
      [
        "pan (drag)",
        async () => {
          await page.mouse.move(...at(0.6));
          await page.mouse.down();
          await page.mouse.move(...at(0.35), { steps: 8 });
          await page.mouse.up();
        },
      ],
      ["zoom out (−)", key("-")],
      ["lanes by actor", () => page.getByRole("link", { name: "by actor" }).click()],
      ["filter (one type)", () => page.goto(`${base}${path}&type=arms-transfer`)],
    ];
    const results: TimelineBench["steps"] = [{ step: "load", items: await page.locator(ITEMS).count(), ms: loadMs }];
    for (const [step, act] of steps) {
      const before = page.url();
      const t = performance.now();
      await act();
      // Done when the URL has changed and the chart is no longer waiting for the next view.
      await page.waitForURL((u) => u.toString() !== before, { timeout: 30_000 });
      await page.locator(".timeline-frame:not([aria-busy=true])").waitFor({ timeout: 30_000 });
      results.push({ step, items: await page.locator(ITEMS).count(), ms: performance.now() - t });
    }
    const tasks = await longTasks(page);
    const kb = (list: (readonly [string, number])[]) => list.reduce((n, [, size]) => n + size, 0) / 1024;
    return {
      loadMs,
      filteredEvents,
      maxItems: Math.max(...results.map((r) => r.items)),
      longestTaskMs: Math.max(0, ...tasks),
      longTasks: tasks.length,
      steps: results,
      scriptKb: kb(timelineScripts),
      timelineOnlyKb: kb(timelineScripts.filter(([name]) => !tableScripts.has(name))),
    };
  } finally {
    await browser.close();
  }
}
