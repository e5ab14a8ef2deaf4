import { expect, test, type Locator, type Page } from "@playwright/test";
import { replaceCode } from "./runner-helpers";

/**
 * Issue #13: Vérifier judges the learner's last execution. After a script that throws, a loop
 * stopped by the time limit or by « Arrêter », it does not pass and says why; the run that
 * script opened is FAILED or KILLED in the API; and the verdict shows inside the window, on a
 * desktop (1280×900) and a phone (390×844).
 */

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Opens a run in bloc 1's experiment and logs a param, then does `rest`. */
const openRunThen = (rest: string) =>
  [
    'import * as mlflow from "mlflow";',
    'await mlflow.setExperiment("exp_wine_quality");',
    "await mlflow.startRun();",
    'await mlflow.logParam("alpha", 0.5);',
    'console.log("run ouvert");',
    rest,
    "",
  ].join("\n");

async function openBlocOne(page: Page, viewport: { width: number; height: number }) {
  await page.setViewportSize(viewport);
  await page.goto("/cours/1");
  // On a phone the editor is in the « Code » pane.
  if (viewport.width < 800) await page.getByRole("button", { name: "Code", exact: true }).click();
  await expect(page.getByTestId("code-editor")).toBeVisible({ timeout: 60_000 });
}

/** Clicks Vérifier; resolves to the verdict box and the run ids the page sent. */
async function check(page: Page): Promise<{ verdict: Locator; runIds: string[] }> {
  const request = page.waitForRequest((req) => req.url().endsWith("/api/cuvee/blocs/1/check"));
  await page.getByRole("button", { name: "Vérifier" }).click();
  const runIds = ((await request).postDataJSON() as { runIds?: string[] }).runIds ?? [];
  const verdict = page.getByTestId("verdict");
  await expect(verdict).toBeVisible();
  return { verdict, runIds };
}

/** The whole verdict is inside the window, and has the focus (a screen reader reads it). */
async function expectInView(verdict: Locator) {
  await expect(verdict).toBeInViewport({ ratio: 1 });
  await expect(verdict).toBeFocused();
}

/** The execution created one run, and the REST API shows it ended with `status` (as any MLflow client would read it). */
async function expectItsRunEnded(page: Page, runIds: string[], status: "FAILED" | "KILLED") {
  expect(runIds).toHaveLength(1);
  const trackingUri = (await page.getByTitle("URI de suivi de votre espace").textContent())!.trim();
  const response = await page.request.get(`${trackingUri}/api/2.0/mlflow/runs/get?run_id=${runIds[0]}`);
  expect(response.status()).toBe(200);
  const { run } = (await response.json()) as { run: { info: { status: string; end_time?: unknown } } };
  expect(run.info.status).toBe(status);
  expect(run.info.end_time).toBeDefined();
}

test("after a script that throws, Vérifier says so with the error, even though an earlier run would pass; its run is FAILED", async ({ page }) => {
  test.setTimeout(180_000);
  await openBlocOne(page, DESKTOP);

  // The bloc is done once: a FINISHED run of exp_wine_quality is in the workspace.
  await page.getByRole("button", { name: "Solution" }).click();
  await page.getByRole("button", { name: "Exécuter" }).click();
  await expect(page.getByRole("log")).toContainText("Exécution terminée", { timeout: 60_000 });

  // Then an execution that throws: the verdict must not read that earlier run.
  await replaceCode(page, openRunThen("console.log(predictions);"));
  await page.getByRole("button", { name: "Exécuter" }).click();
  await expect(page.getByRole("log")).toContainText("L'exécution s'est arrêtée sur une erreur", { timeout: 60_000 });

  const { verdict, runIds } = await check(page);
  await expect(verdict).toContainText("Votre dernière exécution s'est arrêtée sur une erreur");
  await expect(verdict).toContainText("ReferenceError");
  await expect(verdict).toContainText("main.ts, ligne 6");
  await expect(verdict).not.toContainText("Bravo");
  await expectInView(verdict);

  await expectItsRunEnded(page, runIds, "FAILED");
});

test("on a phone, after a loop stopped by the time limit, Vérifier says so in view; its run is KILLED", async ({ page }) => {
  // Bloc 1's limit is the default 30 s (frontmatter timeLimitSeconds).
  test.setTimeout(180_000);
  await openBlocOne(page, PHONE);

  await replaceCode(page, openRunThen("while (true) {}"));
  await page.getByRole("button", { name: "Exécuter" }).click();
  await expect(page.getByRole("log")).toContainText("run ouvert", { timeout: 60_000 });
  await expect(page.getByRole("log")).toContainText("Arrêt automatique", { timeout: 60_000 });

  const { verdict, runIds } = await check(page);
  await expect(verdict).toContainText("Votre dernière exécution a été arrêtée par la limite de temps (30 s)");
  await expect(verdict).toContainText("KILLED");
  await expectInView(verdict);

  await expectItsRunEnded(page, runIds, "KILLED");
});

test("before any execution Vérifier asks for one; after « Arrêter » it does not pass, and the run is KILLED", async ({ page }) => {
  test.setTimeout(120_000);
  await openBlocOne(page, DESKTOP);

  const before = await check(page);
  await expect(before.verdict).toContainText("Exécutez votre code, puis vérifiez.");
  await expectInView(before.verdict);

  await replaceCode(page, openRunThen("while (true) {}"));
  await page.getByRole("button", { name: "Exécuter" }).click();
  await expect(page.getByRole("log")).toContainText("run ouvert", { timeout: 60_000 });
  await page.getByRole("button", { name: "Arrêter" }).click();
  await expect(page.getByRole("log")).toContainText("Exécution arrêtée à votre demande.");

  const { verdict, runIds } = await check(page);
  await expect(verdict).toContainText("Vous avez arrêté votre dernière exécution avant la fin");
  await expectInView(verdict);
  await expectItsRunEnded(page, runIds, "KILLED");
});

test("on a phone, a passing verdict is in view too", async ({ page }) => {
  test.setTimeout(120_000);
  await openBlocOne(page, PHONE);
  await page.getByRole("button", { name: "Solution" }).click();
  await page.getByRole("button", { name: "Exécuter" }).click();
  await expect(page.getByRole("log")).toContainText("Exécution terminée", { timeout: 60_000 });
  const { verdict } = await check(page);
  await expect(verdict).toContainText("Bravo");
  await expectInView(verdict);
});
