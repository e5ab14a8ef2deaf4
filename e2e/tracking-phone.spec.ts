import { expect, test, type Page } from "@playwright/test";
import { seedCourseHistory } from "./course-history";
import { openWithWorkspace, seedExperiment } from "./tracking-fixtures";

const PHONE = { width: 390, height: 844 };

/** The page itself never scrolls sideways: wide tables scroll inside their own frame. */
async function pageWidth(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

test("runs table on a phone: run column sticky, key metrics first, the table scrolls, not the page", async ({ page }) => {
  await page.setViewportSize(PHONE);
  const api = await openWithWorkspace(page, "/cours");
  const { experiments } = await seedCourseHistory(api);
  await page.goto(`/suivi/experiences/${experiments.exp_wine_quality_v2}`);
  const table = page.getByRole("table", { name: /Runs de l'expérience/ });
  await expect(table.getByRole("row", { name: /^Run / })).toHaveCount(5);
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);

  // The columns after the run's: rmse, mae, r2 first, then the other metrics, then the params.
  const headers = await table.getByRole("columnheader").allInnerTexts();
  expect(headers.slice(1, 4).map((text) => text.replace(/\s+/gu, " ").trim())).toEqual(["métrique rmse", "métrique mae", "métrique r2"]);
  const firstParam = headers.findIndex((text) => text.includes("param"));
  const lastMetric = headers.findLastIndex((text) => text.includes("métrique"));
  expect(lastMetric).toBeLessThan(firstParam);
  // rmse is on the first screen.
  const rmse = table.getByRole("columnheader", { name: /métrique rmse/ });
  expect((await rmse.boundingBox())!.x + 20).toBeLessThan(PHONE.width);

  // Scrolled sideways, the run's name stays where it was.
  const name = table.getByRole("link", { name: "autolog alpha 1" });
  const before = (await name.boundingBox())!;
  await table.locator("xpath=..").evaluate((frame) => (frame.scrollLeft = 600));
  expect(await table.locator("xpath=..").evaluate((frame) => frame.scrollLeft)).toBeGreaterThan(0);
  const after = (await name.boundingBox())!;
  expect(after.x).toBe(before.x);
  // Its name breaks between words only.
  expect(await name.evaluate((link) => getComputedStyle(link).wordBreak)).not.toBe("break-all");
});

test("compare: the scatter defaults to what varies; on a phone, labels fit and the tables scroll inside", async ({ page }) => {
  await page.setViewportSize(PHONE);
  const api = await openWithWorkspace(page, "/cours");
  // alpha is the same in every run: l1_ratio is what this sweep changed.
  const { runs } = await seedExperiment(
    api,
    "balayage-l1",
    [0.1, 0.5, 0.9].map((l1, index) => ({
      name: `l1 ${l1}`,
      params: { alpha: "0.5", l1_ratio: String(l1) },
      metrics: { training_mean_absolute_error: 0.5 + index / 10, training_root_mean_squared_error: 0.7 + index / 10, rmse: 0.7 + index / 20, r2: 0.3 - index / 20 },
    })),
  );
  await page.goto(`/suivi/comparer?runs=${runs.map((run) => run.runId).join(",")}`);
  await expect(page.getByRole("img", { name: /Nuage de points : rmse en fonction de l1_ratio/ })).toBeVisible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);

  // Metrics before params, rmse first.
  const sections = await page.getByRole("region").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("aria-labelledby")));
  expect(sections.indexOf("cmp-metrics")).toBeLessThan(sections.indexOf("cmp-params"));
  await expect(page.getByRole("region", { name: "Métriques" }).getByRole("row").nth(1)).toHaveAccessibleName(/^rmse/);

  // Every axis name of the parallel coordinates inside the chart, none over its neighbour.
  const chart = page.getByRole("img", { name: /Coordonnées parallèles/ });
  await expect(chart.locator(".recharts-xAxis-tick-labels text").first()).toBeVisible();
  const svg = (await chart.locator(".recharts-wrapper > svg").boundingBox())!;
  const labels = await chart.locator(".recharts-xAxis-tick-labels text").evaluateAll((nodes) =>
    nodes.map((node) => {
      const box = node.getBoundingClientRect();
      return { left: box.left, right: box.right };
    }),
  );
  expect(labels.length).toBe(5);
  for (const [index, label] of labels.entries()) {
    expect(label.left).toBeGreaterThanOrEqual(svg.x);
    expect(label.right).toBeLessThanOrEqual(svg.x + svg.width);
    if (index > 0) expect(label.left).toBeGreaterThanOrEqual(labels[index - 1]!.right);
  }
  // A shortened name keeps its full name on hover.
  await expect(chart.locator(".recharts-xAxis-tick-labels title", { hasText: "training_root_mean_squared_error" })).toHaveCount(1);
});
