import { readFileSync } from "node:fs";
import { test, expect } from "@playwright/test";
import { cpus, loadavg } from "node:os";
import { transpile } from "../lib/runner/module-system";
import { RUN_TIMINGS_FLAG } from "../lib/runner/run-timings";

/**
 * How long from clicking "Exécuter" to the new run being visible in the live panel with its
 * metric, over RUNS runs of bloc 1's solution in the browser sandbox (Web Worker). Measured in
 * the page (a click listener's timestamp to a MutationObserver seeing the new run's row with
 * `rmse =`), so Playwright's own latency is not counted. Also the transpile time alone.
 * Prints p50/p95; asserts nothing (goal: p50 ≤ 250 ms, p95 ≤ 500 ms).
 *
 * And where the time goes, p50 of each phase: the runner's timeline (lib/runner/run-timings.ts,
 * asked for by a flag the bench sets: worker boot, frame hops, transpile, data load, fit, each
 * SDK request with the server's own time from its Server-Timing header), then the live panel's
 * requests after the run ended (Resource Timing) and its render.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
/** Idle time between a run showing and the next click (a learner reads the result first). */
const GAP_MS = Number(process.env.BENCH_GAP_MS ?? 500);
const solution = readFileSync("content/blocs/01-premiere-experience/solution/main.ts", "utf8");

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

const loadAverage = () => loadavg().map((value) => value.toFixed(2)).join(", ");

interface RunTimeline {
  clickedAt: number;
  finished: number;
  visible: number;
  /** The runner's spans (cuvee:* measures), in the page's clock. */
  spans: { name: string; start: number; end: number; server?: number }[];
  /** The page's own MLflow requests (the live panel's reads, each caused by a change event). */
  pageRequests: { name: string; start: number; end: number }[];
}

/** One run's phases, in ms; a phase may be absent from a run (a panel read that did not happen). */
type Breakdown = Map<string, number>;

function breakDown({ clickedAt, finished, visible, spans, pageRequests }: RunTimeline): Breakdown {
  const phases: Breakdown = new Map();
  const add = (name: string, value: number) => phases.set(name, (phases.get(name) ?? 0) + value);
  const runner = spans.find((span) => span.name === "runner");
  const workerRun = spans.find((span) => span.name === "worker run");
  if (!runner || !workerRun) throw new Error("the runner sent no timeline: is the build older than lib/runner/run-timings.ts?");
  add("click → runner start (page, React)", runner.start - clickedAt);
  let inWorker = 0;
  for (const span of spans) {
    const duration = span.end - span.start;
    if (span.name.startsWith("worker boot")) add(`(off the path) ${span.name}`, duration);
    else if (span.name.startsWith("page → worker") || span.name.startsWith("worker → page")) add(span.name, duration);
    else if (span.name === "transpile" || span.name === "data load" || span.name === "fit") {
      add(`  ${span.name}`, duration);
      inWorker += duration;
    } else if (span.name.startsWith("http ")) {
      add(`  ${span.name}`, duration);
      if (span.server !== undefined) add(`    of which server (${span.name.slice(5)})`, span.server);
      add("  all SDK requests", duration);
      inWorker += duration;
    }
  }
  add("worker run (from the run message to its end)", workerRun.end - workerRun.start);
  add("  rest of the worker run (module init, learner code, SDK, flush)", workerRun.end - workerRun.start - inWorker);
  add("runner end → \"Exécution terminée\" shown", finished - runner.end);
  // Negative when a change event during the run showed it first.
  add("runner end → run in the live panel", visible - runner.end);
  const after = pageRequests.filter((request) => request.end > runner.end);
  if (after.length > 0) {
    add("  wait for the panel's first request", Math.max(0, Math.min(...after.map((request) => request.start)) - runner.end));
    for (const request of after) add(`  panel ${request.name}`, request.end - request.start);
    add("  panel render after its last response", visible - Math.max(...after.map((request) => request.end)));
  }
  add("panel requests during the run", pageRequests.filter((request) => request.start < runner.end && request.start > clickedAt).length);
  return phases;
}

function printBreakdown(breakdowns: Breakdown[]): void {
  const names: string[] = [];
  for (const breakdown of breakdowns) for (const name of breakdown.keys()) if (!names.includes(name)) names.push(name);
  console.log(`  where the time goes (p50 / p95 over the runs that have the phase; indented lines are parts of the line above):`);
  for (const name of names) {
    const values = breakdowns.map((breakdown) => breakdown.get(name)).filter((value): value is number => value !== undefined);
    const figure = name.startsWith("panel requests during")
      ? `${percentile(values, 50)} (p50)`
      : `p50 ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))}`;
    console.log(`    ${name.padEnd(68)} ${figure}${values.length < breakdowns.length ? ` (in ${values.length} of ${breakdowns.length} runs)` : ""}`);
  }
}

