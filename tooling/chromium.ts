// The Chromium every browser run uses (playwright.config.ts for the e2e specs, the map and
// timeline benchmarks): the system's build, or CHROMIUM_PATH, launched without the sandbox, GPU,
// background traffic or first-run prompts, which a headless run in a container has no use for.
import type { LaunchOptions, Page } from "@playwright/test";

export const CHROMIUM_LAUNCH_OPTIONS: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

/**
 * Records the page's long tasks (> 50 ms, as the browser reports them) in sessionStorage, so
 * that they are kept across full loads; `longTasks` reads their durations back.
 */
export const recordLongTasks = (page: Page) =>
  page.addInitScript(() => {
    new PerformanceObserver((list) => {
      const seen = JSON.parse(sessionStorage.getItem("longtasks") ?? "[]") as number[];
      for (const e of list.getEntries()) seen.push(e.duration);
      sessionStorage.setItem("longtasks", JSON.stringify(seen));
    }).observe({ type: "longtask", buffered: true });
  });

/** The durations, in ms, of the long tasks `recordLongTasks` has seen. */
export const longTasks = (page: Page) =>
  page.evaluate(() => JSON.parse(sessionStorage.getItem("longtasks") ?? "[]") as number[]);
