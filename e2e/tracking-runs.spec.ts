import { expect, test } from "@playwright/test";
import { openWithWorkspace, seedExperiment, type SeedRun } from "./tracking-fixtures";

const SWEEP: SeedRun[] = [
  { name: "vin-a", params: { alpha: "0.5", l1_ratio: "0.5" }, metrics: { rmse: [0.9, 0.8, 0.7], r2: 0.3 }, tags: { equipe: "rouge" } },
  { name: "vin-b", params: { alpha: "0.5", l1_ratio: "0.2" }, metrics: { rmse: 0.85, r2: 0.2 } },
  { name: "vin-c", params: { alpha: "0.1", l1_ratio: "0.5" }, metrics: { rmse: 0.6, r2: 0.4 } },
  { name: "vin-d", params: { alpha: "0.5", l1_ratio: "0.5" }, metrics: { rmse: 0.75, r2: 0.35 } },
];

test("runs table: the MLflow filter keeps the right rows, a bad filter says why in French", async ({ page }) => {
  const api = await openWithWorkspace(page, "/suivi");
  const { experimentId } = await seedExperiment(api, "balayage-filtre", SWEEP);

  await page.goto(`/suivi/experiences/${experimentId}`);
  await expect(page.getByRole("heading", { level: 1, name: "balayage-filtre" })).toBeVisible();
  for (const run of SWEEP) await expect(page.getByRole("row", { name: `Run ${run.name}` })).toBeVisible();

  await page.getByLabel("Filtre de recherche MLflow").fill("metrics.rmse < 0.8 and params.alpha = '0.5'");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByRole("row", { name: "Run vin-a" })).toBeVisible();
  await expect(page.getByRole("row", { name: "Run vin-d" })).toBeVisible();
  await expect(page.getByRole("row", { name: "Run vin-b" })).toHaveCount(0);
  await expect(page.getByRole("row", { name: "Run vin-c" })).toHaveCount(0);
  await expect(page.getByText("2 runs", { exact: true })).toBeVisible();

  await page.getByLabel("Filtre de recherche MLflow").fill("metrics.rmse <<< deux");
  await page.getByRole("button", { name: "Filtrer" }).click();
  // Next.js adds its own (empty) route announcer with the alert role.
  const alert = page.getByRole("alert").filter({ hasText: "filtre" });
  await expect(alert).toContainText("Ce filtre n'est pas une recherche MLflow valide");
  await expect(page.getByRole("table")).toHaveCount(0);
});

test("runs table: sorting by a metric orders the rows, and the CSV holds the columns", async ({ page }) => {
  const api = await openWithWorkspace(page, "/suivi");
  const { experimentId } = await seedExperiment(api, "balayage-tri", SWEEP);
  await page.goto(`/suivi/experiences/${experimentId}`);

  await page.getByRole("link", { name: "Trier par métrique rmse", exact: true }).click();
  await expect(page.getByRole("columnheader", { name: /rmse/ })).toHaveAttribute("aria-sort", "ascending");
  const names = page.getByRole("row", { name: /^Run / });
  await expect(names).toHaveCount(4);
  await expect(names.first()).toHaveAccessibleName("Run vin-c");
  await expect(names.last()).toHaveAccessibleName("Run vin-b");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Télécharger en CSV" }).click();
  const file = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of file) chunks.push(chunk as Buffer);
  const csv = Buffer.concat(chunks).toString("utf8").split("\r\n");
  expect(csv[0]).toBe("run_id,run_name,status,start_time,end_time,params.alpha,params.l1_ratio,metrics.r2,metrics.rmse,tags.equipe");
  expect(csv[1]).toContain(",vin-c,FINISHED,");
});

test("comparing 3 runs shows their differing params, highlighted, and the charts", async ({ page }) => {
  const api = await openWithWorkspace(page, "/suivi");
  const { experimentId } = await seedExperiment(api, "balayage-comparaison", SWEEP);
  await page.goto(`/suivi/experiences/${experimentId}`);

  for (const name of ["vin-a", "vin-b", "vin-c"]) await page.getByLabel(`Sélectionner le run ${name}`).check();
  await page.getByRole("button", { name: "Comparer (3)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Comparer 3 runs" })).toBeVisible();

  const params = page.getByRole("region", { name: "Paramètres" });
  const alpha = params.getByRole("row", { name: "alpha (diffère)" });
  await expect(alpha).toContainText("0.5");
  await expect(alpha).toContainText("0.1");
  await expect(params.getByRole("row", { name: "l1_ratio (diffère)" })).toContainText("0.2");

  // The key metric first; alpha varies across these runs, so it is the default horizontal axis.
  await expect(page.getByRole("img", { name: /Nuage de points : rmse en fonction de alpha/ })).toBeVisible();
  await page.getByLabel("Métrique (axe vertical)").selectOption("r2");
  await expect(page.getByRole("img", { name: /r2 en fonction de alpha/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Coordonnées parallèles sur alpha, l1_ratio, rmse, r2/ })).toBeVisible();
});

test("run page: overview, params, metric history chart and tags", async ({ page }) => {
  const api = await openWithWorkspace(page, "/suivi");
  const { runs } = await seedExperiment(api, "balayage-run", SWEEP.slice(0, 1));
  await page.goto(`/suivi/runs/${runs[0]!.runId}`);

  await expect(page.getByRole("heading", { level: 1, name: "vin-a" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Vue d'ensemble" })).toContainText(runs[0]!.runId);
  await expect(page.getByRole("region", { name: "Paramètres (2)" }).getByRole("row", { name: /alpha/ })).toContainText("0.5");
  await expect(page.getByRole("region", { name: "Métriques (2)" }).getByRole("row", { name: /rmse/ })).toContainText("0.7 (étape 2)");
  await expect(page.getByRole("img", { name: "Historique de la métrique rmse par étape" })).toBeVisible();
  await expect(page.getByText("3 valeurs")).toBeVisible();
  await expect(page.getByRole("region", { name: "Tags (1)" })).toContainText("rouge");
});

test("experiments page: create, rename, delete and restore", async ({ page }) => {
  await openWithWorkspace(page, "/suivi");
  await expect(page.getByText("Lancez le code du bloc 1 pour créer votre première expérience")).toBeVisible();

  await page.getByLabel("Nouvelle expérience").fill("cave-à-vin");
  await page.getByRole("button", { name: "Créer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "cave-à-vin" })).toBeVisible();
  await expect(page.getByText("Aucun run dans cette expérience.")).toBeVisible();

  await page.getByRole("link", { name: "Suivi" }).click();
  await page.getByRole("button", { name: "Renommer l'expérience cave-à-vin" }).click();
  await page.getByLabel("Nouveau nom de l'expérience cave-à-vin").fill("cave-renommée");
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByRole("link", { name: "cave-renommée" })).toBeVisible();

  await page.getByLabel("Rechercher par nom").fill("RENOMM");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page.getByRole("link", { name: "cave-renommée" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Default" })).toHaveCount(0);

  await page.getByRole("button", { name: "Supprimer l'expérience cave-renommée" }).click();
  await expect(page.getByText("Aucune expérience ne contient « RENOMM ».")).toBeVisible();

  await page.goto("/suivi?supprimees=1");
  await page.getByRole("button", { name: "Restaurer l'expérience cave-renommée" }).click();
  await expect(page.getByText("Aucune expérience supprimée.")).toBeVisible();
  await page.goto("/suivi");
  await expect(page.getByRole("link", { name: "cave-renommée" })).toBeVisible();
});
