import { expect, test } from "@playwright/test";
import { openWithWorkspace, seedExperiment } from "./tracking-fixtures";

test("live panel: a stage transition made through the API appears without reload", async ({ page }) => {
  const api = await openWithWorkspace(page, "/cours/1");
  const panel = page.getByRole("region", { name: "Suivi en direct" });
  await expect(panel).toContainText("Lancez le code du bloc 1 pour créer votre première expérience");

  const { runs } = await seedExperiment(api, "exp_registre", [{ name: "candidat", params: { alpha: "0.5" }, metrics: { rmse: 0.74 } }]);
  await api.post("registered-models/create", { name: "wine-quality" });
  await api.post("model-versions/create", { name: "wine-quality", source: `runs:/${runs[0]!.runId}/model`, run_id: runs[0]!.runId });

  const registry = panel.getByRole("region", { name: "Registre des modèles" });
  await expect(registry.getByRole("listitem", { name: "Version 1 : aucun stade" })).toBeVisible();

  await api.post("model-versions/transition-stage", { name: "wine-quality", version: "1", stage: "Staging", archive_existing_versions: false });
  // The change reaches the panel as an event; allow for a loaded test machine, well under a reload's worth.
  await expect(registry.getByRole("listitem", { name: "Version 1 : Staging" })).toBeVisible({ timeout: 3_000 });

  await api.post("registered-models/alias", { name: "wine-quality", alias: "champion", version: "1" });
  await expect(registry.getByRole("listitem", { name: "Version 1 : Staging, alias champion" })).toBeVisible({ timeout: 3_000 });
});

test("live panel: new runs appear and the last run's changed params are marked", async ({ page }) => {
  const api = await openWithWorkspace(page, "/cours/1");
  const panel = page.getByRole("region", { name: "Suivi en direct" });
  // The panel's first answer first: an experiment that already had its runs then is not news,
  // and is folded away on bloc 1 (the panel reads on its stream's first event, not at once).
  await expect(panel).toContainText("Lancez le code du bloc 1 pour créer votre première expérience");
  await seedExperiment(api, "exp_balayage", [
    { name: "premier", params: { alpha: "0.5", l1_ratio: "0.5" }, metrics: { rmse: 0.74 } },
    { name: "second", params: { alpha: "0.1", l1_ratio: "0.5" }, metrics: { rmse: 0.7 } },
  ]);
  const latest = panel.getByRole("listitem", { name: "Run second" });
  await expect(latest).toContainText("alpha = 0.1 (différent du run précédent)", { timeout: 3_000 });
  await expect(latest).toContainText("rmse = 0.7 (différent du run précédent)");
  await expect(latest).toContainText("l1_ratio = 0.5");
  await expect(latest).not.toContainText("l1_ratio = 0.5 (différent");
  await expect(latest.getByRole("link", { name: "second" })).toHaveAttribute("href", /\/suivi\/runs\/[0-9a-f]{32}$/);
});
