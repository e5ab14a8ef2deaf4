import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { openBlocInWorker, replaceCode } from "./runner-helpers";

/**
 * The workbench with several files: a tab per file, files type-checked with each other, files
 * the learner adds and removes, Solution / Réinitialiser / saved code per file, and bloc 15 (a
 * custom model in its own file) edited as two files, run in the browser sandbox and checked.
 */

type Marker = { file: string; message: string; severity: string; line: number };

async function markers(page: Page): Promise<Marker[]> {
  return page.evaluate(() => (window as unknown as { __cuveeEditorMarkers?: () => Marker[] }).__cuveeEditorMarkers?.() ?? []);
}

const fileTabs = (page: Page) => page.getByRole("tablist", { name: "Fichiers du projet" });

async function addFile(page: Page, name: string) {
  await page.getByRole("button", { name: "Ajouter un fichier" }).click();
  await page.getByLabel("Nom du nouveau fichier").fill(name);
  await page.getByRole("button", { name: "Créer" }).click();
}

const bloc15Solution = (file: string) => readFileSync(path.join("content", "blocs", "15-modele-personnalise", "solution", file), "utf8");

test("a file the learner adds is type-checked with main.ts, reached by go-to-definition, run with it, kept, and removable", async ({ page }) => {
  test.setTimeout(180_000);
  await openBlocInWorker(page, 1);
  await expect(fileTabs(page).getByRole("tab")).toHaveText(["main.ts", "Python (cours d'origine)"]);

  // Names are checked, in French, before a file is created.
  await page.getByRole("button", { name: "Ajouter un fichier" }).click();
  const name = page.getByLabel("Nom du nouveau fichier");
  for (const [bad, why] of [
    ["../outils.ts", "racine du projet"],
    ["outils.js", "« .ts »"],
    ["Main.ts", "existe déjà"],
  ]) {
    await name.fill(bad!);
    await page.getByRole("button", { name: "Créer" }).click();
    await expect(page.getByRole("alert").filter({ hasText: why! })).toBeVisible();
  }
  await page.getByRole("button", { name: "Annuler" }).click();

  await addFile(page, "outils.ts");
  await expect(fileTabs(page).getByRole("tab", { name: /outils\.ts/ })).toHaveAttribute("aria-selected", "true");
  await replaceCode(page, "export function double(x: number): number {\n  return x * 2;\n}\nexport async function later(): Promise<void> {}\nlater();\n");

  // The keyboard moves between tabs (Home: the entry).
  await fileTabs(page).getByRole("tab", { name: /outils\.ts/ }).focus();
  await page.keyboard.press("Home");
  await expect(fileTabs(page).getByRole("tab", { name: "main.ts" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tabpanel")).toHaveAttribute("aria-labelledby", await fileTabs(page).getByRole("tab", { name: "main.ts" }).getAttribute("id") ?? "");

  // main.ts knows outils.ts's types: a wrong argument is an error naming the parameter's type...
  await replaceCode(page, 'import { double } from "./outils";\nconst result = double("21");\nconsole.log(`double : ${result}`);\n');
  await expect.poll(() => markers(page), { timeout: 90_000 }).toContainEqual(expect.objectContaining({ file: "main.ts", severity: "error", line: 2, message: expect.stringContaining("number") }));
  // ...and the un-awaited promise is flagged in the other file, in French.
  expect(await markers(page)).toContainEqual(expect.objectContaining({ file: "outils.ts", severity: "warning", line: 5, message: expect.stringContaining("ajoutez await") }));

  await replaceCode(page, 'import { double } from "./outils";\nconst result = double(21);\nconsole.log(`double : ${result}`);\n');
  await expect.poll(async () => (await markers(page)).filter((marker) => marker.file === "main.ts" && marker.severity === "error"), { timeout: 60_000 }).toEqual([]);

  // Go to definition (F12) on `double` shows outils.ts.
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Home");
  for (let i = 0; i < 17; i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("F12");
  await expect(fileTabs(page).getByRole("tab", { name: /outils\.ts/ })).toHaveAttribute("aria-selected", "true");

  // Exécuter runs main.ts with outils.ts beside it.
  await page.getByRole("button", { name: "Exécuter" }).click();
  await expect(page.getByRole("log")).toContainText("double : 42", { timeout: 90_000 });

  // Kept per file across a reload.
  await page.reload();
  await expect(fileTabs(page).getByRole("tab")).toHaveText(["main.ts", /outils\.ts/, "Python (cours d'origine)"]);
  await fileTabs(page).getByRole("tab", { name: /outils\.ts/ }).click();
  await expect(page.getByTestId("code-editor")).toContainText("return x * 2;", { timeout: 60_000 });

  // Réinitialiser applies to the current tab only, and says so.
  await fileTabs(page).getByRole("tab", { name: "main.ts" }).click();
  await page.getByRole("button", { name: "Réinitialiser main.ts" }).click();
  await expect(page.getByRole("status").filter({ hasText: "main.ts est revenu à son code de départ" })).toBeVisible();
  const saved = await page.evaluate(() => JSON.parse(window.localStorage.getItem("cuvee:bloc:1:fichiers") ?? "{}") as Record<string, string>);
  expect(Object.keys(saved)).toEqual(["outils.ts"]);

  // A file the learner added can be removed (after a confirmation); a starting file cannot.
  await fileTabs(page).getByRole("tab", { name: /outils\.ts/ }).click();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Supprimer outils.ts" }).click();
  await expect(fileTabs(page).getByRole("tab")).toHaveText(["main.ts", "Python (cours d'origine)"]);
  await expect(page.getByRole("button", { name: /^Supprimer/ })).toHaveCount(0);
});

test("a main.ts saved by the single-file workbench is still there, moved to the per-file storage", async ({ page }) => {
  await page.goto("/cours/2");
  await page.evaluate(() => {
    window.localStorage.removeItem("cuvee:bloc:2:fichiers");
    window.localStorage.setItem("cuvee:bloc:2:main.ts", "// mon code d'avant les onglets\nconsole.log(1);\n");
  });
  await page.reload();
  await expect(page.getByTestId("code-editor")).toContainText("mon code d'avant les onglets", { timeout: 60_000 });
  const storage = await page.evaluate(() => ({ old: window.localStorage.getItem("cuvee:bloc:2:main.ts"), saved: window.localStorage.getItem("cuvee:bloc:2:fichiers") }));
  expect(storage.old).toBeNull();
  expect(JSON.parse(storage.saved ?? "{}")).toEqual({ "main.ts": "// mon code d'avant les onglets\nconsole.log(1);\n" });
});

test("bloc 15 edited as two files in the browser sandbox runs and passes its check", async ({ page }) => {
  test.setTimeout(300_000);
  await openBlocInWorker(page, 15);

  // The lesson's Ajout shows the new file whole, as a file to create.
  const ajout = page.getByRole("region", { name: "Ajout dans sklearn-wrapper.ts" });
  await expect(ajout).toContainText("Nouveau fichier à créer");
  await expect(ajout).toContainText("mlflow.models.setModel(new SklearnWrapper());");

  // The starting files: bloc 14's main.ts alone. Its solution, on its own tab...
  await expect(fileTabs(page).getByRole("tab")).toHaveText(["main.ts", "Python (cours d'origine)"]);
  await expect(page.getByTestId("code-editor")).toBeVisible({ timeout: 60_000 });
  await page.getByRole("button", { name: "Solution de main.ts" }).click();
  await expect(page.getByRole("status").filter({ hasText: "La solution a aussi « sklearn-wrapper.ts »" })).toBeVisible();

  // ...then the wrapper, created with "+" and typed in as the lesson shows it.
  await addFile(page, "sklearn-wrapper.ts");
  await replaceCode(page, bloc15Solution("sklearn-wrapper.ts"));
  await expect(page.getByTestId("code-editor")).toContainText("class SklearnWrapper");

  await page.getByRole("button", { name: "Exécuter" }).click();
  await expect(page.getByRole("log")).toContainText("Exécution terminée", { timeout: 180_000 });
  await expect(page.getByRole("log").getByRole("alert")).toHaveCount(0);

  const checkRequest = page.waitForRequest((request) => request.url().endsWith("/api/cuvee/blocs/15/check"));
  await page.getByRole("button", { name: "Vérifier" }).click();
  const sent = (await checkRequest).postDataJSON() as { code: Record<string, string> };
  expect(sent.code).toEqual({ "main.ts": bloc15Solution("main.ts"), "sklearn-wrapper.ts": bloc15Solution("sklearn-wrapper.ts") });
  await expect(page.getByRole("status").filter({ hasText: "Bravo" })).toBeVisible({ timeout: 60_000 });
});

test("on a phone, the file tabs scroll sideways and nothing is cut", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/cours/16");
  await page.getByRole("button", { name: "Code", exact: true }).click();
  await expect(page.getByTestId("code-editor")).toBeVisible({ timeout: 60_000 });
  await addFile(page, "un-nom-de-fichier-assez-long.ts");
  const tabs = fileTabs(page);
  await expect(tabs.getByRole("tab")).toHaveText(["main.ts", "sklearn-wrapper.ts", /un-nom-de-fichier-assez-long\.ts/, "Python (cours d'origine)"]);
  // The row scrolls instead of widening the page.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const box = (await tabs.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await tabs.getByRole("tab", { name: "Python (cours d'origine)" }).click();
  await expect(tabs.getByRole("tab", { name: "Python (cours d'origine)" })).toBeInViewport();
  await tabs.getByRole("tab", { name: "sklearn-wrapper.ts" }).click();
  for (const name of ["Réinitialiser sklearn-wrapper.ts", "Solution de sklearn-wrapper.ts", "Exécuter"]) await expect(page.getByRole("button", { name })).toBeInViewport();
  await page.screenshot({ path: "test-results/workbench-files-phone.png" });
});
