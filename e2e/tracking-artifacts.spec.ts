import { expect, test } from "@playwright/test";
import { openWithWorkspace, seedExperiment } from "./tracking-fixtures";

/** Markup that would set `__pwned` on the app's window if it ever ran in the app's origin. */
const EVIL_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" onload="window.top.__pwned = 'onload'">
  <script>window.top.__pwned = 'script'; document.title = 'pirate';</script>
  <rect width="120" height="60" fill="#a23b57"/>
</svg>`;
const EVIL_HTML = `<html><body><h1>Rapport d'évaluation</h1><script>window.top.__pwned = 'html'</script></body></html>`;

test("artifact viewer: folder tree, CSV as a table, JSON, YAML; an SVG's script never runs", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const api = await openWithWorkspace(page, "/suivi");
  const { runs } = await seedExperiment(api, "artefacts", [{ name: "avec-artefacts", params: {}, metrics: { rmse: 0.7 } }]);
  const run = runs[0]!;
  await api.putArtifact(run.artifactUri, "plots/residus.svg", EVIL_SVG);
  await api.putArtifact(run.artifactUri, "rapport.html", EVIL_HTML);
  await api.putArtifact(run.artifactUri, "data/predictions.csv", "alcohol,quality\n9.4,5\n9.8,6\n");
  await api.putArtifact(run.artifactUri, "data/metriques.json", '{"rmse":0.7,"r2":0.3}');
  await api.putArtifact(run.artifactUri, "model/MLmodel", "artifact_path: model\nflavors:\n  python_function: {}\n");

  await page.goto(`/suivi/runs/${run.runId}`);
  const artifacts = page.getByRole("region", { name: "Artefacts" });
  const tree = artifacts.getByRole("navigation", { name: "Arborescence des artefacts" });
  const preview = artifacts.getByRole("region", { name: "Aperçu de l'artefact" });

  await tree.getByRole("button", { name: /residus\.svg/ }).click();
  const image = preview.getByRole("img", { name: "Aperçu de residus.svg" });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(120);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  await expect(page).not.toHaveTitle("pirate");
  await expect(preview.getByRole("link", { name: "Télécharger" })).toHaveAttribute("download", "residus.svg");

  await tree.getByRole("button", { name: /predictions\.csv/ }).click();
  await expect(preview.getByRole("columnheader", { name: "alcohol" })).toBeVisible();
  await expect(preview.getByText("2 lignes · 2 colonnes")).toBeVisible();

  await tree.getByRole("button", { name: /metriques\.json/ }).click();
  await expect(preview.getByText('"rmse": 0.7')).toBeVisible();

  await tree.getByRole("button", { name: /MLmodel/ }).click();
  await expect(preview.getByText("python_function")).toBeVisible();

  await tree.getByRole("button", { name: /rapport\.html/ }).click();
  const frame = preview.locator("iframe");
  await expect(frame).toHaveAttribute("sandbox", "");
  await expect(frame).toHaveAttribute("title", "Aperçu isolé de rapport.html");

  // Collapsing a folder hides its files.
  await tree.getByRole("button", { name: /plots/ }).click();
  await expect(tree.getByRole("button", { name: /residus\.svg/ })).toHaveCount(0);

  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);

  // Opened on its own, the download is sandboxed by its CSP: the script does not run either.
  const direct = await page.context().newPage();
  await direct.goto(`/w/${api.workspaceId}/api/2.0/mlflow-artifacts/artifacts/${run.artifactUri.replace("mlflow-artifacts:/", "")}/plots/residus.svg`);
  await expect(direct.locator("rect")).toHaveCount(1);
  expect(await direct.title()).not.toBe("pirate");
  await direct.close();
});

test("run without artifacts says how to log one", async ({ page }) => {
  const api = await openWithWorkspace(page, "/suivi");
  const { runs } = await seedExperiment(api, "sans-artefacts", [{ name: "nu", params: {}, metrics: {} }]);
  await page.goto(`/suivi/runs/${runs[0]!.runId}`);
  await expect(page.getByRole("region", { name: "Artefacts" })).toContainText("Aucun artefact pour ce run.");
});
