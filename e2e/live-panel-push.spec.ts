/**
 * Issue #15's acceptance for the live panel: it does not poll. An idle lesson tab holds one open
 * change stream and sends nothing else; a run created by another client (a REST call from the
 * test, not the page) shows within 1 s, and the only requests in between are the reads that
 * change caused. A hidden tab closes its stream; shown again, it reopens and catches up.
 */
import { expect, test, type Page } from "@playwright/test";
import { openWithWorkspace } from "./tracking-fixtures";

interface Seen {
  url: string;
  at: number;
}

/** Every request the page sends, from now on. */
function recordRequests(page: Page): Seen[] {
  const seen: Seen[] = [];
  page.on("request", (request) => seen.push({ url: request.url(), at: Date.now() }));
  return seen;
}

/**
 * The page's requests for data from `from` on: the MLflow API, Cuvée's API (the change feed),
 * page data (RSC). Not the code the page keeps loading lazily after it shows (the editor, the
 * runner's worker and frame): files of the build, fetched once, which a poller does not repeat.
 */
const since = (seen: readonly Seen[], from: number) =>
  seen
    .filter((request) => request.at >= from)
    .map((request) => new URL(request.url))
    .filter((url) => url.origin === new URL(seen[0]!.url).origin)
    .filter((url) => url.pathname.startsWith("/w/") || url.pathname.startsWith("/api/") || url.searchParams.has("_rsc"))
    .map((url) => url.pathname);
const isStream = (path: string) => path === "/api/cuvee/changes";

/** Makes the tab hidden or visible, as switching tabs does, for the page's listeners. */
async function setVisibility(page: Page, state: "hidden" | "visible") {
  await page.evaluate((next) => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => next });
    document.dispatchEvent(new Event("visibilitychange"));
  }, state);
}

test("live panel: an idle tab only holds its stream, and a run written by another client shows within 1 s", async ({ page }) => {
  const seen = recordRequests(page);
  const api = await openWithWorkspace(page, "/cours/1");
  const panel = page.getByRole("region", { name: "Suivi en direct" });
  await expect(panel).toContainText("Lancez le code du bloc 1 pour créer votre première expérience");
  // The page's own first reads (its first answer, the links' prefetches) are over by now.
  await page.waitForTimeout(1_000);

  // Idle: three seconds, not one request (a poller would have sent a dozen).
  const idleFrom = Date.now();
  await page.waitForTimeout(3_000);
  expect(since(seen, idleFrom)).toEqual([]);
  expect(seen.map((request) => new URL(request.url).pathname).filter(isStream)).toHaveLength(1);

  // Another client writes: the panel shows the run within a second, through the reads the events caused.
  const writesFrom = Date.now();
  const { experiment_id: experimentId } = await api.post<{ experiment_id: string }>("experiments/create", { name: "exp_pousse" });
  const { run } = await api.post("runs/create", { experiment_id: experimentId, run_name: "venu-d-ailleurs" });
  const created = Date.now();
  const row = panel.getByRole("listitem", { name: "Run venu-d-ailleurs" });
  // The acceptance: the run shows within 1 s of its creation.
  await expect(row).toBeVisible({ timeout: 1_000 });
  test.info().annotations.push({ type: "run shown after its creation", description: `${Date.now() - created} ms` });
  await api.post("runs/log-metric", { run_id: run.info.run_id, key: "rmse", value: 0.71, timestamp: Date.now() });
  const logged = Date.now();
  // Its metric too; allowance for a shared, overloaded test machine (the figure is printed).
  await expect(row).toContainText("rmse = 0.71", { timeout: 3_000 });
  test.info().annotations.push({ type: "metric shown after it was logged", description: `${Date.now() - logged} ms` });

  await page.waitForTimeout(1_000);
  const caused = since(seen, writesFrom);
  expect(caused.length).toBeGreaterThan(0);
  for (const path of caused) expect(path).toMatch(new RegExp(`^/w/${api.workspaceId}/api/2\\.0/mlflow/(experiments|runs|registered-models)/search$`));
  expect(caused.filter(isStream)).toEqual([]);

  // Idle again: nothing.
  const idleAgain = Date.now();
  await page.waitForTimeout(2_000);
  expect(since(seen, idleAgain)).toEqual([]);
});

test("live panel: a hidden tab closes its stream and sends nothing; shown again, it catches up", async ({ page }) => {
  const seen = recordRequests(page);
  const api = await openWithWorkspace(page, "/cours/1");
  const panel = page.getByRole("region", { name: "Suivi en direct" });
  await expect(panel).toContainText("Lancez le code du bloc 1 pour créer votre première expérience");

  await setVisibility(page, "hidden");
  const hiddenFrom = Date.now();
  const { experiment_id: experimentId } = await api.post<{ experiment_id: string }>("experiments/create", { name: "exp_cache" });
  await api.post("runs/create", { experiment_id: experimentId, run_name: "pendant-l-absence" });
  await page.waitForTimeout(1_500);
  expect(since(seen, hiddenFrom)).toEqual([]);
  await expect(panel).not.toContainText("exp_cache");

  const shownFrom = Date.now();
  await setVisibility(page, "visible");
  await expect(panel.getByRole("listitem", { name: "Run pendant-l-absence" })).toBeVisible({ timeout: 2_000 });
  const reopened = since(seen, shownFrom);
  expect(reopened.filter(isStream)).toHaveLength(1);
  expect(seen.find((request) => request.at >= shownFrom && isStream(new URL(request.url).pathname))!.url).toMatch(/[?&]since=/);
});
