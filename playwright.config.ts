import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_LAUNCH_OPTIONS } from "./tooling/chromium";
import { TEST_DIST_DIR } from "./tooling/dist-dir";

// scripts/test.ts builds the app, prepares a seeded database of its own and passes both here;
// the server is never the developer's running one, nor its build: every server started here
// (the webServer below, e2e/instance.ts, tooling/proxy-stack.ts) serves npm test's own build
// folder, .next-test, through NEXT_DIST_DIR, which the runner sets and the servers inherit.
process.env.NEXT_DIST_DIR ||= TEST_DIST_DIR;
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], channel: undefined },
      testIgnore: /(throttling|test-runner)\.spec\.ts/,
    },
    {
      name: "throttling",
      use: { ...devices["Desktop Chrome"], channel: undefined },
      testMatch: /throttling\.spec\.ts/,
      dependencies: ["chromium"],
    },
    // Last: it runs npm test's build step, which replaces the build the specs above are served.
    { name: "runner", testMatch: /test-runner\.spec\.ts/, dependencies: ["throttling"] },
  ],
  webServer: {
    command: `node_modules/.bin/next start -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/codebook`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      PORT: String(port),
      AUTH_SECRET: process.env.E2E_AUTH_SECRET ?? "e2e-only-secret-not-for-production-use",
      THROTTLE_KEY_PREFIX: `tracker-e2e-${process.pid}:`,
      // e2e/captures.spec.ts serves the page to capture from 127.0.0.1; the address guard stays on for every other host.
      FETCH_ALLOW_PRIVATE_HOSTS: "127.0.0.1",
    },
  },
});
