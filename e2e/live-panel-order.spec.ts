import { expect, test, type Locator } from "@playwright/test";
import { seedCourseHistory } from "./course-history";
import { openWithWorkspace, seedExperiment } from "./tracking-fixtures";

/** The experiments the panel shows, top to bottom, and whether each is open. */
async function panelOrder(panel: Locator) {
  return panel.locator("[data-experiment]").evaluateAll((nodes) =>
    nodes.map((node) => `${node.getAttribute("data-experiment")}${node.tagName === "DETAILS" && !(node as HTMLDetailsElement).open ? " (replié)" : ""}`),
  );
}

test("live panel: bloc 12's experiment comes first and open, the others folded by recent activity", async ({ page }) => {
  const api = await openWithWorkspace(page, "/cours");
  const { experiments } = await seedCourseHistory(api);
  await page.goto("/cours/12");
  const panel = page.getByRole("region", { name: "Suivi en direct" });
  await expect.poll(() => panelOrder(panel)).toEqual([
    "exp_wine_elasticnet",
    "exp_wine_ridge (replié)",
    "exp_wine_lasso (replié)",
    "exp_wine_quality_v2 (replié)",
    "exp_wine_quality (replié)",
  ]);

  // A folded experiment opens from its summary, and shows its runs.
  const ridge = panel.locator('details[data-experiment="exp_wine_ridge"]');
  await ridge.locator("summary").click();
  await expect(ridge.getByRole("listitem", { name: "Run alpha 0.1, l1Ratio 0.5" })).toBeVisible();

  // A run written now to an experiment the bloc does not name opens that experiment too.
  await seedExperiment(api, "exp_nouvelle", []);
  await api.post("runs/create", { experiment_id: experiments.exp_wine_quality, run_name: "relancé", start_time: Date.now() });
  await expect.poll(() => panelOrder(panel)).toEqual([
    "exp_wine_elasticnet",
    "exp_wine_quality",
    "exp_wine_ridge",
    "exp_wine_lasso (replié)",
    "exp_wine_quality_v2 (replié)",
    "exp_nouvelle (replié)",
  ]);
});

test("live panel on a phone: the bloc's experiment is at the top of the Suivi pane, long runs folded", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const api = await openWithWorkspace(page, "/cours");
  const { experiments } = await seedCourseHistory(api);
  await page.goto("/cours/4");
  await page.getByRole("button", { name: "Suivi" }).click();
  const panel = page.getByRole("region", { name: "Suivi en direct" });
  const v2 = panel.getByRole("region", { name: "Expérience exp_wine_quality_v2" });
  await expect(v2).toBeVisible();
  expect((await panelOrder(panel))[0]).toBe("exp_wine_quality_v2");
  // The current experiment starts within the first screen.
  expect((await v2.boundingBox())!.y).toBeLessThan(844);

  // An autolog run: 8 metrics and 11 params; the key metrics show, the rest is folded.
  const autolog = v2.getByRole("listitem", { name: "Run autolog alpha 1" });
  await expect(autolog.locator("dl").first()).toContainText("rmse = ");
  await expect(autolog.locator("dl").first()).toContainText("mae = ");
  await expect(autolog.locator("dl").first()).toContainText("r2 = ");
  const more = autolog.locator("summary");
  // Changed entries stay in view (how many depends on what changed), the unchanged params fold.
  await expect(more).toHaveText(/^\+ \d+ autres$/);
  await expect(autolog.getByText("warm_start = False")).toBeHidden();
  await more.click();
  await expect(autolog.getByText("warm_start = False")).toBeVisible();
  expect(experiments.exp_wine_quality_v2).toBeTruthy();
});
