import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { openBlocInWorker, replaceCode } from "./runner-helpers";

const bloc13Solution = readFileSync("content/blocs/13-logger-le-modele/solution/main.ts", "utf8");

// Bloc 13's lesson promises that the signature refuses a missing column: reload the model the
// solution logs and ask it to predict without the "pH" column.
const predictWithoutPh = [
  "",
  "// Recharger le modèle et lui donner des données sans la colonne pH",
  "const lastRun = await mlflow.lastActiveRun();",
  "const reloaded = await mlflow.pyfunc.loadModel(`runs:/${lastRun?.info.runId}/model`);",
  'await reloaded.predict(XTest.drop(["pH"]));',
  'console.log("prédit sans pH");',
  "",
].join("\n");

test("bloc 13: the reloaded model refuses a frame without one of its columns, naming it", async ({ page }) => {
  test.setTimeout(240_000);
  await openBlocInWorker(page, 13);
  await replaceCode(page, bloc13Solution + predictWithoutPh);
  await page.getByRole("button", { name: "Exécuter" }).click();

  const consoleLog = page.getByRole("log");
  await expect(consoleLog).toContainText("Le modèle refuse ces données : il manque la colonne « pH », déclarée dans sa signature", {
    timeout: 120_000,
  });
  await expect(consoleLog).toContainText("INVALID_PARAMETER_VALUE");
  await expect(consoleLog).not.toContainText("prédit sans pH");
});
