/**
 * Screenshots of every tracking page at desktop and phone widths, light and dark, for a person to
 * look at (nothing overlapping, nothing cut, accents right): `npm run screenshots` after
 * `npm run build` writes them to `.tmp/screenshots` (or `SCREENSHOT_DIR`). A script, not a test:
 * the e2e suite does not run it (`*.screens.ts`, see e2e/screenshots.config.ts), but it still
 * stops if a page errors or does not show its heading.
 */
import { expect, test, type Page } from "@playwright/test";
import { openWithWorkspace, seedExperiment, type SeedRun } from "./tracking-fixtures";

const directory = process.env.SCREENSHOT_DIR ?? ".tmp/screenshots";

const SWEEP: SeedRun[] = [0.1, 0.3, 0.5, 0.7, 0.9].map((alpha, index) => ({
  name: `balayage-alpha-${alpha}`,
  params: { alpha: String(alpha), l1_ratio: index % 2 ? "0.2" : "0.5", random_state: "42" },
  metrics: { rmse: [0.9 - alpha / 10, 0.8 - alpha / 10 + index / 100, 0.7 + alpha / 10], r2: 0.2 + alpha / 10, mae: 0.55 + alpha / 20 },
  tags: { équipe: "rouge" },
}));

const WIDTHS = [
  { name: "bureau", width: 1440, height: 900 },
  { name: "telephone", width: 390, height: 844 },
];

async function shoot(page: Page, name: string) {
  for (const theme of ["clair", "sombre"] as const) {
    await page.evaluate((dark) => {
      localStorage.setItem("cuvee:theme", dark ? "dark" : "light");
      document.documentElement.classList.toggle("dark", dark);
    }, theme === "sombre");
    for (const size of WIDTHS) {
      await page.setViewportSize({ width: size.width, height: size.height });
      // The header is sticky: from the top, a full-page shot shows it once, where it belongs.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${directory}/${name}-${size.name}-${theme}.png`, fullPage: true });
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("screenshots of the tracking pages", async ({ page }) => {
  test.setTimeout(240_000);
  const api = await openWithWorkspace(page, "/suivi");
  await expect(page.getByRole("heading", { level: 1, name: "Expériences" })).toBeVisible();
  await shoot(page, "01-experiences-vide");
  await page.goto("/suivi/modeles");
  await shoot(page, "02-modeles-vide");

  const { experimentId, runs } = await seedExperiment(api, "exp_wine_quality", SWEEP);
  await seedExperiment(api, "une expérience au nom assez long pour voir le retour à la ligne", []);
  const run = runs[2]!;
  await api.putArtifact(run.artifactUri, "plots/residus.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120"><rect width="300" height="120" fill="#ecc4cf"/><circle cx="60" cy="60" r="40" fill="#a23b57"/></svg>');
  await api.putArtifact(run.artifactUri, "data/predictions.csv", "alcohol,pH,quality,prediction\n9.4,3.51,5,5.12\n9.8,3.2,5,5.3\n9.8,3.26,5,5.41\n");
  await api.putArtifact(run.artifactUri, "model/MLmodel", "artifact_path: model\nflavors:\n  python_function:\n    loader_module: cuvee.ml\nsignature:\n  inputs: '[{\"type\": \"double\", \"name\": \"alcohol\"}]'\n  outputs: '[{\"type\": \"double\"}]'\n");
  await api.post("registered-models/create", { name: "wine-quality", description: "ElasticNet entraîné sur la qualité des vins rouges." });
  for (let i = 0; i < 3; i += 1) await api.post("model-versions/create", { name: "wine-quality", source: `runs:/${run.runId}/model`, run_id: run.runId });
  await api.post("model-versions/transition-stage", { name: "wine-quality", version: "2", stage: "Staging", archive_existing_versions: false });
  await api.post("model-versions/transition-stage", { name: "wine-quality", version: "2", stage: "Production", archive_existing_versions: false });
  await api.post("model-versions/transition-stage", { name: "wine-quality", version: "3", stage: "Staging", archive_existing_versions: false });
  await api.post("registered-models/alias", { name: "wine-quality", alias: "champion", version: "2" });

  await page.goto("/suivi");
  await shoot(page, "03-experiences");
  await page.goto(`/suivi/experiences/${experimentId}`);
  await expect(page.getByRole("row", { name: /^Run / })).toHaveCount(5);
  await shoot(page, "04-runs");
  await page.getByLabel("Filtre de recherche MLflow").fill("metrics.rmse <");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "filtre" })).toBeVisible();
  await shoot(page, "05-runs-filtre-invalide");
  await page.goto(`/suivi/runs/${run.runId}`);
  await page.getByRole("button", { name: /residus\.svg/ }).click();
  await expect(page.getByRole("img", { name: "Aperçu de residus.svg" })).toBeVisible();
  await shoot(page, "06-run");
  await page.getByRole("button", { name: /predictions\.csv/ }).click();
  await expect(page.getByRole("columnheader", { name: "prediction" })).toBeVisible();
  await shoot(page, "07-run-csv");
  await page.goto(`/suivi/comparer?runs=${runs.map((r) => r.runId).join(",")}`);
  await expect(page.getByRole("heading", { level: 1, name: "Comparer 5 runs" })).toBeVisible();
  await shoot(page, "08-comparaison");
  await page.goto("/suivi/modeles");
  await shoot(page, "09-modeles");
  await page.goto("/suivi/modeles/wine-quality");
  await shoot(page, "10-modele");
  await page.goto("/suivi/modeles/wine-quality/versions/2");
  await shoot(page, "11-version");
  await page.goto("/cours/1");
  await expect(page.getByRole("region", { name: "Registre des modèles" })).toBeVisible();
  await shoot(page, "12-lecon");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("button", { name: "Suivi", exact: true }).click();
  await page.screenshot({ path: `${directory}/13-lecon-telephone-suivi.png`, fullPage: true });
  await page.getByRole("button", { name: "Code", exact: true }).click();
  await page.screenshot({ path: `${directory}/14-lecon-telephone-code.png`, fullPage: true });
});
