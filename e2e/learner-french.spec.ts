import { expect, test, type Page } from "@playwright/test";
import { openBlocInWorker, replaceCode } from "./runner-helpers";

/**
 * What the learner reads is French: runtime and syntax errors get a French line under the
 * engine's own, the editor's TypeScript diagnostics are TypeScript's French messages, and an
 * un-awaited SDK call gets a warning in the editor.
 */

type Marker = { file: string; message: string; severity: string; line: number; column: number; code?: string };

/** The editor's markers, through the read-only hook monaco-setup.ts installs. */
async function markers(page: Page): Promise<Marker[]> {
  return page.evaluate(() => (window as unknown as { __cuveeEditorMarkers?: () => Marker[] }).__cuveeEditorMarkers?.() ?? []);
}

async function run(page: Page, code: string) {
  await replaceCode(page, code);
  await page.getByRole("button", { name: "Exécuter" }).click();
  return page.getByRole("log").getByRole("alert");
}

test("a ReferenceError keeps V8's line and adds a French one, with the SDK name a typo meant", async ({ page }) => {
  await openBlocInWorker(page, 1);
  const error = await run(page, 'import * as mlflow from "mlflow";\nconst total = 1;\nconsole.log(totl);\n');
  await expect(error).toContainText("ReferenceError : totl is not defined");
  await expect(error.getByTestId("error-explanation")).toHaveText("`totl` n'existe pas ici : faute de frappe, ou variable déclarée plus bas / dans un autre bloc ?");
  await expect(error).toContainText("dans main.ts, ligne 3");

  const typo = await run(page, 'import * as mlflow from "mlflow";\nawait mlflow.logMetrcs({ rmse: 1 });\n');
  await expect(typo).toContainText("mlflow.logMetrcs is not a function");
  await expect(typo.getByTestId("error-explanation")).toContainText("Vouliez-vous dire `mlflow.logMetrics` ?");
});

test("a syntax error says where in French, line and column, under sucrase's message", async ({ page }) => {
  await openBlocInWorker(page, 1);
  const error = await run(page, "const a = 1;\nconsole.log(a b);\n");
  await expect(error).toContainText('Unexpected token, expected ","');
  await expect(error.getByTestId("error-explanation")).toContainText("Erreur de syntaxe dans main.ts, ligne 2, colonne 15 : symbole inattendu, « , » était attendu ici");
});

test("logMetric given an object says what it got and suggests logMetrics, never [object Object]", async ({ page }) => {
  await openBlocInWorker(page, 1);
  const error = await run(page, 'import * as mlflow from "mlflow";\nconst rmse = 0.7, mae = 0.5, r2 = 0.3;\nawait mlflow.logMetric({ rmse, mae, r2 } as never, 1);\n');
  await expect(error).toContainText("Reçu comme nom : un objet { rmse, mae, r2 }. Pour en enregistrer plusieurs d'un coup, utilisez mlflow.logMetrics({ rmse, mae, r2 }).");
  await expect(page.getByRole("log")).not.toContainText("[object Object]");
});

test("the editor's diagnostics are in French, and an un-awaited SDK call gets a French warning", async ({ page }) => {
  await page.goto("/cours/1");
  await replaceCode(page, 'import * as mlflow from "mlflow";\nconsol.log(1);\nmlflow.logMetric("a", 1);\nawait mlflow.logMetric("b", 2);\n');

  await expect.poll(() => markers(page), { timeout: 60_000 }).toContainEqual(
    expect.objectContaining({ severity: "error", line: 2, message: expect.stringMatching(/^Le nom 'consol' est introuvable\. Est-ce qu'il ne s'agit pas plutôt de 'console'/) }),
  );
  const all = await markers(page);
  expect(all.filter((marker) => /Cannot find|Did you mean/.test(marker.message))).toEqual([]);
  expect(all.filter((marker) => marker.severity === "warning")).toEqual([
    {
      file: "main.ts",
      severity: "warning",
      line: 3,
      column: 1,
      code: "100001",
      message: "Cet appel renvoie une promesse : ajoutez await devant, sinon la suite s'exécute avant qu'il soit fini.",
    },
  ]);

  // The learner sees it where they look: hovering the squiggle shows the French text.
  // (force: the squiggle lies under the text, which is what the mouse rests on.)
  await page.locator(".monaco-editor .squiggly-warning").first().hover({ force: true });
  await expect(page.locator(".monaco-hover").filter({ hasText: "Cet appel renvoie une promesse" })).toBeVisible();
});
