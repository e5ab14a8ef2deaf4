import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { WEBCONTAINER_BOOT_TIMEOUT_MS as BOOT_TIMEOUT_MS } from "../lib/runner/runtime-selection";
import { openBlocInWorker, replaceCode, runBlocCli, trackingState, workspaceIdOf } from "./runner-helpers";

const blocOneSolution = readFileSync("content/blocs/01-premiere-experience/solution/main.ts", "utf8");

test("the lesson page is cross-origin isolated and still loads its editor, data, generated files and workers", async ({ page }) => {
  await page.goto("/cours/1");
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(page.getByTestId("code-editor").locator(".monaco-editor")).toBeVisible({ timeout: 60_000 });
  const loads = await page.evaluate(async () => {
    const data = await fetch("/data/red-wine-quality.csv");
    const packages = await fetch("/generated/runtime-packages.json");
    return { data: data.status, packages: packages.status, bootstrap: "node_modules/cuvee/dist/run.js" in (await packages.json()) };
  });
  expect(loads).toEqual({ data: 200, packages: 200, bootstrap: true });
});

test("offline, the real WebContainer never boots: the run falls back to the browser sandbox within the timeout and succeeds", async ({ page }) => {
  await page.goto("/cours/1");
  await page.getByLabel("Choisir l'environnement d'exécution").selectOption("webcontainer");
  await replaceCode(page, blocOneSolution);
  await page.getByRole("button", { name: "Exécuter" }).click();

  // That the fallback comes at the boot timeout exactly is proven with fake timers
  // (lib/runner/runtime-store.test.ts); a wall-clock bound here only measured the machine's load.
  const consoleLog = page.getByRole("log");
  await expect(consoleLog).toContainText("WebContainer indisponible hors ligne : exécution dans le bac à sable du navigateur.", { timeout: BOOT_TIMEOUT_MS + 15_000 });
  await expect(consoleLog).toContainText("400 vins dans le jeu de test");
  await expect(consoleLog).toContainText("Exécution terminée");
  await expect(page.getByTestId("runtime-kind")).toHaveAttribute("data-runtime", "worker");
  await expect(page.getByTestId("runtime-reason")).toHaveText("WebContainer indisponible hors ligne : exécution dans le bac à sable du navigateur.");
  await expect(page.getByRole("region", { name: "Expérience exp_wine_quality" })).toContainText("rmse = 0.7436");

  // The choice is remembered; choosing the sandbox explicitly says so.
  await page.reload();
  await expect(page.getByLabel("Choisir l'environnement d'exécution")).toHaveValue("webcontainer");
  await page.getByLabel("Choisir l'environnement d'exécution").selectOption("worker");
  await expect(page.getByTestId("runtime-reason")).toHaveText("Vous avez choisi le bac à sable du navigateur.");
});

test("an infinite loop is stopped at the bloc's time limit with a clear message, and the page can run again", async ({ page }) => {
  test.setTimeout(120_000);
  await openBlocInWorker(page, 1);
  await replaceCode(page, 'console.log("je boucle");\nwhile (true) {}\n');
  await page.getByRole("button", { name: "Exécuter" }).click();
  const consoleLog = page.getByRole("log");
  await expect(consoleLog).toContainText("je boucle");
  // Bloc 1's limit is the default 30 s (frontmatter timeLimitSeconds).
  await expect(consoleLog).toContainText("Arrêt automatique : le code tournait depuis plus de 30 s (boucle infinie ?)", { timeout: 45_000 });
  await expect(page.getByRole("button", { name: "Exécuter" })).toBeEnabled();

  await replaceCode(page, 'console.log("encore", 2 * 21);\n');
  await page.getByRole("button", { name: "Exécuter" }).click();
  await expect(consoleLog).toContainText("encore 42");
  await expect(consoleLog).toContainText("Exécution terminée");
});

test("learner code in the sandbox reaches neither the page nor same-origin storage", async ({ page }) => {
  await openBlocInWorker(page, 1);
  await replaceCode(
    page,
    [
      "const g = globalThis as Record<string, unknown>;",
      'console.log("page", typeof g.document, typeof g.localStorage, typeof g.window);',
      'for (const name of ["indexedDB", "importScripts", "WebSocket"]) {',
      "  try { void g[name]; } catch (error) { console.log((error as Error).message); }",
      "}",
    ].join("\n"),
  );
  await page.getByRole("button", { name: "Exécuter" }).click();
  const consoleLog = page.getByRole("log");
  await expect(consoleLog).toContainText("page undefined undefined undefined");
  await expect(consoleLog).toContainText("indexedDB n'est pas disponible dans le bac à sable d'exécution.");
  await expect(consoleLog).toContainText("importScripts n'est pas disponible");
  await expect(consoleLog).toContainText("Exécution terminée");
});

