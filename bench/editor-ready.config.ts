import { defineConfig } from "@playwright/test";
import runLoop from "./run-loop.config";

/**
 * `npx playwright test -c bench/editor-ready.config.ts` from the project root (after `npm run build`):
 * how soon the lesson's editor takes input, and shows its first diagnostic, on the production
 * build (fresh database, system Chromium). It prints figures and asserts nothing.
 */
export default defineConfig({ ...runLoop, testMatch: "editor-ready.bench.ts" });
