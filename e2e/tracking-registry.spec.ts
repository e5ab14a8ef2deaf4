import { expect, test } from "@playwright/test";
import { openWithWorkspace, seedExperiment } from "./tracking-fixtures";

const MLMODEL = `artifact_path: model
flavors:
  python_function:
    loader_module: cuvee.ml
signature:
  inputs: '[{"type": "double", "name": "alcohol", "required": true}, {"type": "double", "name": "pH", "required": true}]'
  outputs: '[{"type": "tensor", "tensor_spec": {"dtype": "float64", "shape": [-1]}}]'
`;

test("registry pages: models list, model page with stages and aliases, version page with signature and history", async ({ page }) => {
  const api = await openWithWorkspace(page, "/suivi/modeles");
  await expect(page.getByText("Aucun modèle inscrit au registre.")).toBeVisible();

  const { runs } = await seedExperiment(api, "registre", [{ name: "source-du-modele", params: { alpha: "0.5" }, metrics: { rmse: 0.7 } }]);
  const run = runs[0]!;
  await api.putArtifact(run.artifactUri, "model/MLmodel", MLMODEL);
  await api.post("registered-models/create", { name: "vin rouge", description: "ElasticNet sur la qualité du vin" });
  await api.post("model-versions/create", { name: "vin rouge", source: `runs:/${run.runId}/model`, run_id: run.runId });
  await api.post("model-versions/create", { name: "vin rouge", source: `runs:/${run.runId}/model`, run_id: run.runId });
  await api.post("model-versions/transition-stage", { name: "vin rouge", version: "1", stage: "Staging", archive_existing_versions: false });
  await api.post("model-versions/transition-stage", { name: "vin rouge", version: "1", stage: "Production", archive_existing_versions: false });
  await api.post("registered-models/alias", { name: "vin rouge", alias: "champion", version: "1" });
  await api.post("model-versions/set-tag", { name: "vin rouge", version: "1", key: "validation", value: "ok" });

  await page.reload();
  const row = page.getByRole("row", { name: "Modèle vin rouge" });
  await expect(row).toContainText("Production");
  await expect(row).toContainText("@champion → v1");

  await row.getByRole("link", { name: "vin rouge" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "vin rouge" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Description" })).toContainText("ElasticNet sur la qualité du vin");
  await expect(page.getByRole("row", { name: "Version 2", exact: true })).toContainText("aucun stade");
  const versionOne = page.getByRole("row", { name: "Version 1", exact: true });
  await expect(versionOne).toContainText("Production");
  await expect(versionOne).toContainText("@champion");

  await versionOne.getByRole("link", { name: "Version 1" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "vin rouge · version 1" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Vue d'ensemble" }).getByRole("link", { name: "source-du-modele" })).toBeVisible();
  const signature = page.getByRole("region", { name: "Signature" });
  await expect(signature.getByRole("row", { name: /alcohol/ })).toContainText("double");
  await expect(signature).toContainText("tensor float64 [-1]");
  await expect(page.getByRole("region", { name: "Tags (1)" })).toContainText("validation");
  const history = page.getByRole("region", { name: "Historique des stades" }).getByRole("listitem");
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText("aucun stade");
  await expect(history.first()).toContainText("Staging");
  await expect(history.last()).toContainText("Production");
});
