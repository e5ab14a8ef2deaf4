import { defineConfig } from "@playwright/test";
import base from "../playwright.config";

/**
 * `npx playwright test -c bench/run-loop.config.ts` from the project root (after `npm run build`): the run-loop
 * benchmark on the production build, with the e2e server set-up (fresh database, system
 * Chromium). It prints figures and asserts nothing.
 */
export default defineConfig({
  ...base,
  testDir: ".",
  testMatch: "run-loop.bench.ts",
  timeout: 600_000,
  reporter: [["list"]],
  outputDir: "../test-results/bench",
  // Paths in a config are relative to its folder: run the server from the project root.
  webServer: base.webServer && !Array.isArray(base.webServer) ? { ...base.webServer, cwd: process.cwd() } : base.webServer,
});
