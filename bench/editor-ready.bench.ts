import { loadavg } from "node:os";
import { test, expect, type Page } from "@playwright/test";

/**
 * How long after navigation to a lesson (/cours/1) its editor takes input, and how long until
 * its first TypeScript diagnostic. LOADS loads, each in a fresh browser context (empty cache,
 * as a first visit), measured in the page against its navigation start:
 * - text: the first contentful paint (the lesson's text is server-rendered);
 * - editable: Monaco's editor is mounted, writable, with the learner's code in it (the
 *   `cuvee-editor-editable` mark, or Monaco's lines appearing when the build has no mark);
 * - diagnostic: once editable, the bench types `consol.log(1);` on the first line and waits for
 *   the red squiggle under it (the TypeScript worker has loaded, checked the file and answered).
 * Prints p50, min and max, and the machine's load average (the machine's other work shows in
 * the figures). Asserts nothing.
 */
const LOADS = Number(process.env.BENCH_LOADS ?? 7);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (value: number) => `${Math.round(value)} ms`;
const summary = (values: number[]) => `p50 ${ms(percentile(values, 50))} (min ${ms(Math.min(...values))}, max ${ms(Math.max(...values))})`;

/** Installed before the page's own scripts: records when the editor and a squiggle first appear. */
function watchPage(): void {
  const seen: Record<string, number> = {};
  (window as unknown as { __benchSeen: Record<string, number> }).__benchSeen = seen;
  const observer = new MutationObserver(() => {
    if (!seen.lines && document.querySelector('[data-testid="code-editor"] .monaco-editor .view-lines .view-line')) seen.lines = performance.now();
    if (!seen.squiggle && document.querySelector('[data-testid="code-editor"] .squiggly-error')) seen.squiggle = performance.now();
  });
  document.addEventListener("DOMContentLoaded", () => observer.observe(document.body, { subtree: true, childList: true, attributes: true }));
}

async function oneLoad(page: Page): Promise<{ text: number; editable: number; diagnostic: number }> {
  await page.addInitScript(watchPage);
  await page.goto("/cours/1");
  const lines = page.locator('[data-testid="code-editor"] .monaco-editor .view-lines');
  await expect(lines).toBeVisible({ timeout: 60_000 });
  await lines.click();
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.insertText("consol.log(1);\n");
  await expect(page.locator('[data-testid="code-editor"] .squiggly-error').first()).toBeVisible({ timeout: 60_000 });
  return page.evaluate(() => {
    const seen = (window as unknown as { __benchSeen: Record<string, number> }).__benchSeen;
    const mark = performance.getEntriesByName("cuvee-editor-editable")[0]?.startTime;
    const text = performance.getEntriesByName("first-contentful-paint")[0]?.startTime;
    return { text: text ?? NaN, editable: mark ?? seen.lines ?? NaN, diagnostic: seen.squiggle ?? NaN };
  });
}

test("editor ready: load → editable → first diagnostic", async ({ browser }) => {
  const loadBefore = loadavg();
  const results: Awaited<ReturnType<typeof oneLoad>>[] = [];
  // One warm-up load: the server's first render of the page and its first static reads.
  for (let i = 0; i <= LOADS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const result = await oneLoad(page);
    await context.close();
    if (i > 0) results.push(result);
  }
  const loadAfter = loadavg();
  console.log(`\nEditor ready (${LOADS} loads of /cours/1, fresh browser context each, production build)`);
  console.log(`  load average before ${loadBefore.map((x) => x.toFixed(2)).join(" ")}, after ${loadAfter.map((x) => x.toFixed(2)).join(" ")}`);
  console.log(`  lesson text on screen: ${summary(results.map((r) => r.text))}`);
  console.log(`  editor editable:       ${summary(results.map((r) => r.editable))}`);
  console.log(`  first diagnostic:      ${summary(results.map((r) => r.diagnostic))}`);
});