test("bloc 1's solution leaves the same tracking state whether the browser sandbox or the Node CLI ran it", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const inBrowser = await browser.newContext();
  const page = await inBrowser.newPage();
  const browserWorkspace = await workspaceIdOf(page);
  await openBlocInWorker(page, 1);
  await replaceCode(page, blocOneSolution);
  await page.getByRole("button", { name: "Exécuter" }).click();
  await expect(page.getByRole("log")).toContainText("Exécution terminée", { timeout: 30_000 });
  await inBrowser.close();

  const forCli = await browser.newContext();
  const cliWorkspace = await workspaceIdOf(await forCli.newPage());
  await forCli.close();
  expect(cliWorkspace).not.toBe(browserWorkspace);
  const cli = await runBlocCli(baseURL!, ["1", "--solution", "--workspace", cliWorkspace]);
  expect(cli.stderr).toContain("Exécution terminé");
  expect(cli.code).toBe(0);
  expect(cli.stdout).toContain("400 vins dans le jeu de test");

  const fromBrowser = await trackingState(baseURL!, browserWorkspace);
  const fromCli = await trackingState(baseURL!, cliWorkspace);
  expect(fromBrowser.find((experiment) => experiment.name === "exp_wine_quality")?.runs).toHaveLength(1);
  expect(fromCli).toEqual(fromBrowser);
});

test("each run gets a fresh sandbox: nothing a run leaves on globalThis survives it", async ({ page }) => {
  await openBlocInWorker(page, 1);
  const code = 'const g = globalThis as Record<string, unknown>;\nconsole.log("déjà là :", String(g.trace));\ng.trace = "laissé";\n';
  await replaceCode(page, code);
  const consoleLog = page.getByRole("log");
  for (let run = 0; run < 2; run++) {
    await page.getByRole("button", { name: "Exécuter" }).click();
    await expect(consoleLog).toContainText("Exécution terminée");
    await expect(consoleLog).toContainText("déjà là : undefined");
  }
});

test("an exception thrown later, in a timer, ends the run at its line, as in Node", async ({ page }) => {
  await openBlocInWorker(page, 1);
  // One line per statement: the editor's auto-indent would reshape a multi-line block typed in.
  await replaceCode(page, 'const fail = (): never => { throw new Error("plus tard"); };\nsetTimeout(fail, 10);\nawait new Promise((resolve) => setTimeout(resolve, 5_000));\nconsole.log("jamais");\n');
  await page.getByRole("button", { name: "Exécuter" }).click();
  const consoleLog = page.getByRole("log");
  const error = consoleLog.getByRole("alert");
  await expect(error).toContainText("plus tard");
  await expect(error).toContainText("dans main.ts, ligne 1");
  await expect(consoleLog).toContainText("L'exécution s'est arrêtée sur une erreur");
  await expect(consoleLog).not.toContainText("jamais");
});

test("a refused SDK call nobody awaited is reported once, and the run says it failed, as in Node", async ({ page }) => {
  await openBlocInWorker(page, 1);
  await replaceCode(
    page,
    'import * as mlflow from "mlflow";\nawait mlflow.setExperiment("sans-await");\nawait mlflow.startRun();\nvoid mlflow.logParam("alpha", 1);\nvoid mlflow.logParam("alpha", 2);\nawait mlflow.endRun();\nconsole.log("fin");\n',
  );
  await page.getByRole("button", { name: "Exécuter" }).click();
  const consoleLog = page.getByRole("log");
  await expect(consoleLog).toContainText("L'exécution s'est arrêtée sur une erreur");
  await expect(consoleLog.getByRole("alert")).toHaveCount(1);
  await expect(consoleLog.getByRole("alert")).toContainText("Le paramètre alpha a déjà la valeur 1");
  // At the call that was refused, though its failure came from the SDK's request.
  await expect(consoleLog.getByRole("alert")).toContainText("dans main.ts, ligne 5");
});
