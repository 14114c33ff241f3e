import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside Next's server bundles; in tests the modules run on the server anyway.
  "server-only": path.resolve(import.meta.dirname, "lib/testing/empty-module.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: [
            "**/*.integration.test.ts",
            "**/node_modules/**",
            ".next/**",
            ".next-test*/**",
            ".next-bench/**",
            "e2e/**",
          ],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["**/*.integration.test.ts"],
          exclude: ["**/node_modules/**", ".next/**", ".next-test*/**", ".next-bench/**"],
          environment: "node",
          globalSetup: ["lib/testing/integration-setup.ts"],
          // Every write logs a line; thousands of fuzzed writes would bury the test report.
          env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "error" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
