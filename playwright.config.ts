import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests drive Debian's Chromium (`apt-get install chromium`; Playwright's own browser
 * download cannot work offline) against a real `next start` on a fresh SQLite database.
 * The app must be built first (`npm run build`; `npm test` does it).
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path));

export default defineConfig({
  testDir: "e2e",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  outputDir: "test-results",
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "fr-FR",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: systemChromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    // A fresh database for every test session: the app creates and migrates it on start.
    command: `rm -rf .tmp/e2e && mkdir -p .tmp/e2e && npx next start -p ${port}`,
    url: `http://localhost:${port}/api/cuvee/health`,
    env: { DATABASE_URL: "file:./.tmp/e2e/cuvee.db", NEXT_TELEMETRY_DISABLED: "1" },
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
