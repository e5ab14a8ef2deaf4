import { defineConfig } from "@playwright/test";
import base from "../playwright.config";

/**
 * `npm run screenshots` (after `npm run build`): the `*.screens.ts` scripts, which photograph
 * pages for a person to look at, with the e2e server set-up (fresh database, system Chromium).
 * They assert only that each page renders; the e2e suite (`*.spec.ts`) does not include them.
 */
export default defineConfig({
  ...base,
  // Paths in a config are relative to its folder (this one is e2e/).
  testDir: ".",
  testMatch: "*.screens.ts",
  timeout: 600_000,
  reporter: [["list"]],
  outputDir: "../test-results/screenshots",
  webServer: base.webServer && !Array.isArray(base.webServer) ? { ...base.webServer, cwd: process.cwd() } : base.webServer,
});
