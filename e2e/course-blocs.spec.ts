import { expect, test, type Page } from "@playwright/test";
import { replaceCode } from "./runner-helpers";

/** Opens bloc n with the earlier blocs' solutions run in this browser's workspace, as "start anywhere" does. */
async function openPrepared(page: Page, bloc: number) {
  await page.goto(`/cours/${bloc}`);
  await expect(page.getByTestId("code-editor")).toBeVisible({ timeout: 60_000 });
  await page.getByText(/Vous commencez ici/).click();
  await page.getByRole("button", { name: `Préparer les blocs 0 à ${bloc - 1}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "C'est prêt" })).toBeVisible({ timeout: 240_000 });
}

async function runAndCheck(page: Page) {
  await page.getByRole("button", { name: "Exécuter" }).click();
  await expect(page.getByRole("log")).toContainText("Exécution terminée", { timeout: 120_000 });
  await page.getByRole("button", { name: "Vérifier" }).click();
}

test("bloc 8: the loop of runs shows in the live panel, and three of them compare with charts", async ({ page }) => {
  test.setTimeout(360_000);
  await openPrepared(page, 8);
  await page.getByRole("button", { name: "Solution" }).click();
  const checkRequest = page.waitForRequest((request) => request.url().endsWith("/api/cuvee/blocs/8/check"));
  await runAndCheck(page);
  await expect(page.getByRole("status").filter({ hasText: "Bravo" })).toBeVisible();
  // The sandbox reported the runs the script created (the earlier blocs' run, then the nine of
  // the sweep): the check judged exactly those.
  expect(((await checkRequest).postDataJSON() as { runIds?: string[] }).runIds).toHaveLength(10);

  const experiment = page.getByRole("region", { name: "Expérience exp_wine_quality_v2" });
  await expect(experiment.getByRole("listitem", { name: /^Run alpha/ })).toHaveCount(8);

  // The runs table opens in a new tab, so that the lesson stays where it is.
  const [table] = await Promise.all([page.context().waitForEvent("page"), experiment.getByRole("link", { name: "tableau des runs" }).first().click()]);
  const boxes = table.getByRole("checkbox", { name: /^Sélectionner le run alpha/ });
  for (const index of [0, 1, 2]) await boxes.nth(index).check();
  await table.getByRole("button", { name: "Comparer (3)" }).click();
  await expect(table.getByRole("heading", { level: 1, name: "Comparer 3 runs" })).toBeVisible();
  await expect(table.getByRole("img", { name: /Coordonnées parallèles/ })).toBeVisible();
});

test("bloc 12: the check passes only when rmse, mae and r2 equal scikit-learn's", async ({ page }) => {
  test.setTimeout(360_000);
  await openPrepared(page, 12);
  await page.getByRole("button", { name: "Solution" }).click();
  const solution = await page.evaluate(() => (JSON.parse(window.localStorage.getItem("cuvee:bloc:12:fichiers") ?? "{}") as Record<string, string>)["main.ts"] ?? "");
  expect(solution).toContain("meanAbsoluteError(actual, predicted)");

  // A wrong definition of mae: the run is logged, but its numbers are not scikit-learn's.
  await replaceCode(page, solution.replace("mae: meanAbsoluteError(actual, predicted)", "mae: rootMeanSquaredError(actual, predicted)"));
  await runAndCheck(page);
  await expect(page.getByRole("status").filter({ hasText: "Certaines métriques diffèrent" })).toBeVisible();

  await replaceCode(page, solution);
  await runAndCheck(page);
  await expect(page.getByRole("status").filter({ hasText: /Bravo : rmse 0\.7436, mae 0\.6043 et r2 0\.1060/ })).toBeVisible();
});

test("bloc 17: start anywhere runs blocs 15 and 16 as two files each, their custom models logged in the browser sandbox", async ({ page }) => {
  test.setTimeout(600_000);
  // Preparing blocs 0 to 16 runs bloc 15's solution (main.ts + sklearn-wrapper.ts) and bloc 16's:
  // "C'est prêt" only comes when both custom models were logged from their own file.
  await page.goto("/cours/17");
  await expect(page.getByTestId("code-editor")).toBeVisible({ timeout: 60_000 });
  await page.getByText(/Vous commencez ici/).click();
  await page.getByRole("button", { name: "Préparer les blocs 0 à 16" }).click();
  await expect(page.getByRole("status").filter({ hasText: "C'est prêt" })).toBeVisible({ timeout: 540_000 });
  const experiment = page.getByRole("region", { name: "Expérience exp_wine_elasticnet" });
  await expect(experiment).toBeVisible();
});
