import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".next-test*/**",
      ".next-bench/**",
      "lib/generated/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  // Imports run scripts → tooling → lib: the app's own code never reaches into the CLIs or the
  // tooling they share with the tests (lib/testing and the tests themselves may use tooling).
  {
    files: ["app/**", "components/**", "lib/**", "proxy.ts", "instrumentation.ts"],
    ignores: ["lib/testing/**", "**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/scripts/**", "**/tooling/**", "@/scripts/**", "@/tooling/**"],
              message: "App code imports neither scripts/ nor tooling/; move what both need into lib/.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