test("run loop: click Run → run with its metric in the live panel", async ({ page }) => {
  // Transpile alone, with the function the sandbox calls (sucrase), in Node's V8.
  const coldStart = performance.now();
  transpile(solution, "main.ts");
  const cold = performance.now() - coldStart;
  const warm: number[] = [];
  for (let i = 0; i < 50; i++) {
    const started = performance.now();
    transpile(solution, "main.ts");
    warm.push(performance.now() - started);
  }

  const loadAtStart = loadAverage();
  // Ask the runner for its timeline (lib/runner/run-timings.ts): off in normal use.
  await page.addInitScript((flag) => ((globalThis as Record<string, unknown>)[flag] = true), RUN_TIMINGS_FLAG);
  await page.goto("/cours/1");
  await page.getByLabel("Choisir l'environnement d'exécution").selectOption("worker");
  const editor = page.getByTestId("code-editor");
  await expect(editor).toBeVisible({ timeout: 60_000 });
  await editor.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(solution);

  const timings: number[] = [];
  const runnerTimings: number[] = [];
  const breakdowns: Breakdown[] = [];
  for (let i = 0; i <= RUNS; i++) {
    await page.evaluate((gap) => new Promise((resolve) => setTimeout(resolve, gap)), GAP_MS);
    const elapsed = await page.evaluate(
      () =>
        new Promise<RunTimeline>((resolve, reject) => {
          const rows = () => [...document.querySelectorAll('section[aria-label="Expérience exp_wine_quality"] li[aria-label^="Run "]')];
          const known = new Set(rows().map((row) => row.getAttribute("aria-label")));
          const button = [...document.querySelectorAll("button")].find((candidate) => candidate.textContent?.trim() === "Exécuter");
          if (!button) return reject(new Error("no Run button"));
          performance.clearMeasures();
          performance.clearResourceTimings();
          let clickedAt = 0;
          let finished = 0;
          const seen = () => rows().some((row) => !known.has(row.getAttribute("aria-label")) && row.textContent?.includes("rmse ="));
          const ended = () => document.querySelector('[role="log"]')?.textContent?.includes("Exécution terminée");
          let visible = 0;
          // The panel reads on each change while code runs: the run may show (with its metric, still RUNNING)
          // before the runner ends. Both are waited for; the runner's timeline comes before its end.
          const observer = new MutationObserver(() => {
            if (!finished && ended()) finished = performance.now();
            if (!visible && seen()) visible = performance.now();
            if (!finished || !visible) return;
            observer.disconnect();
            resolve({
              clickedAt,
              finished,
              visible,
              spans: performance
                .getEntriesByType("measure")
                .filter((entry) => entry.name.startsWith("cuvee:"))
                .map((entry) => ({
                  name: entry.name.slice("cuvee:".length),
                  start: entry.startTime,
                  end: entry.startTime + entry.duration,
                  server: ((entry as PerformanceMeasure).detail as { server?: number } | null)?.server,
                })),
              pageRequests: (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
                .filter((entry) => entry.name.includes("/api/2.0/mlflow/"))
                .map((entry) => ({ name: new URL(entry.name).pathname.replace(/^.*\/api\/2\.0\/mlflow\//, ""), start: entry.startTime, end: entry.responseEnd })),
            });
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
          button.addEventListener("click", () => (clickedAt = performance.now()), { once: true, capture: true });
          button.click();
          setTimeout(() => reject(new Error("the new run did not show within 30 s")), 30_000);
        }),
    );
    await expect(page.getByRole("button", { name: "Exécuter" })).toBeVisible();
    if (i > 0) {
      // The first run warms caches (chunks, data file, JIT).
      timings.push(elapsed.visible - elapsed.clickedAt);
      runnerTimings.push(elapsed.finished - elapsed.clickedAt);
      breakdowns.push(breakDown(elapsed));
    }
  }

  const runtime = await page.getByTestId("runtime-kind").getAttribute("data-runtime");
  console.log(`\nMachine: ${cpus().length} CPUs, load average at start ${loadAtStart}, at end ${loadAverage()}`);
  console.log(`\nRun loop (${RUNS} runs of bloc 1's solution, runtime: ${runtime}, production build, ${GAP_MS} ms between runs)`);
  console.log(`  click → run with its metric in the live panel: p50 ${ms(percentile(timings, 50))}, p95 ${ms(percentile(timings, 95))}, min ${ms(Math.min(...timings))}, max ${ms(Math.max(...timings))}`);
  console.log(`  of which click → "Exécution terminée" in the console (the runner alone): p50 ${ms(percentile(runnerTimings, 50))}, p95 ${ms(percentile(runnerTimings, 95))}`);
  printBreakdown(breakdowns);
  console.log(`  transpile alone (sucrase, ${solution.split("\n").length} lines, Node V8): first ${ms(cold)}, then p50 ${ms(percentile(warm, 50))}, p95 ${ms(percentile(warm, 95))}`);
});
