import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { replaceCode } from "./runner-helpers";

const blocOneSolution = readFileSync("content/blocs/01-premiere-experience/solution/main.ts", "utf8");

test("bloc 1: type the solution, run it, see the run live, check it, and stay ticked", async ({ page, browser }) => {
  await page.goto("/cours/1");
  await expect(page.getByRole("heading", { level: 1, name: "Première expérience" })).toBeVisible();

  await replaceCode(page, blocOneSolution);
  await page.getByRole("button", { name: "Exécuter" }).click();

  const consoleLog = page.getByRole("log");
  await expect(consoleLog).toContainText("400 vins dans le jeu de test");
  await expect(consoleLog).toContainText("Exécution terminée");

  const experiment = page.getByRole("region", { name: "Expérience exp_wine_quality" });
  await expect(experiment).toContainText("alpha = 0.5");
  await expect(experiment).toContainText("rmse = 0.7436");
  await expect(experiment).toContainText("terminé");

  await page.getByRole("button", { name: "Vérifier" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Bravo" })).toBeVisible();
  await expect(page.getByText("✓ Bloc 1 fait")).toBeVisible();

  await page.reload();
  await expect(page.getByText("✓ Bloc 1 fait")).toBeVisible();

  await page.goto("/cours");
  await expect(page.getByRole("listitem", { name: "Bloc 1 : Première expérience (fait)" })).toBeVisible();
  await expect(page.getByRole("listitem", { name: "Bloc 29 : Le poster (bientôt)" })).toBeVisible();

  // Another browser, through the resume link, sees the same progress.
  const resumeUrl = await page.getByLabel("Lien de reprise").inputValue();
  const otherBrowser = await browser.newContext();
  const other = await otherBrowser.newPage();
  await other.goto(resumeUrl);
  await expect(other.getByRole("listitem", { name: "Bloc 1 : Première expérience (fait)" })).toBeVisible();
  await otherBrowser.close();
});

test("learner code that throws shows the message and its line, and the page stays usable", async ({ page }) => {
  await page.goto("/cours/1");
  await replaceCode(page, 'const answer = 42;\nconsole.log("avant");\nthrow new Error("boum à la ligne 3");\n');
  await page.getByRole("button", { name: "Exécuter" }).click();

  const consoleLog = page.getByRole("log");
  await expect(consoleLog).toContainText("avant");
  const error = consoleLog.getByRole("alert");
  await expect(error).toContainText("boum à la ligne 3");
  await expect(error).toContainText("dans main.ts, ligne 3");

  await replaceCode(page, 'console.log("de nouveau", 1 + 1);\n');
  await page.getByRole("button", { name: "Exécuter" }).click();
  await expect(consoleLog).toContainText("de nouveau 2");
  await expect(consoleLog).toContainText("Exécution terminée");
});

test("Stop ends an infinite loop and the page can run again", async ({ page }) => {
  await page.goto("/cours/1");
  await replaceCode(page, 'console.log("je boucle");\nwhile (true) {}\n');
  await page.getByRole("button", { name: "Exécuter" }).click();
  await expect(page.getByRole("log")).toContainText("je boucle");
  await page.getByRole("button", { name: "Arrêter" }).click();
  await expect(page.getByRole("log")).toContainText("Exécution arrêtée à votre demande.");
  await expect(page.getByRole("button", { name: "Exécuter" })).toBeEnabled();
});

test("the editor knows the mlflow SDK's types", async ({ page }) => {
  await page.goto("/cours/1");
  await replaceCode(page, 'import * as mlflow from "mlflow";\nawait mlflow.logParm("alpha", 0.5);\n');
  await expect(page.locator(".squiggly-error").first()).toBeVisible({ timeout: 30_000 });
  await replaceCode(page, 'import * as mlflow from "mlflow";\nawait mlflow.logParam("alpha", 0.5);\n');
  await expect(page.locator(".squiggly-error")).toHaveCount(0, { timeout: 30_000 });
});

test("a learner starting at bloc 1 can have bloc 0's solution run for them", async ({ page }) => {
  await page.goto("/cours/1");
  await page.getByText("Vous commencez ici ? Préparer l'état des blocs 0 à 0").click();
  await page.getByRole("button", { name: "Préparer les blocs 0 à 0" }).click();
  await expect(page.getByRole("status").filter({ hasText: "C'est prêt" })).toBeVisible();
  await expect(page.getByRole("log")).toContainText("400 vins dans le jeu de test");
});

test("the lesson shows the Ajout derived from the previous solution", async ({ page }) => {
  await page.goto("/cours/1");
  const ajout = page.getByRole("region", { name: "Ajout" });
  await expect(ajout).toContainText("Après la ligne 1");
  await expect(ajout).toContainText('import * as mlflow from "mlflow";');
  await expect(ajout).toContainText("await mlflow.endRun();");
});

test("side by side, the editor stays in view while the lesson scrolls", async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto("/cours/8");
  await expect(page.getByTestId("code-editor")).toBeVisible({ timeout: 60_000 });
  await page.getByRole("navigation", { name: "Blocs voisins" }).scrollIntoViewIfNeeded();
  await expect(page.getByRole("navigation", { name: "Blocs voisins" })).toBeInViewport();
  await expect(page.getByRole("button", { name: "Exécuter" })).toBeInViewport();
});
